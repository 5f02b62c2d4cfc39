package io.github.criteojdbc.client;

import java.util.List;

/** The credentials were refused (token endpoint failure, 401 or 403). */
public class CriteoAuthException extends CriteoApiException {
  private static final long serialVersionUID = 1L;

  public static final String ADVICE = "Check clientId/clientSecret or the app's advertiser access";

  public CriteoAuthException(int httpStatus, List<ApiProblem> problems) {
    super(httpStatus, problems, ADVICE);
  }

  /** With advice that fits the call better than {@link #ADVICE}, for example the scope it needs. */
  public CriteoAuthException(int httpStatus, List<ApiProblem> problems, String advice) {
    super(httpStatus, problems, advice);
  }
}
