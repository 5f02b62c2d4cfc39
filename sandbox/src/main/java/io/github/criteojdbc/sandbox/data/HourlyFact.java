package io.github.criteojdbc.sandbox.data;

import io.github.criteojdbc.sandbox.catalog.AsyncDimension;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of the base grain: a UTC hour of one ad set on one device in one country. Every async dimension
 * (except the time buckets, which depend on the report's time zone) and every base measure is a pure function
 * of these four keys, so any report is an aggregation of these facts.
 */
public final class HourlyFact {
  private final Instant hour;
  private final AdSet adSet;
  private final Device device;
  private final Country country;
  private final long seed;

  HourlyFact(Instant hour, AdSet adSet, Device device, Country country) {
    this.hour = hour;
    this.adSet = adSet;
    this.device = device;
    this.country = country;
    this.seed = Hashing.seed(hour.getEpochSecond() / 3600, Long.parseLong(adSet.id()), device.ordinal(), country.ordinal());
  }

  /** The start of the UTC hour. */
  public Instant hour() {
    return hour;
  }

  public AdSet adSet() {
    return adSet;
  }

  public String advertiserId() {
    return adSet.advertiserId();
  }

  public Device device() {
    return device;
  }

  public Country country() {
    return country;
  }

  /**
   * The value of an async dimension by its API name, e.g. {@code dimension("CampaignId")}.
   *
   * @throws IllegalArgumentException for unknown names and for the time buckets (Hour, Day, Week, Month, Year),
   *     which a caller derives from {@link #hour()} in the report's time zone
   */
  public String dimension(String apiName) {
    return dimension(AsyncDimension.byApiName(apiName)
        .orElseThrow(() -> new IllegalArgumentException("not an async dimension: " + apiName)));
  }

  public String dimension(AsyncDimension dimension) {
    return FactAttributes.value(this, dimension);
  }

  /** A count base measure, e.g. {@code count("Clicks")}. */
  public long count(String baseMeasure) {
    int index = BaseMeasures.standard().indexOrFail(baseMeasure);
    if (BaseMeasures.standard().isMoney(index)) {
      throw new IllegalArgumentException(baseMeasure + " is money; use money()");
    }
    return new MeasureCursor(BaseMeasures.standard()).moveTo(this).value(index);
  }

  /** A money base measure in EUR with two decimals, e.g. {@code money("AdvertiserCost")}. */
  public BigDecimal money(String baseMeasure) {
    int index = BaseMeasures.standard().indexOrFail(baseMeasure);
    if (!BaseMeasures.standard().isMoney(index)) {
      throw new IllegalArgumentException(baseMeasure + " is a count; use count()");
    }
    return BigDecimal.valueOf(new MeasureCursor(BaseMeasures.standard()).moveTo(this).value(index), 2);
  }

  long seed() {
    return seed;
  }

  @Override
  public String toString() {
    return "HourlyFact[" + hour + ", adSet=" + adSet.id() + ", " + device.apiValue() + ", " + country.apiValue() + "]";
  }
}
