package io.github.criteojdbc.client;

/**
 * What one {@link CriteoClient} has done so far.
 *
 * @param rateLimited 429 responses received
 * @param retries calls repeated after a 5xx, an I/O error or a 429
 */
public record ClientStats(
    long tokensFetched, long reportsCreated, long statusPolls, long downloads, long retries, long rateLimited) {}
