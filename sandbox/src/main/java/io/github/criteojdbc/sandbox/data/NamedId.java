package io.github.criteojdbc.sandbox.data;

/** An id dimension value together with its paired name (ads, categories, coupons, channels). */
public record NamedId(String id, String name) {}
