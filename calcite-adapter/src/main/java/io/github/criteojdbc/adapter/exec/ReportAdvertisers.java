package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.client.ReportRequest;

import com.google.common.collect.ImmutableSet;

/** The advertisers whose data a report request asks for, so that a restricted connection sees only its own. */
public final class ReportAdvertisers {
  private ReportAdvertisers() {
  }

  /** The request's advertisers; none for a request of no advertiser (a catalog batch). */
  public static ImmutableSet<String> of(Object request) {
    return request instanceof ReportRequest report ? ImmutableSet.copyOf(report.advertisers())
        : ImmutableSet.of();
  }
}
