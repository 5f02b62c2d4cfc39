package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.client.CriteoApiException;

import com.google.common.collect.ImmutableMap;

/**
 * What to change when the MPO export API still refuses a request that passed the adapter's own
 * checks: each documented error code gets advice in the table's SQL terms, appended to Criteo's
 * code, detail and trace id. Lives in the adapter because only the table knows its columns.
 */
final class MpoApiErrors {
  private static final ImmutableMap<String, String> ADVICE = ImmutableMap.<String, String>builder()
      .put("invalid-query", "check that every advertiser_id (or the advertiserIds connection "
          + "property) is an advertiser this app can read, that campaign_id and seller_id are ids "
          + "of that advertiser, and that the timezone connection property is an IANA zone")
      .put("invalid-lookbackwindow", "filter minute >= CURRENT_TIMESTAMP - INTERVAL 'N' MINUTE "
          + "with N from 60 to 1440 and no other bound on minute or hour, or use a TIMESTAMP range")
      .put("invalid-time-interval", "give minute or hour a lower bound (minute >= TIMESTAMP "
          + "'...') that is not after its upper bound, or filter minute >= CURRENT_TIMESTAMP - "
          + "INTERVAL 'N' MINUTE")
      .put("invalid-dimensioncombination", "use only one of product_id, hour and minute in one "
          + "query (select list, GROUP BY, ORDER BY and filters the request does not answer)")
      .put("unsupported-fileformat", "set the fileFormat connection property to csv or json")
      .put("json-serialization-error", "the API could not read the export request; set the "
          + "fileFormat connection property to csv or json, and check the driver version against "
          + "the API version if it persists")
      .put("export-not-found", "the export is not visible to this application (created with "
          + "other credentials, or unknown); run the query again, and check clientId/clientSecret")
      .put("export-alreadyexpired", "the export file was deleted before it was downloaded; run "
          + "the query again")
      .build();

  private MpoApiErrors() {
  }

  /** The same error with advice that says what to change, when its code is a documented one. */
  static CriteoApiException explain(String table, CriteoApiException error) {
    String advice = error.code() == null ? null : ADVICE.get(error.code());
    if (advice == null) {
      return error;
    }
    CriteoApiException explained = new CriteoApiException(error.httpStatus(), error.problems(),
        table + ": " + advice);
    explained.initCause(error);
    return explained;
  }
}
