package io.github.criteojdbc.sandbox.data;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Enumerates the base grain, hour by hour, then ad set, device and country in their fixed order. */
public final class HourlyFacts {
  private static final List<Device> DEVICES = Arrays.asList(Device.values());
  private static final List<Country> COUNTRIES = Arrays.asList(Country.values());

  private HourlyFacts() {}

  public static Stream<HourlyFact> within(DataWindow hours, List<AdSet> adSets) {
    return Stream.iterate(hours.firstHour(), hour -> hour.isBefore(hours.endHour()), hour -> hour.plusSeconds(3600))
        .flatMap(hour -> factsOf(hour, adSets));
  }

  private static Stream<HourlyFact> factsOf(Instant hour, List<AdSet> adSets) {
    return adSets.stream().flatMap(adSet -> DEVICES.stream().flatMap(device ->
        COUNTRIES.stream().map(country -> new HourlyFact(hour, adSet, device, country))));
  }
}
