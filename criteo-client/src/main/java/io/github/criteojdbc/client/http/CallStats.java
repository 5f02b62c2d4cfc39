package io.github.criteojdbc.client.http;

import io.github.criteojdbc.client.ClientStats;
import java.util.concurrent.atomic.AtomicLong;

/** Live counters of one client; {@link #snapshot()} gives the immutable view. */
public final class CallStats {
  public final AtomicLong tokensFetched = new AtomicLong();
  public final AtomicLong reportsCreated = new AtomicLong();
  public final AtomicLong statusPolls = new AtomicLong();
  public final AtomicLong downloads = new AtomicLong();
  public final AtomicLong retries = new AtomicLong();
  public final AtomicLong rateLimited = new AtomicLong();

  public ClientStats snapshot() {
    return new ClientStats(tokensFetched.get(), reportsCreated.get(), statusPolls.get(), downloads.get(),
        retries.get(), rateLimited.get());
  }
}
