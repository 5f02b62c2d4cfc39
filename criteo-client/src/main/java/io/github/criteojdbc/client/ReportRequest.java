package io.github.criteojdbc.client;

import java.util.List;

/**
 * What every report request shows of itself to the layers that keep its rows: the body it is
 * sent as, which keys the cache, and the advertisers whose data it asks for.
 */
public interface ReportRequest {
  /** The request body, as sent. */
  String toJson();

  /** The advertisers whose data the report holds, in request order. */
  List<String> advertisers();
}
