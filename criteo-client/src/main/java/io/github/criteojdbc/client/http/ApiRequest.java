package io.github.criteojdbc.client.http;

import okhttp3.HttpUrl;

/**
 * One API call to make.
 *
 * @param jsonBody the POST body, or null for a GET
 * @param reportCall whether it spends the application's report-call budget (create, status, output)
 * @param activity what the call does, for messages ("polling report X")
 */
public record ApiRequest(HttpUrl url, String jsonBody, String accept, boolean reportCall, String activity) {

  public static ApiRequest post(HttpUrl url, String jsonBody, String activity) {
    return new ApiRequest(url, jsonBody, "application/json", true, activity);
  }

  public static ApiRequest get(HttpUrl url, String accept, String activity) {
    return new ApiRequest(url, null, accept, true, activity);
  }
}
