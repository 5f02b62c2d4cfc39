package io.github.criteojdbc.client;

import io.github.criteojdbc.client.http.ApiRequest;
import io.github.criteojdbc.client.parse.RowParser;
import java.io.IOException;
import java.util.function.Consumer;
import okhttp3.Response;

/** The calls and output format of one kind of asynchronous report. */
interface ReportKind {
  /** {@code statistics}, {@code audience-performance} or {@code mpo-realtime}. */
  String name();

  String requestSummary();

  ApiRequest create();

  ApiRequest status(String reportId);

  ApiRequest output(String reportId);

  /** Starts reading a successful output response (the head only; rows stream on demand). */
  RowParser openOutput(Response response, RowShape shape, String reportId, Consumer<String> warnings)
      throws IOException;
}
