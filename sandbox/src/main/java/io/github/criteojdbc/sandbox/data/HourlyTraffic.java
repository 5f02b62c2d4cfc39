package io.github.criteojdbc.sandbox.data;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;

/** The display volume of an hourly fact: ad set size × device × country × the country's local hour and weekday. */
final class HourlyTraffic {
  private static final double BASE_DISPLAYS = 600;
  private static final double FLOOR_DISPLAYS = 20;

  private HourlyTraffic() {}

  static long displays(HourlyFact fact, long hash) {
    ZonedDateTime local = fact.hour().atZone(fact.country().zone());
    double volume = BASE_DISPLAYS
        * adSetWeight(fact.adSet())
        * fact.device().trafficWeight()
        * fact.country().trafficWeight()
        * timeOfDay(local.getHour())
        * weekday(local.getDayOfWeek())
        * (0.85 + 0.3 * Hashing.unit(hash));
    return Hashing.stochasticRound(FLOOR_DISPLAYS + volume, Hashing.secondUnit(hash));
  }

  private static double adSetWeight(AdSet adSet) {
    return 0.6 + Hashing.unit(Hashing.seed(Long.parseLong(adSet.id())));
  }

  /** Quietest at 3 am, busiest at 3 pm local time. */
  private static double timeOfDay(int hour) {
    return 0.25 + 0.75 * (0.5 - 0.5 * Math.cos(2 * Math.PI * (hour - 3) / 24.0));
  }

  private static double weekday(DayOfWeek day) {
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? 1.15 : 1.0;
  }
}
