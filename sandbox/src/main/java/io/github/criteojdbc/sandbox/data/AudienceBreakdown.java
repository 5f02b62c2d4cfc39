package io.github.criteojdbc.sandbox.data;

/** Whether an audience fact is about a brand or an interest of the people reached. */
public enum AudienceBreakdown { BRAND, INTEREST }
