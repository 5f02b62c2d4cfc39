package io.github.criteojdbc.sandbox.data;

/** An ad set. Its status is its current state; its history is kept whatever the status, like the real API's. */
public record AdSet(String id, String name, String campaignId, String advertiserId, AdSetStatus status) {}
