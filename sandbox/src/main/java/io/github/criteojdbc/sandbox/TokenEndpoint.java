package io.github.criteojdbc.sandbox;

import io.github.criteojdbc.sandbox.http.FormBody;
import io.github.criteojdbc.sandbox.http.HttpCall;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /oauth2/token} with the client-credentials grant (criteo-api.md §1): form-encoded
 * {@code grant_type}, {@code client_id}, {@code client_secret}; errors in the OAuth2 shape, not the API envelope.
 */
final class TokenEndpoint {
  private static final String GRANT_TYPE = "client_credentials";

  private final Map<String, String> credentials;
  private final TokenStore tokens;
  private final SandboxFaults faults;
  private final Clock clock;

  TokenEndpoint(Map<String, String> credentials, TokenStore tokens, SandboxFaults faults, Clock clock) {
    this.credentials = Map.copyOf(credentials);
    this.tokens = tokens;
    this.faults = faults;
    this.clock = clock;
  }

  void handle(HttpCall call) {
    Map<String, String> form = FormBody.parse(call.bodyText());
    String grantType = form.get("grant_type");
    if (!GRANT_TYPE.equals(grantType)) {
      call.sendJson(400, oauthError("unsupported_grant_type",
          "grant_type must be '" + GRANT_TYPE + "', was " + (grantType == null ? "missing" : "'" + grantType + "'")));
      return;
    }
    String clientId = form.get("client_id");
    if (clientId == null || !credentials.containsKey(clientId) || !credentials.get(clientId).equals(form.get("client_secret"))) {
      call.sendJson(401, oauthError("invalid_client", "Unknown client_id or wrong client_secret"));
      return;
    }
    Duration lifetime = faults.tokenLifetime();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", tokens.issue(clientId, lifetime, clock.instant()));
    body.put("token_type", "Bearer");
    body.put("expires_in", lifetime.toSeconds());
    call.sendJson(200, body);
  }

  private static Map<String, Object> oauthError(String error, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", description);
    return body;
  }
}
