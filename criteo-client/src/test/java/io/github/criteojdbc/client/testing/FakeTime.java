package io.github.criteojdbc.client.testing;

import io.github.criteojdbc.client.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** A clock that only moves when the client sleeps; every requested sleep is recorded. */
public final class FakeTime extends Clock implements Sleeper {
  private volatile Instant now;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  public FakeTime(Instant start) {
    this.now = start;
  }

  public static FakeTime startingAt(String isoInstant) {
    return new FakeTime(Instant.parse(isoInstant));
  }

  @Override
  public void sleep(Duration duration, BooleanSupplier wakeUp) {
    sleeps.add(duration);
    advance(duration);
  }

  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  public Duration totalSlept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
