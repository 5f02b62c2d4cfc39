package io.github.criteojdbc.sandbox.http;

import java.util.List;

/** Ends a request with an error envelope; thrown from anywhere in a handler. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient List<Problem> problems;

  public ApiException(int status, List<Problem> problems) {
    super(status + " " + problems.get(0).code(), null, false, false);
    this.status = status;
    this.problems = List.copyOf(problems);
  }

  public ApiException(int status, Problem problem) {
    this(status, List.of(problem));
  }

  public int status() {
    return status;
  }

  public List<Problem> problems() {
    return problems;
  }
}
