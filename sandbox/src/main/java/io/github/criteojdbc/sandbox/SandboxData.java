package io.github.criteojdbc.sandbox;

import io.github.criteojdbc.sandbox.catalog.AsyncDimension;
import io.github.criteojdbc.sandbox.catalog.Currencies;
import io.github.criteojdbc.sandbox.catalog.MetricCatalog;
import io.github.criteojdbc.sandbox.data.AdSet;
import io.github.criteojdbc.sandbox.data.Advertiser;
import io.github.criteojdbc.sandbox.data.Audience;
import io.github.criteojdbc.sandbox.data.AudienceBreakdown;
import io.github.criteojdbc.sandbox.data.AudienceFact;
import io.github.criteojdbc.sandbox.data.AudienceFacts;
import io.github.criteojdbc.sandbox.data.Campaign;
import io.github.criteojdbc.sandbox.data.DataWindow;
import io.github.criteojdbc.sandbox.data.HourlyFact;
import io.github.criteojdbc.sandbox.data.HourlyFacts;
import io.github.criteojdbc.sandbox.data.MpoCampaign;
import io.github.criteojdbc.sandbox.data.MpoFacts;
import io.github.criteojdbc.sandbox.data.MpoMinuteFact;
import io.github.criteojdbc.sandbox.data.Portfolio;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/**
 * The synthetic data behind the sandbox, for tests that compute expected reports on their own. Everything is a
 * pure function of its keys; only the window of available data moves with the clock. See {@code sandbox/README.md}.
 */
public final class SandboxData {
  private final Clock clock;
  private final int dataDays;

  SandboxData(Clock clock, int dataDays) {
    this.clock = clock;
    this.dataDays = dataDays;
  }

  public List<Advertiser> advertisers() {
    return Portfolio.standard().advertisers();
  }

  public List<String> advertiserIds() {
    return advertisers().stream().map(Advertiser::id).toList();
  }

  public List<Campaign> campaigns() {
    return Portfolio.standard().campaigns();
  }

  public List<String> campaignIds() {
    return campaigns().stream().map(Campaign::id).toList();
  }

  public List<AdSet> adSets() {
    return Portfolio.standard().adSets();
  }

  public List<String> adSetIds() {
    return adSets().stream().map(AdSet::id).toList();
  }

  public List<String> adSetNames() {
    return adSets().stream().map(AdSet::name).toList();
  }

  /** The 40 async dimension names; every one but the time buckets is available through {@link HourlyFact#dimension}. */
  public List<String> asyncDimensions() {
    return AsyncDimension.apiNames();
  }

  /** The 255 async metrics with their kind (count, money, ratio) and formula. */
  public MetricCatalog metrics() {
    return MetricCatalog.async();
  }

  /** How many units of {@code currency} one euro is worth in the sandbox (exact), e.g. 1.25 for USD. */
  public BigDecimal currencyFactor(String currency) {
    return Currencies.perEuro(currency)
        .orElseThrow(() -> new IllegalArgumentException("not a sandbox currency: " + currency));
  }

  /** The hours with data now: from midnight UTC {@code dataDays} days ago up to the current hour, excluded. */
  public DataWindow window() {
    return DataWindow.asOf(clock.instant(), dataDays);
  }

  /** Every hourly fact available now, hour by hour. */
  public Stream<HourlyFact> hourlyFacts() {
    return HourlyFacts.within(window(), adSets());
  }

  /** The hourly facts available now whose hour starts in [from, to). */
  public Stream<HourlyFact> hourlyFacts(Instant fromInclusive, Instant toExclusive) {
    return HourlyFacts.within(window().clip(fromInclusive, toExclusive), adSets());
  }

  public List<Audience> audiences(String advertiserId) {
    return AudienceFacts.audiences(advertiserId);
  }

  /** The 60 brands or 60 interests audience facts are broken down by. */
  public List<String> audienceValues(AudienceBreakdown breakdown) {
    return AudienceFacts.values(breakdown);
  }

  /** The first day of audience facts: {@code dataDays} days before today (UTC). */
  public LocalDate firstAudienceDay() {
    return today().minusDays(dataDays);
  }

  /** The last day of audience facts: yesterday (UTC); today is not complete yet. */
  public LocalDate lastAudienceDay() {
    return today().minusDays(1);
  }

  /** The audience facts of all advertisers for the days from {@code first} to {@code last}, both included. */
  public Stream<AudienceFact> audienceFacts(LocalDate first, LocalDate last) {
    LocalDate from = first.isBefore(firstAudienceDay()) ? firstAudienceDay() : first;
    LocalDate to = last.isAfter(lastAudienceDay()) ? lastAudienceDay() : last;
    return from.isAfter(to) ? Stream.empty() : AudienceFacts.between(from, to, adSets());
  }

  public List<MpoCampaign> mpoCampaigns() {
    return MpoFacts.campaigns();
  }

  /** Every MPO minute fact available now: the last seven days up to the current minute, excluded. */
  public Stream<MpoMinuteFact> mpoMinuteFacts() {
    Instant now = clock.instant();
    return MpoFacts.between(MpoFacts.firstMinute(now), MpoFacts.endMinute(now), mpoCampaigns());
  }

  /** The MPO minute facts available now in [from, to). */
  public Stream<MpoMinuteFact> mpoMinuteFacts(Instant fromInclusive, Instant toExclusive) {
    Instant now = clock.instant();
    Instant from = fromInclusive.isAfter(MpoFacts.firstMinute(now)) ? fromInclusive : MpoFacts.firstMinute(now);
    Instant to = toExclusive.isBefore(MpoFacts.endMinute(now)) ? toExclusive : MpoFacts.endMinute(now);
    return MpoFacts.between(from, to, mpoCampaigns());
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
