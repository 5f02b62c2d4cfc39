package io.github.criteojdbc.sandbox.data;

import java.util.Arrays;
import java.util.Optional;

/** The {@code adSetStatus} filter values of the statistics request. */
public enum AdSetStatus {
  ACTIVE("Active"),
  NOT_RUNNING("NotRunning"),
  DEAD("Dead");

  private final String apiName;

  AdSetStatus(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }

  public static Optional<AdSetStatus> byApiName(String apiName) {
    return Arrays.stream(values()).filter(status -> status.apiName.equals(apiName)).findFirst();
  }
}
