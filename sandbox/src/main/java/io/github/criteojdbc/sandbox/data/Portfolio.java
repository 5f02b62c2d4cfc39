package io.github.criteojdbc.sandbox.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fixed advertisers, campaigns and ad sets of the sandbox, with the per-advertiser catalogs. Some names hold
 * commas, double quotes, a line break and non-ASCII letters, as real names do, so every output format meets them.
 */
public final class Portfolio {
  private static final List<NamedId> CHANNELS = List.of(new NamedId("1", "Web"), new NamedId("2", "App"));
  private static final List<String> AD_STYLES = List.of("Dynamic carousel", "Single product banner");
  private static final Portfolio STANDARD = new Portfolio(List.of(
      new Blueprint("10001", "Maison Lumière",
          List.of("Lighting", "Textiles", "Furniture", "Tableware, \"Art de la table\""),
          List.of("WELCOME10", "FREESHIP", "SPRING15"),
          List.of(Theme.PROSPECTING.with("Broad interests", "Lookalike buyers"),
              Theme.RETARGETING.with("Cart abandoners", "Past buyers\n(12 months)"),
              Theme.SEASONAL.with("Spring sale", "Winter sale"))),
      new Blueprint("10002", "Nordic Trail Outfitters",
          List.of("Jackets", "Footwear", "Backpacks", "Camping"),
          List.of("TRAIL10", "FREESHIP", "MEMBER20"),
          List.of(Theme.PROSPECTING.with("Hikers, \"weekend\" walkers", "Lookalike buyers"),
              Theme.RETARGETING.with("Cart abandoners", "Product viewers"))),
      new Blueprint("10003", "Pixel & Plug",
          List.of("Smartphones", "Laptops", "Audio", "Smart home"),
          List.of("TECH5", "FREESHIP", "STUDENT10"),
          List.of(Theme.PROSPECTING.with("Tech enthusiasts", "Étudiants, 18–25"),
              Theme.RETARGETING.with("Cart abandoners", "Past buyers"),
              Theme.SEASONAL.with("Black Friday", "Back to school")))));

  private final List<Advertiser> advertisers = new ArrayList<>();
  private final List<Campaign> campaigns = new ArrayList<>();
  private final List<AdSet> adSets = new ArrayList<>();
  private final Map<String, Advertiser> advertisersById = new LinkedHashMap<>();
  private final Map<String, Campaign> campaignsById = new LinkedHashMap<>();
  private final Map<String, List<NamedId>> categoriesByAdvertiser = new LinkedHashMap<>();
  private final Map<String, List<NamedId>> couponsByAdvertiser = new LinkedHashMap<>();
  private final Map<String, List<NamedId>> adsByAdSet = new LinkedHashMap<>();

  private Portfolio(List<Blueprint> blueprints) {
    for (int a = 0; a < blueprints.size(); a++) {
      Blueprint blueprint = blueprints.get(a);
      Advertiser advertiser = new Advertiser(blueprint.id(), blueprint.name());
      advertisers.add(advertiser);
      advertisersById.put(advertiser.id(), advertiser);
      categoriesByAdvertiser.put(advertiser.id(), numbered(400 + 10 * a, blueprint.categories()));
      couponsByAdvertiser.put(advertiser.id(), numbered(9000 + 10 * a, blueprint.coupons()));
      for (int c = 0; c < blueprint.campaigns().size(); c++) {
        addCampaign(advertiser, blueprint.campaigns().get(c), advertiser.id() + "0" + (c + 1));
      }
    }
  }

  public static Portfolio standard() {
    return STANDARD;
  }

  public List<Advertiser> advertisers() {
    return List.copyOf(advertisers);
  }

  public List<Campaign> campaigns() {
    return List.copyOf(campaigns);
  }

  public List<AdSet> adSets() {
    return List.copyOf(adSets);
  }

  public Optional<Advertiser> advertiser(String id) {
    return Optional.ofNullable(advertisersById.get(id));
  }

  public Campaign campaign(String id) {
    return campaignsById.get(id);
  }

  public List<NamedId> categories(String advertiserId) {
    return categoriesByAdvertiser.get(advertiserId);
  }

  public List<NamedId> coupons(String advertiserId) {
    return couponsByAdvertiser.get(advertiserId);
  }

  public List<NamedId> ads(String adSetId) {
    return adsByAdSet.get(adSetId);
  }

  public List<NamedId> channels() {
    return CHANNELS;
  }

  private void addCampaign(Advertiser advertiser, CampaignBlueprint blueprint, String campaignId) {
    Theme theme = blueprint.theme();
    Campaign campaign = new Campaign(campaignId, advertiser.name() + " – " + theme.label,
        advertiser.id(), theme.objectiveId, theme.objective, theme.goal);
    campaigns.add(campaign);
    campaignsById.put(campaignId, campaign);
    for (int s = 0; s < blueprint.adSetNames().size(); s++) {
      AdSet adSet = new AdSet(campaignId + (s + 1), campaign.name() + " – " + blueprint.adSetNames().get(s),
          campaignId, advertiser.id(), theme.statuses.get(s));
      adSets.add(adSet);
      List<NamedId> ads = new ArrayList<>();
      for (int k = 0; k < AD_STYLES.size(); k++) {
        ads.add(new NamedId(adSet.id() + (k + 1), adSet.name() + " – " + AD_STYLES.get(k)));
      }
      adsByAdSet.put(adSet.id(), List.copyOf(ads));
    }
  }

  private static List<NamedId> numbered(int firstId, List<String> names) {
    List<NamedId> values = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      values.add(new NamedId(String.valueOf(firstId + i + 1), names.get(i)));
    }
    return List.copyOf(values);
  }

  private enum Theme {
    PROSPECTING("Prospecting", "2", "Drive traffic", "Visits", List.of(AdSetStatus.ACTIVE, AdSetStatus.ACTIVE)),
    RETARGETING("Retargeting", "1", "Increase sales", "Conversions", List.of(AdSetStatus.ACTIVE, AdSetStatus.ACTIVE)),
    SEASONAL("Seasonal", "3", "Build awareness", "Reach", List.of(AdSetStatus.NOT_RUNNING, AdSetStatus.DEAD));

    private final String label;
    private final String objectiveId;
    private final String objective;
    private final String goal;
    private final List<AdSetStatus> statuses;

    Theme(String label, String objectiveId, String objective, String goal, List<AdSetStatus> statuses) {
      this.label = label;
      this.objectiveId = objectiveId;
      this.objective = objective;
      this.goal = goal;
      this.statuses = statuses;
    }

    CampaignBlueprint with(String firstAdSet, String secondAdSet) {
      return new CampaignBlueprint(this, List.of(firstAdSet, secondAdSet));
    }
  }

  private record CampaignBlueprint(Theme theme, List<String> adSetNames) {}

  private record Blueprint(
      String id, String name, List<String> categories, List<String> coupons, List<CampaignBlueprint> campaigns) {}
}
