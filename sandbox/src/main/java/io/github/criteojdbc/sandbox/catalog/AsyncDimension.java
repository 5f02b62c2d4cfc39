package io.github.criteojdbc.sandbox.catalog;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The 40 dimensions of {@code POST /preview/reports/async-statistics}, spelled exactly as the API spells them. */
public enum AsyncDimension {
  ADVERTISER_ID("AdvertiserId", Kind.ID),
  ADVERTISER("Advertiser", Kind.NAME),
  CATEGORY_ID("CategoryId", Kind.ID),
  CATEGORY("Category", Kind.NAME),
  HOUR("Hour", Kind.TIME),
  DAY("Day", Kind.TIME),
  WEEK("Week", Kind.TIME),
  MONTH("Month", Kind.TIME),
  YEAR("Year", Kind.TIME),
  OS("Os", Kind.ATTRIBUTE),
  DEVICE("Device", Kind.ATTRIBUTE),
  CAMPAIGN_ID("CampaignId", Kind.ID),
  CAMPAIGN("Campaign", Kind.NAME),
  AD_ID("AdId", Kind.ID),
  AD("Ad", Kind.NAME),
  COUPON_ID("CouponId", Kind.ID),
  COUPON("Coupon", Kind.NAME),
  MARKETING_OBJECTIVE_ID("MarketingObjectiveId", Kind.ID),
  MARKETING_OBJECTIVE("MarketingObjective", Kind.NAME),
  CHANNEL_ID("ChannelId", Kind.ID),
  CHANNEL("Channel", Kind.NAME),
  AD_CHANNEL("AdChannel", Kind.ATTRIBUTE),
  SOCIAL_PLATFORM("SocialPlatform", Kind.ATTRIBUTE),
  AD_SET_ID("AdSetId", Kind.ID),
  AD_SET("AdSet", Kind.NAME),
  MARKETING_CAMPAIGN_GOAL("MarketingCampaignGoal", Kind.ATTRIBUTE),
  VIDEO_PLAYER_SIZE("VideoPlayerSize", Kind.ATTRIBUTE),
  VIDEO_PLACEMENT("VideoPlacement", Kind.ATTRIBUTE),
  VIDEO_PLAYBACK_METHOD("VideoPlaybackMethod", Kind.ATTRIBUTE),
  SSP("SSP", Kind.ATTRIBUTE),
  VIDEO_DURATION_IN_SECONDS("VideoDurationInSeconds", Kind.ATTRIBUTE),
  MEDIA_TYPE("MediaType", Kind.ATTRIBUTE),
  AD_FORMAT("AdFormat", Kind.ATTRIBUTE),
  DISPLAY_SIZE("DisplaySize", Kind.ATTRIBUTE),
  VIDEO_PLAYER_RATIO("VideoPlayerRatio", Kind.ATTRIBUTE),
  COUNTRY("Country", Kind.ATTRIBUTE),
  REGION("Region", Kind.ATTRIBUTE),
  POSTAL_CODE("PostalCode", Kind.ATTRIBUTE),
  USER_BEHAVIOR("UserBehavior", Kind.ATTRIBUTE),
  ENVIRONMENT("Environment", Kind.ATTRIBUTE);

  /** How a dimension behaves in the output: ids and names come in pairs, time buckets are intervals. */
  public enum Kind { ID, NAME, TIME, ATTRIBUTE }

  private static final Map<String, AsyncDimension> BY_API_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(AsyncDimension::apiName, Function.identity()));

  /** The id/name pairs the API completes on its own (criteo-api.md §3.1): asking for one adds the other. */
  private static final Map<AsyncDimension, AsyncDimension> PAIRS = pairs(
      ADVERTISER_ID, ADVERTISER, CAMPAIGN_ID, CAMPAIGN, AD_SET_ID, AD_SET, AD_ID, AD,
      CATEGORY_ID, CATEGORY, COUPON_ID, COUPON, MARKETING_OBJECTIVE_ID, MARKETING_OBJECTIVE, CHANNEL_ID, CHANNEL);

  private final String apiName;
  private final Kind kind;

  AsyncDimension(String apiName, Kind kind) {
    this.apiName = apiName;
    this.kind = kind;
  }

  public String apiName() {
    return apiName;
  }

  public Kind kind() {
    return kind;
  }

  /** The id dimension of a name dimension, or the name dimension of an id dimension. */
  public Optional<AsyncDimension> pair() {
    return Optional.ofNullable(PAIRS.get(this));
  }

  public static Optional<AsyncDimension> byApiName(String apiName) {
    return Optional.ofNullable(BY_API_NAME.get(apiName));
  }

  public static List<String> apiNames() {
    return Arrays.stream(values()).map(AsyncDimension::apiName).toList();
  }

  private static Map<AsyncDimension, AsyncDimension> pairs(AsyncDimension... idThenName) {
    Map<AsyncDimension, AsyncDimension> pairs = new EnumMap<>(AsyncDimension.class);
    for (int i = 0; i < idThenName.length; i += 2) {
      pairs.put(idThenName[i], idThenName[i + 1]);
      pairs.put(idThenName[i + 1], idThenName[i]);
    }
    return pairs;
  }
}
