package io.github.criteojdbc.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Handler;
import org.apache.calcite.avatica.remote.ProtobufHandler;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

class ErrorResponsesTest {
  private final ProtobufTranslation translation = new ProtobufTranslationImpl();
  private final ProtobufHandler handler = new ProtobufHandler(null, translation, NoopMetricsSystem.getInstance());

  @Test void anErrorRaisedOnPurposeKeepsItsMessageAndStateWithoutStackTraces() throws Exception {
    Handler.HandlerResponse<byte[]> raw = handler.convertToErrorResponse(new AvaticaRuntimeException(
        "User alice already has 2 open statements", -1, "53300", AvaticaSeverity.ERROR));
    assertThat(error(raw).exceptions).as("Avatica's own response").isNotEmpty();

    Handler.HandlerResponse<byte[]> cleaned = ErrorResponses.withoutStackTraces(translation, raw);

    Service.ErrorResponse error = error(cleaned);
    assertThat(error.exceptions).isEmpty();
    assertThat(error.errorMessage).isEqualTo("User alice already has 2 open statements");
    assertThat(error.sqlState).isEqualTo("53300");
    assertThat(cleaned.getStatusCode()).isEqualTo(raw.getStatusCode());
  }

  @Test void anUnexpectedExceptionBecomesAGenericErrorWithoutItsMessages() throws Exception {
    Handler.HandlerResponse<byte[]> raw = handler.convertToErrorResponse(new IllegalStateException("outer",
        new IllegalArgumentException("internal detail")));

    Handler.HandlerResponse<byte[]> cleaned = ErrorResponses.withoutStackTraces(translation, raw);

    Service.ErrorResponse error = error(cleaned);
    assertThat(error.errorMessage).isEqualTo(ErrorResponses.UNEXPECTED_MESSAGE);
    assertThat(error.sqlState).isEqualTo(MetaErrors.INTERNAL_STATE);
    assertThat(new String(cleaned.getResponse(), StandardCharsets.ISO_8859_1)).doesNotContain("internal detail")
        .doesNotContain("IllegalStateException");
  }

  @Test void anAnswerThatIsNoErrorIsUnchanged() throws Exception {
    Handler.HandlerResponse<byte[]> ok = new Handler.HandlerResponse<>(translation.serializeResponse(
        new Service.CloseConnectionResponse(null)), 200);

    assertThat(ErrorResponses.withoutStackTraces(translation, ok)).isSameAs(ok);
  }

  private Service.ErrorResponse error(Handler.HandlerResponse<byte[]> response) throws Exception {
    return (Service.ErrorResponse) translation.parseResponse(response.getResponse());
  }
}
