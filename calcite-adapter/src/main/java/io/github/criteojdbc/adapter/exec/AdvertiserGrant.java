package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.AdapterSettings;
import io.github.criteojdbc.adapter.AdvertiserNotGrantedException;
import io.github.criteojdbc.adapter.catalog.TableCatalog;
import io.github.criteojdbc.adapter.plan.ScanSpec;

import org.apache.calcite.DataContext;

import java.util.List;

/**
 * The check that a connection restricted to some advertisers ({@link AdapterSettings#allowedAdvertiserIds()})
 * reads no other: run for every scan of a statement when the statement binds, before any of its
 * scans sends a call, and again when each scan resolves its request's advertisers.
 */
public final class AdvertiserGrant {
  static final String ADVERTISER_COLUMN = "advertiser_id";

  private AdvertiserGrant() {
  }

  /**
   * Refuses a scan of {@code catalog}'s table on an advertiser outside the grant: those its
   * {@code advertiser_id} filter names, else the {@code advertiserIds} property; and any scan of
   * a table with no advertiser, which the grant cannot be checked on.
   */
  public static void requireGranted(TableCatalog catalog, ScanSpec spec, DataContext root, AdapterSettings settings) {
    if (settings.allowedAdvertiserIds().isEmpty() || spec.isEmpty()) {
      return;
    }
    String table = catalog.tableName();
    if (catalog.column(ADVERTISER_COLUMN).isEmpty()) {
      throw new AdvertiserNotGrantedException(table + ": its reports are of no advertiser the driver can check, and "
          + "this connection may read advertisers " + String.join(", ", settings.allowedAdvertiserIds().get())
          + " only; ask the server's administrator to run it");
    }
    List<String> filtered = PushedValues.evaluate(spec.equality(ADVERTISER_COLUMN), root);
    requireGranted(table, filtered.isEmpty() ? settings.advertiserIds() : filtered, settings);
  }

  /** Refuses, before any call, advertisers outside the connection's grant. */
  static void requireGranted(String table, List<String> advertisers, AdapterSettings settings) {
    settings.allowedAdvertiserIds().ifPresent(allowed -> {
      for (String advertiser : advertisers) {
        if (!allowed.contains(advertiser)) {
          throw new AdvertiserNotGrantedException(String.format("%s: advertiser %s is not granted to this "
              + "connection, which may read advertisers %s only; filter advertiser_id on those, or ask the "
              + "server's administrator for a grant", table, advertiser, String.join(", ", allowed)));
        }
      }
    });
  }
}
