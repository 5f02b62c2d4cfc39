package io.github.criteojdbc.sandbox.data;

import io.github.criteojdbc.sandbox.catalog.AsyncDimension;
import java.util.List;

/**
 * Derives the descriptive dimensions of an hourly fact from its keys. Each draw has its own salt so the
 * dimensions vary independently; dependent ones (Os on Device, PostalCode on Region, the video dimensions on
 * MediaType) derive from their parent, so every combination a report can group by is consistent.
 */
final class FactAttributes {
  private static final Portfolio PORTFOLIO = Portfolio.standard();
  private static final String NOT_VIDEO = "None";
  private static final List<String> AD_CHANNELS = List.of("Display", "Native", "Social");
  private static final List<String> SOCIAL_PLATFORMS = List.of("Facebook", "Instagram");
  private static final List<String> DISPLAY_FORMATS = List.of("Banner", "Native");
  private static final List<String> SSPS = List.of("Criteo Direct", "Google AdX", "Xandr", "Magnite");
  private static final List<String> PLAYER_SIZES = List.of("Small", "Medium", "Large");
  private static final List<String> PLACEMENTS = List.of("InStream", "OutStream");
  private static final List<String> PLAYBACK_METHODS = List.of("AutoPlaySoundOff", "ClickToPlay");
  private static final List<String> DURATIONS = List.of("6", "15", "30");
  private static final List<String> PLAYER_RATIOS = List.of("16:9", "9:16", "1:1");
  private static final List<String> USER_BEHAVIORS = List.of("NewVisitor", "ReturningVisitor", "Buyer");
  private static final double VIDEO_SHARE = 0.2;

  private FactAttributes() {}

  static String value(HourlyFact fact, AsyncDimension dimension) {
    return switch (dimension) {
      case ADVERTISER_ID -> fact.advertiserId();
      case ADVERTISER -> PORTFOLIO.advertiser(fact.advertiserId()).orElseThrow().name();
      case CAMPAIGN_ID -> fact.adSet().campaignId();
      case CAMPAIGN -> PORTFOLIO.campaign(fact.adSet().campaignId()).name();
      case AD_SET_ID -> fact.adSet().id();
      case AD_SET -> fact.adSet().name();
      case MARKETING_OBJECTIVE_ID -> PORTFOLIO.campaign(fact.adSet().campaignId()).marketingObjectiveId();
      case MARKETING_OBJECTIVE -> PORTFOLIO.campaign(fact.adSet().campaignId()).marketingObjective();
      case MARKETING_CAMPAIGN_GOAL -> PORTFOLIO.campaign(fact.adSet().campaignId()).marketingCampaignGoal();
      case AD_ID -> ad(fact).id();
      case AD -> ad(fact).name();
      case CATEGORY_ID -> category(fact).id();
      case CATEGORY -> category(fact).name();
      case COUPON_ID -> coupon(fact).id();
      case COUPON -> coupon(fact).name();
      case CHANNEL_ID -> channel(fact).id();
      case CHANNEL -> channel(fact).name();
      case ENVIRONMENT -> channel(fact).name().equals("App") ? "InApp" : "Web";
      case DEVICE -> fact.device().apiValue();
      case OS -> draw(fact, "Os", fact.device().operatingSystems());
      case COUNTRY -> fact.country().apiValue();
      case REGION -> region(fact).name();
      case POSTAL_CODE -> draw(fact, "PostalCode", region(fact).postalCodes());
      case AD_CHANNEL -> adChannel(fact);
      case SOCIAL_PLATFORM -> adChannel(fact).equals("Social") ? draw(fact, "SocialPlatform", SOCIAL_PLATFORMS) : "None";
      case MEDIA_TYPE -> isVideo(fact) ? "Video" : "Display";
      case AD_FORMAT -> isVideo(fact) ? "Video" : draw(fact, "AdFormat", DISPLAY_FORMATS);
      case DISPLAY_SIZE -> draw(fact, "DisplaySize", fact.device().displaySizes());
      case SSP -> draw(fact, "SSP", SSPS);
      case VIDEO_PLAYER_SIZE -> videoDraw(fact, "VideoPlayerSize", PLAYER_SIZES);
      case VIDEO_PLACEMENT -> videoDraw(fact, "VideoPlacement", PLACEMENTS);
      case VIDEO_PLAYBACK_METHOD -> videoDraw(fact, "VideoPlaybackMethod", PLAYBACK_METHODS);
      case VIDEO_DURATION_IN_SECONDS -> videoDraw(fact, "VideoDurationInSeconds", DURATIONS);
      case VIDEO_PLAYER_RATIO -> videoDraw(fact, "VideoPlayerRatio", PLAYER_RATIOS);
      case USER_BEHAVIOR -> draw(fact, "UserBehavior", USER_BEHAVIORS);
      case HOUR, DAY, WEEK, MONTH, YEAR -> throw new IllegalArgumentException(
          dimension.apiName() + " is a time bucket: derive it from hour() in the report time zone");
    };
  }

  private static NamedId ad(HourlyFact fact) {
    return draw(fact, "Ad", PORTFOLIO.ads(fact.adSet().id()));
  }

  private static NamedId category(HourlyFact fact) {
    return draw(fact, "Category", PORTFOLIO.categories(fact.advertiserId()));
  }

  private static NamedId coupon(HourlyFact fact) {
    return draw(fact, "Coupon", PORTFOLIO.coupons(fact.advertiserId()));
  }

  private static NamedId channel(HourlyFact fact) {
    List<NamedId> channels = PORTFOLIO.channels();
    return fact.device() == Device.DESKTOP ? channels.get(0) : draw(fact, "Channel", channels);
  }

  private static Country.Region region(HourlyFact fact) {
    return draw(fact, "Region", fact.country().regions());
  }

  private static String adChannel(HourlyFact fact) {
    return draw(fact, "AdChannel", AD_CHANNELS);
  }

  private static boolean isVideo(HourlyFact fact) {
    return Hashing.unit(Hashing.mix(fact.seed() ^ Hashing.salt("MediaType"))) < VIDEO_SHARE;
  }

  private static String videoDraw(HourlyFact fact, String salt, List<String> options) {
    return isVideo(fact) ? draw(fact, salt, options) : NOT_VIDEO;
  }

  private static <T> T draw(HourlyFact fact, String salt, List<T> options) {
    return Hashing.pick(options, Hashing.mix(fact.seed() ^ Hashing.salt(salt)));
  }
}
