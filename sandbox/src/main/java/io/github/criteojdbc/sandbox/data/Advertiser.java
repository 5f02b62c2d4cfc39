package io.github.criteojdbc.sandbox.data;

public record Advertiser(String id, String name) {}
