package io.github.criteojdbc.sandbox.request;

import io.github.criteojdbc.sandbox.http.ApiException;
import io.github.criteojdbc.sandbox.http.Problem;
import java.util.Collection;
import java.util.Set;

/**
 * The sandbox application's portfolio: asking for an advertiser outside it is answered 403, with the code the
 * MPO guide documents for missing account rights.
 */
public final class AdvertiserAccess {
  private AdvertiserAccess() {}

  public static void require(Collection<String> requested, Set<String> portfolio) {
    for (String advertiserId : requested) {
      if (!portfolio.contains(advertiserId)) {
        throw new ApiException(403, new Problem("authorization", "insufficient-accountpermissions",
            "Insufficient account permissions",
            "The application has no access to advertiser '" + advertiserId + "'; sandbox advertisers: " + portfolio,
            null));
      }
    }
  }
}
