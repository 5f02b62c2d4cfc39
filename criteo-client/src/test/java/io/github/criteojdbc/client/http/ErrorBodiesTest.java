package io.github.criteojdbc.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.client.ApiProblem;
import io.github.criteojdbc.client.Secret;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorBodiesTest {
  @Test
  void readsCriteoProblemsWithSourceAndTheDeprecatedTraceIdentifier() {
    String body = """
        {"errors":[{"type":"validation","code":"required-field","title":"Missing field",
          "detail":"advertiserIds is required","traceIdentifier":"abc","source":{"attribute":"advertiserIds"}}]}""";

    assertThat(ErrorBodies.problems(body)).containsExactly(new ApiProblem("validation", "required-field",
        "Missing field", "advertiserIds is required", "abc", Map.of("attribute", "advertiserIds")));
  }

  @Test
  void readsTheOAuthErrorForm() {
    assertThat(ErrorBodies.problems("{\"error\":\"invalid_client\",\"error_description\":\"Unknown client\"}"))
        .containsExactly(new ApiProblem("authentication", "invalid_client", null, "Unknown client", null, Map.of()));
  }

  @Test
  void keepsAShortOneLineExcerptOfAnythingElse() {
    String html = "<html>\n  <body>" + "x".repeat(500) + "</body>\n</html>";

    ApiProblem problem = ErrorBodies.problems(html).get(0);

    assertThat(problem.detail()).startsWith("<html> <body>xxx").endsWith("...").hasSizeLessThan(310);
  }

  @Test
  void emptyBodyHasNoProblems() {
    assertThat(ErrorBodies.problems("")).isEmpty();
  }

  @Test
  void masksCredentialsTheServerEchoes() {
    assertThat(ErrorBodies.problems("{\"error\":\"x\",\"error_description\":\"got pa55 and tok\"}",
        Secret.of("pa55"), Secret.of("tok")).get(0).detail()).isEqualTo("got **** and ****");
  }
}
