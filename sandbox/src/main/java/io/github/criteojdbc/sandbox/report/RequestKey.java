package io.github.criteojdbc.sandbox.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What makes two create requests identical: the same client, endpoint and JSON body (compared as JSON, so
 * whitespace and key order do not matter).
 */
public record RequestKey(String clientId, String endpoint, JsonNode body) {}
