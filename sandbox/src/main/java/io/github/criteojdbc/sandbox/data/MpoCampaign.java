package io.github.criteojdbc.sandbox.data;

import java.util.List;

/** An MPO campaign (an ad-set-level entity in MPO) with the sellers it promotes. */
public record MpoCampaign(String id, String advertiserId, String partnerId, List<MpoSeller> sellers) {}
