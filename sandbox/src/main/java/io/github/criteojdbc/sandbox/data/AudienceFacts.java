package io.github.criteojdbc.sandbox.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The audience universe: two audiences of two segments per advertiser, 60 brands and 60 interests, and daily
 * facts for each (day, ad set, segment, brand or interest). Popularity is skewed so the top 30 is meaningful.
 */
public final class AudienceFacts {
  private static final List<String> BRAND_PREFIXES =
      List.of("Alta", "Bruma", "Cielo", "Dune", "Eclat", "Fjord", "Gala", "Halo", "Iris", "Jade");
  private static final List<String> BRAND_SUFFIXES = List.of("Home", "Works", "& Co", "Studio", "Living", "Labs");
  private static final List<String> INTEREST_TOPICS = List.of("Travel", "Cooking", "Fitness", "Gaming", "Fashion",
      "Gardening", "Photography", "Music", "Parenting", "Finance", "Cinema", "Outdoors");
  private static final List<String> INTEREST_ANGLES = List.of("Beginners", "Enthusiasts", "Deals", "Premium", "News");
  private static final List<String> BRANDS = combine(BRAND_PREFIXES, BRAND_SUFFIXES, " ");
  private static final List<String> INTERESTS = combine(INTEREST_TOPICS, INTEREST_ANGLES, " > ");
  private static final List<String> AUDIENCE_NAMES = List.of("In-market shoppers", "Loyal customers");
  private static final List<String> SEGMENT_NAMES = List.of("Recent", "Engaged");

  private AudienceFacts() {}

  public static List<String> values(AudienceBreakdown breakdown) {
    return breakdown == AudienceBreakdown.BRAND ? BRANDS : INTERESTS;
  }

  public static List<Audience> audiences(String advertiserId) {
    List<Audience> audiences = new ArrayList<>();
    for (int a = 0; a < AUDIENCE_NAMES.size(); a++) {
      String audienceId = "5" + advertiserId + (a + 1);
      List<NamedId> segments = new ArrayList<>();
      for (int s = 0; s < SEGMENT_NAMES.size(); s++) {
        segments.add(new NamedId(audienceId + (s + 1), AUDIENCE_NAMES.get(a) + " – " + SEGMENT_NAMES.get(s)));
      }
      audiences.add(new Audience(audienceId, AUDIENCE_NAMES.get(a), advertiserId, List.copyOf(segments)));
    }
    return List.copyOf(audiences);
  }

  /** The facts of the given ad sets for the days from {@code first} to {@code last}, both included. */
  public static Stream<AudienceFact> between(LocalDate first, LocalDate last, List<AdSet> adSets) {
    return first.datesUntil(last.plusDays(1)).flatMap(day -> adSets.stream().flatMap(adSet ->
        audiences(adSet.advertiserId()).stream().flatMap(audience -> audience.segments().stream().flatMap(segment ->
            Stream.of(AudienceBreakdown.values()).flatMap(breakdown ->
                IntStream.range(0, values(breakdown).size()).mapToObj(valueIndex ->
                    fact(day, adSet, audience.id(), segment.id(), breakdown, valueIndex)))))));
  }

  private static AudienceFact fact(
      LocalDate day, AdSet adSet, String audienceId, String segmentId, AudienceBreakdown breakdown, int valueIndex) {
    long seed = Hashing.seed(day.toEpochDay(), Long.parseLong(adSet.id()), Long.parseLong(segmentId),
        breakdown.ordinal(), valueIndex);
    double popularity = 0.1 + 2 * Math.pow(Hashing.unit(
        Hashing.seed(Long.parseLong(adSet.advertiserId()), breakdown.ordinal(), valueIndex)), 3);
    long displays = scaled(seed, "displays", 40 * popularity, 0.7, 1.3);
    long clicks = scaled(seed, "clicks", displays, 0.005, 0.03);
    long visits = scaled(seed, "visits", clicks, 0.6, 0.95);
    long sales = scaled(seed, "sales", clicks, 0.02, 0.08);
    long revenueCents = scaled(seed, "revenue", sales, 3000, 12000);
    long costCents = scaled(seed, "cost", clicks, 25, 90);
    long exposedUsers = scaled(seed, "exposedUsers", displays, 0.3, 0.6);
    return new AudienceFact(day, adSet.advertiserId(), adSet.id(), audienceId, segmentId, breakdown,
        values(breakdown).get(valueIndex), displays, clicks, visits, sales, revenueCents, costCents, exposedUsers);
  }

  private static long scaled(long seed, String measure, double driver, double low, double high) {
    long hash = Hashing.mix(seed ^ Hashing.salt(measure));
    return Hashing.stochasticRound(driver * (low + (high - low) * Hashing.unit(hash)), Hashing.secondUnit(hash));
  }

  private static List<String> combine(List<String> firsts, List<String> seconds, String separator) {
    return firsts.stream().flatMap(first -> seconds.stream().map(second -> first + separator + second)).toList();
  }
}
