package io.github.criteojdbc.sandbox.data;

import java.util.List;

/** An audience of an advertiser with its segments (the {@code audienceIds} and {@code segmentsIds} filters). */
public record Audience(String id, String name, String advertiserId, List<NamedId> segments) {}
