package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.client.AudiencePerformanceReportRequest;
import io.github.criteojdbc.client.MpoRealtimeExportRequest;
import io.github.criteojdbc.client.StatisticsReportRequest;

import com.google.common.collect.ImmutableSet;

/** The advertisers whose data a report request asks for, so that a restricted connection sees only its own. */
public final class ReportAdvertisers {
  private ReportAdvertisers() {
  }

  /** The request's advertisers; none for a request of no advertiser (a catalog batch). */
  public static ImmutableSet<String> of(Object request) {
    if (request instanceof StatisticsReportRequest statistics) {
      return ImmutableSet.copyOf(statistics.advertiserIds());
    }
    if (request instanceof MpoRealtimeExportRequest mpo) {
      return ImmutableSet.copyOf(mpo.advertiserIds());
    }
    if (request instanceof AudiencePerformanceReportRequest audience) {
      return ImmutableSet.of(audience.advertiserId());
    }
    return ImmutableSet.of();
  }
}
