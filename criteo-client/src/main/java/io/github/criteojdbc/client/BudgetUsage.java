package io.github.criteojdbc.client;

import java.time.Instant;

/**
 * The report-call budget of one application at one moment.
 *
 * @param callsLastMinute report calls started in the last 60 s by any client of the application
 * @param nextCallAt the earliest a report call can start: now when a slot is free, later when the
 *     budget is spent or the API asked to pause (429)
 */
public record BudgetUsage(int callsLastMinute, int maxCallsPerMinute, Instant nextCallAt) {}
