package io.github.criteojdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.criteojdbc.sandbox.data.AdSet;
import io.github.criteojdbc.sandbox.data.Campaign;
import io.github.criteojdbc.sandbox.data.HourlyFact;
import io.github.criteojdbc.sandbox.data.MpoMinuteFact;
import io.github.criteojdbc.sandbox.data.MpoSeller;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SandboxDataTest {
  private final MovableClock clock = TestTime.clock();
  private final SandboxData data = new SandboxData(clock, SandboxOptions.DEFAULT_DATA_DAYS);

  @Test
  void thePortfolioHasThreeAdvertisersWithTwoOrThreeCampaignsOfTwoAdSets() {
    assertThat(data.advertiserIds()).containsExactly("10001", "10002", "10003");
    Map<String, Long> campaignsPerAdvertiser = data.campaigns().stream()
        .collect(Collectors.groupingBy(Campaign::advertiserId, Collectors.counting()));
    assertThat(campaignsPerAdvertiser.values()).allMatch(count -> count == 2 || count == 3);
    Map<String, Long> adSetsPerCampaign = data.adSets().stream()
        .collect(Collectors.groupingBy(AdSet::campaignId, Collectors.counting()));
    assertThat(adSetsPerCampaign.values()).containsOnly(2L);
    assertThat(data.adSetIds()).doesNotHaveDuplicates().allMatch(id -> id.matches("\\d+"));
    assertThat(data.adSetNames()).doesNotHaveDuplicates();
  }

  @Test
  void someAdSetNamesHoldCommasQuotesALineBreakAndNonAsciiLetters() {
    assertThat(data.adSetNames())
        .anyMatch(name -> name.contains(",") && name.contains("\""))
        .anyMatch(name -> name.contains("\n"))
        .anyMatch(name -> name.chars().anyMatch(c -> c > 127));
  }

  @Test
  void someSellerNamesHoldCommasQuotesALineBreakAndNonAsciiLetters() {
    List<String> sellers = data.mpoCampaigns().stream().flatMap(campaign -> campaign.sellers().stream())
        .map(MpoSeller::name).toList();

    assertThat(sellers)
        .anyMatch(name -> name.contains(","))
        .anyMatch(name -> name.contains("\""))
        .anyMatch(name -> name.contains("\n"))
        .anyMatch(name -> name.chars().anyMatch(c -> c > 127));
  }

  @Test
  void theWindowRunsFromMidnightDataDaysAgoToTheCurrentHour() {
    assertThat(data.window().firstHour()).isEqualTo(Instant.parse("2025-11-18T00:00:00Z"));
    assertThat(data.window().endHour()).isEqualTo(Instant.parse("2026-03-18T10:00:00Z"));
  }

  @Test
  void theBaseGrainIsHourAdSetDeviceAndCountry() {
    List<HourlyFact> oneHour = data.hourlyFacts(Instant.parse("2026-03-01T05:00:00Z"), Instant.parse("2026-03-01T06:00:00Z")).toList();

    assertThat(oneHour).hasSize(data.adSets().size() * 3 * 4);
    assertThat(oneHour.stream().map(fact -> fact.adSet().id() + fact.dimension("Device") + fact.dimension("Country")))
        .doesNotHaveDuplicates();
  }

  @Test
  void valuesArePureFunctionsOfTheirKeysSoHistoryStaysPutAsTimeMoves() {
    Instant hour = Instant.parse("2026-03-01T05:00:00Z");
    List<Long> before = data.hourlyFacts(hour, hour.plusSeconds(3600)).map(fact -> fact.count("SalesPc30d")).toList();

    clock.advance(Duration.ofDays(3));
    List<Long> after = new SandboxData(clock, 200).hourlyFacts(hour, hour.plusSeconds(3600))
        .map(fact -> fact.count("SalesPc30d")).toList();

    assertThat(after).isEqualTo(before);
  }

  @Test
  void clicksStayBelowDisplaysAndMeasuresAreNeverNegative() {
    data.hourlyFacts(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-02T00:00:00Z")).forEach(fact -> {
      assertThat(fact.count("Clicks")).isLessThan(fact.count("Displays"));
      assertThat(fact.count("Visits")).isNotNegative();
      assertThat(fact.money("AdvertiserCost").signum()).isNotNegative();
    });
  }

  @Test
  void idAndNameDimensionsArePaired() {
    Map<String, List<String>> namesById = data.hourlyFacts(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-02T00:00:00Z"))
        .collect(Collectors.groupingBy(fact -> fact.dimension("AdId"),
            Collectors.mapping(fact -> fact.dimension("Ad"), Collectors.collectingAndThen(Collectors.toSet(), List::copyOf))));

    assertThat(namesById.values()).allMatch(names -> names.size() == 1);
  }

  @Test
  void timeBucketsAreNotFactDimensions() {
    HourlyFact fact = data.hourlyFacts().findFirst().orElseThrow();

    assertThatThrownBy(() -> fact.dimension("Day")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fact.dimension("Adset")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countsAndMoneyAreAskedForByTheirKind() {
    HourlyFact fact = data.hourlyFacts().findFirst().orElseThrow();

    assertThat(fact.money("AdvertiserCost").scale()).isEqualTo(2);
    assertThatThrownBy(() -> fact.count("AdvertiserCost")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fact.money("Clicks")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mpoFactsCoverTheLastSevenDaysUpToTheCurrentMinute() {
    List<MpoMinuteFact> lastHour = data.mpoMinuteFacts(Instant.parse("2026-03-18T09:30:00Z"), Instant.parse("2026-03-18T11:00:00Z")).toList();

    assertThat(lastHour).allMatch(fact -> fact.minute().isBefore(Instant.parse("2026-03-18T10:30:00Z")));
    assertThat(lastHour).isNotEmpty();
    assertThat(data.mpoMinuteFacts().findFirst().orElseThrow().minute()).isAfterOrEqualTo(Instant.parse("2026-03-11T10:30:00Z"));
    assertThat(data.mpoCampaigns()).hasSize(6);
  }

  @Test
  void audienceFactsStopYesterday() {
    assertThat(data.lastAudienceDay()).isEqualTo(java.time.LocalDate.parse("2026-03-17"));
    assertThat(data.audienceFacts(data.lastAudienceDay(), data.lastAudienceDay().plusDays(5))
        .map(fact -> fact.day()).distinct()).containsExactly(data.lastAudienceDay());
  }

  @Test
  void currencyFactorsAreExact() {
    assertThat(data.currencyFactor("USD")).isEqualByComparingTo("1.25");
    assertThat(data.currencyFactor("EUR")).isEqualByComparingTo("1");
    assertThatThrownBy(() -> data.currencyFactor("XXX")).isInstanceOf(IllegalArgumentException.class);
  }
}
