package io.github.criteojdbc.corpus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the corpus's relative placeholders into literals, from one anchor hour shared by every JVM of a run, so
 * the JVMs forked later ask exactly the same questions: {@code {day-N}} is the UTC date N days before the anchor
 * ({@code 2026-11-29}), {@code {hour-N}} the UTC hour N hours before it ({@code 2026-12-01 21:00:00}).
 */
public final class CorpusDates {
  /** The system property that passes the anchor to forked JVMs. */
  public static final String ANCHOR_PROPERTY = "corpus.anchor";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(day|hour)-(\\d+)}");
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final Instant anchor;

  private CorpusDates(Instant anchor) {
    this.anchor = anchor.truncatedTo(ChronoUnit.HOURS);
  }

  /** The anchor of this JVM's run: the property when a parent JVM set it, else the current hour. */
  public static CorpusDates current() {
    String property = System.getProperty(ANCHOR_PROPERTY);
    return new CorpusDates(property == null ? Instant.now() : Instant.parse(property));
  }

  public Instant anchor() {
    return anchor;
  }

  public String resolve(String text) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      long back = Long.parseLong(matcher.group(2));
      LocalDateTime anchorUtc = LocalDateTime.ofInstant(anchor, ZoneOffset.UTC);
      String literal = matcher.group(1).equals("day")
          ? anchorUtc.toLocalDate().minusDays(back).toString()
          : HOUR.format(anchorUtc.minus(Duration.ofHours(back)));
      matcher.appendReplacement(out, literal);
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
