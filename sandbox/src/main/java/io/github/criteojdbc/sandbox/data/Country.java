package io.github.criteojdbc.sandbox.data;

import java.time.ZoneId;
import java.util.List;

/** The countries of the base grain. Traffic follows each country's local time of day. */
public enum Country {
  FR("FR", "Europe/Paris", 1.0, List.of(
      new Region("Île-de-France", List.of("75001", "75011")),
      new Region("Auvergne-Rhône-Alpes", List.of("69001", "38000")),
      new Region("Provence-Alpes-Côte d'Azur", List.of("13001", "06000")))),
  DE("DE", "Europe/Berlin", 0.8, List.of(
      new Region("Bayern", List.of("80331", "90402")),
      new Region("Berlin", List.of("10115", "10999")),
      new Region("Hamburg", List.of("20095", "22767")))),
  GB("GB", "Europe/London", 0.7, List.of(
      new Region("England", List.of("SW1A 1AA", "M1 1AE")),
      new Region("Scotland", List.of("EH1 1YZ", "G1 1XQ")),
      new Region("Wales", List.of("CF10 1EP", "SA1 1DP")))),
  US("US", "America/New_York", 1.2, List.of(
      new Region("California", List.of("94103", "90012")),
      new Region("New York", List.of("10001", "11201")),
      new Region("Texas", List.of("73301", "77002"))));

  /** A region with a few of its postal codes. */
  public record Region(String name, List<String> postalCodes) {}

  private final String apiValue;
  private final ZoneId zone;
  private final double trafficWeight;
  private final List<Region> regions;

  Country(String apiValue, String zone, double trafficWeight, List<Region> regions) {
    this.apiValue = apiValue;
    this.zone = ZoneId.of(zone);
    this.trafficWeight = trafficWeight;
    this.regions = regions;
  }

  public String apiValue() {
    return apiValue;
  }

  public List<Region> regions() {
    return regions;
  }

  ZoneId zone() {
    return zone;
  }

  double trafficWeight() {
    return trafficWeight;
  }
}
