package io.github.criteojdbc.sandbox.data;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The MPO real-time universe: per advertiser one partner, two campaigns, three sellers of three products each
 * (each campaign promotes two of the sellers), and minute facts over the last seven days.
 */
public final class MpoFacts {
  public static final Duration RETENTION = Duration.ofDays(7);
  private static final List<String> SELLER_NAMES = List.of("Atelier Nova", "Brightside Goods, Inc.",
      "Casa \"Verde\"", "Delta Supply", "Evergreen Outlet", "Fabrika\nØst", "Granite & Oak", "Harbor Lane",
      "Indigo Märkte");
  private static final double ACTIVE_SHARE = 0.6;
  private static final List<MpoCampaign> CAMPAIGNS = buildCampaigns();

  private MpoFacts() {}

  public static List<MpoCampaign> campaigns() {
    return CAMPAIGNS;
  }

  /** The minutes with data as of {@code now}: the last seven days up to the current minute, excluded. */
  public static Instant firstMinute(Instant now) {
    return now.truncatedTo(ChronoUnit.MINUTES).minus(RETENTION);
  }

  public static Instant endMinute(Instant now) {
    return now.truncatedTo(ChronoUnit.MINUTES);
  }

  /** The facts of the given campaigns in [from, to), minute by minute then campaign, seller and product. */
  public static Stream<MpoMinuteFact> between(Instant from, Instant to, List<MpoCampaign> campaigns) {
    return Stream.iterate(ceilToMinute(from), minute -> minute.isBefore(to), minute -> minute.plusSeconds(60))
        .flatMap(minute -> campaigns.stream().flatMap(campaign -> campaign.sellers().stream().flatMap(seller ->
            seller.productIds().stream().flatMap(product -> fact(minute, campaign, seller, product).stream()))));
  }

  private static Optional<MpoMinuteFact> fact(Instant minute, MpoCampaign campaign, MpoSeller seller, String productId) {
    long seed = Hashing.seed(minute.getEpochSecond() / 60, Long.parseLong(campaign.id()), Long.parseLong(seller.id()),
        Hashing.salt(productId));
    if (Hashing.unit(seed) >= ACTIVE_SHARE) {
      return Optional.empty();
    }
    int hour = minute.atZone(ZoneOffset.UTC).getHour();
    double busy = 0.3 + 0.7 * (0.5 - 0.5 * Math.cos(2 * Math.PI * (hour - 3) / 24.0));
    long displayHash = Hashing.mix(seed ^ Hashing.salt("displays"));
    long displays = 1 + Hashing.stochasticRound(30 * busy * Hashing.unit(displayHash), Hashing.secondUnit(displayHash));
    long clickHash = Hashing.mix(seed ^ Hashing.salt("clicks"));
    long clicks = Hashing.stochasticRound(displays * (0.01 + 0.04 * Hashing.unit(clickHash)), Hashing.secondUnit(clickHash));
    long costHash = Hashing.mix(seed ^ Hashing.salt("cost"));
    long costPerClickNanos = 200_000_000L + (long) (700_000_000L * Hashing.unit(costHash));
    long costPerDisplayNanos = 1_000_000L + (long) (2_000_000L * Hashing.secondUnit(costHash));
    long costNanos = clicks * costPerClickNanos + displays * costPerDisplayNanos;
    return Optional.of(new MpoMinuteFact(minute, campaign.advertiserId(), campaign.partnerId(), campaign.id(),
        seller.id(), seller.name(), productId, clicks, displays, costNanos));
  }

  private static Instant ceilToMinute(Instant instant) {
    Instant floor = instant.truncatedTo(ChronoUnit.MINUTES);
    return floor.equals(instant) ? floor : floor.plusSeconds(60);
  }

  private static List<MpoCampaign> buildCampaigns() {
    List<MpoCampaign> campaigns = new ArrayList<>();
    List<String> advertiserIds = Portfolio.standard().advertisers().stream().map(Advertiser::id).toList();
    for (int a = 0; a < advertiserIds.size(); a++) {
      List<MpoSeller> sellers = new ArrayList<>();
      for (int s = 0; s < 3; s++) {
        String sellerId = "2546141" + (a + 1) + s;
        List<String> products = List.of("SKU-" + sellerId.substring(5) + "-A", "SKU-" + sellerId.substring(5) + "-B",
            "SKU-" + sellerId.substring(5) + "-C");
        sellers.add(new MpoSeller(sellerId, SELLER_NAMES.get(3 * a + s), products));
      }
      String partnerId = "7000" + (a + 1);
      for (int c = 0; c < 2; c++) {
        String campaignId = "12" + (a + 1) + "0" + (c + 1);
        campaigns.add(new MpoCampaign(campaignId, advertiserIds.get(a), partnerId, List.copyOf(sellers.subList(c, c + 2))));
      }
    }
    return List.copyOf(campaigns);
  }
}
