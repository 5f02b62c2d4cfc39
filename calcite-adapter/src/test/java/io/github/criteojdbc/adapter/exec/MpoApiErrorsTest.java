package io.github.criteojdbc.adapter.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.client.ApiProblem;
import io.github.criteojdbc.client.CriteoApiException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

/**
 * Each error code the MPO export guide documents, if the server still returns it after the
 * adapter's own checks, keeps Criteo's code, detail and trace id and gains advice in SQL terms.
 */
class MpoApiErrorsTest {
  private static CriteoApiException apiError(int status, String code) {
    return new CriteoApiException(status, List.of(new ApiProblem("validation", code, "Title",
        "detail of " + code, "trace-1", null)), "");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "400 | invalid-query | every advertiser_id (or the advertiserIds connection property)",
      "400 | invalid-lookbackwindow | INTERVAL 'N' MINUTE with N from 60 to 1440",
      "400 | invalid-time-interval | give minute or hour a lower bound",
      "409 | invalid-dimensioncombination | only one of product_id, hour and minute",
      "400 | unsupported-fileformat | set the fileFormat connection property to csv or json",
      "400 | json-serialization-error | set the fileFormat connection property to csv or json",
      "403 | export-not-found | run the query again, and check clientId/clientSecret",
      "400 | export-alreadyexpired | deleted before it was downloaded; run the query again"})
  void documentedCodeSaysWhatToChange(int status, String code, String advice) {
    CriteoApiException original = apiError(status, code);
    CriteoApiException explained = MpoApiErrors.explain("mpo_realtime", original);
    assertThat(explained.getMessage())
        .startsWith("Criteo API error " + status + " " + code + ": detail of " + code
            + " (traceId trace-1). mpo_realtime: ")
        .contains(advice);
    assertThat(explained.httpStatus()).isEqualTo(status);
    assertThat(explained.code()).isEqualTo(code);
    assertThat(explained.getCause()).isSameAs(original);
  }

  @Test void undocumentedCodeIsLeftAsItIs() {
    CriteoApiException original = apiError(500, "internal-error");
    assertThat(MpoApiErrors.explain("mpo_realtime", original)).isSameAs(original);
  }
}
