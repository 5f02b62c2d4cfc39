package io.github.criteojdbc.client;

import java.util.List;

/**
 * The API answered with an error status. Carries Criteo's problem list; the accessors give the
 * first problem's fields (null when the response had none).
 */
public class CriteoApiException extends CriteoException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final transient List<ApiProblem> problems;

  public CriteoApiException(int httpStatus, List<ApiProblem> problems, String advice) {
    super(describe(httpStatus, problems, advice));
    this.httpStatus = httpStatus;
    this.problems = List.copyOf(problems);
  }

  /** {@code Criteo API error 400 invalid-timespan: <detail> (traceId ...). <advice>} */
  static String describe(int httpStatus, List<ApiProblem> problems, String advice) {
    StringBuilder text = new StringBuilder("Criteo API error ").append(httpStatus);
    if (!problems.isEmpty()) {
      ApiProblem first = problems.get(0);
      if (first.code() != null) {
        text.append(' ').append(first.code());
      }
      String explanation = first.detail() != null ? first.detail() : first.title();
      if (explanation != null) {
        text.append(": ").append(explanation);
      }
      if (first.traceId() != null) {
        text.append(" (traceId ").append(first.traceId()).append(')');
      }
      if (problems.size() > 1) {
        text.append(" and ").append(problems.size() - 1).append(" more problem(s)");
      }
    }
    if (advice != null && !advice.isEmpty()) {
      text.append(". ").append(advice);
    }
    return text.toString();
  }

  public int httpStatus() {
    return httpStatus;
  }

  public List<ApiProblem> problems() {
    return problems;
  }

  public String code() {
    return problems.isEmpty() ? null : problems.get(0).code();
  }

  public String title() {
    return problems.isEmpty() ? null : problems.get(0).title();
  }

  public String detail() {
    return problems.isEmpty() ? null : problems.get(0).detail();
  }

  public String traceId() {
    return problems.isEmpty() ? null : problems.get(0).traceId();
  }
}
