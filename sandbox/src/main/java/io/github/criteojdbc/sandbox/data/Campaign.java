package io.github.criteojdbc.sandbox.data;

/** A campaign; its marketing objective and goal are campaign settings, so they are constant over its rows. */
public record Campaign(
    String id,
    String name,
    String advertiserId,
    String marketingObjectiveId,
    String marketingObjective,
    String marketingCampaignGoal) {}
