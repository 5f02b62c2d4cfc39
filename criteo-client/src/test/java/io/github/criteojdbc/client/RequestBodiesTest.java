package io.github.criteojdbc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Request value types: exact JSON, omitted optionals, validation, equality as cache keys. */
class RequestBodiesTest {
  static StatisticsReportRequest.Builder statistics() {
    return StatisticsReportRequest.builder().advertiserIds("1")
        .startDate(LocalDate.of(2026, 1, 1)).endDate(LocalDate.of(2026, 1, 7))
        .dimensions("Day").metrics("Clicks");
  }

  @Test
  void statisticsBodyOmitsAbsentOptionals() {
    assertThat(statistics().build().toJson()).isEqualTo("{\"data\":{\"type\":\"StatisticsReport\",\"attributes\":"
        + "{\"advertiserIds\":[\"1\"],\"startDate\":\"2026-01-01\",\"endDate\":\"2026-01-07\","
        + "\"dimensions\":[\"Day\"],\"metrics\":[\"Clicks\"]}}}");
  }

  @Test
  void equalRequestsAreEqualCacheKeys() {
    assertThat(statistics().currency("EUR").build()).isEqualTo(statistics().currency("EUR").build())
        .hasSameHashCodeAs(statistics().currency("EUR").build())
        .isNotEqualTo(statistics().currency("USD").build());
  }

  @Test
  void statisticsNeedsAdvertisersDimensionsAndOrderedDates() {
    assertThatThrownBy(() -> statistics().advertiserIds().build()).hasMessageContaining("advertiserIds");
    assertThatThrownBy(() -> statistics().dimensions().build()).hasMessageContaining("dimensions");
    assertThatThrownBy(() -> statistics().startDate(LocalDate.of(2026, 2, 1)).build())
        .hasMessageContaining("after endDate");
  }

  @Test
  void mpoDimensionsAndMetricsAreSentInPascalCase() {
    MpoRealtimeExportRequest request = MpoRealtimeExportRequest.builder().advertiserIds("1")
        .dimensions("advertiserId", "hour").metrics("clicks").build();

    assertThat(request.dimensions()).containsExactly("AdvertiserId", "Hour");
    assertThat(request.metrics()).containsExactly("Clicks");
    assertThat(request.fileFormat()).isEqualTo(MpoFileFormat.CSV);
  }

  @Test
  void mpoLookbackMustBeInRangeAndAloneWithoutDates() {
    assertThatThrownBy(() -> MpoRealtimeExportRequest.builder().advertiserIds("1").lookbackWindowMinutes(30).build())
        .hasMessageContaining("60-1440");
    assertThatThrownBy(() -> MpoRealtimeExportRequest.builder().advertiserIds("1").lookbackWindowMinutes(60)
        .startDate(Instant.parse("2026-01-01T00:00:00Z")).build())
        .hasMessageContaining("cannot be combined");
  }

  @Test
  void audienceNeedsOneAdvertiserAndABreakdown() {
    assertThatThrownBy(() -> AudiencePerformanceReportRequest.builder().dimension("Top30BrandsByClicks")
        .startDate(LocalDate.of(2026, 1, 1)).endDate(LocalDate.of(2026, 1, 1)).build())
        .hasMessageContaining("advertiserId");
  }
}
