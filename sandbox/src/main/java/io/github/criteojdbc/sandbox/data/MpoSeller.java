package io.github.criteojdbc.sandbox.data;

import java.util.List;

/** A marketplace seller with its client-provided product ids. */
public record MpoSeller(String id, String name, List<String> productIds) {}
