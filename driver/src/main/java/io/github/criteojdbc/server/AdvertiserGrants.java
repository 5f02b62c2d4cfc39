package io.github.criteojdbc.server;

import io.github.criteojdbc.driver.DriverProperty;

import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Which advertisers each user may query, from {@code grants.file}: one {@code user: 10001,10002}
 * line each ({@code #} starts a comment). Without the file every user may query every advertiser
 * of the app; with it, a user reads only their granted advertisers, and a user the file does not
 * list cannot open a connection.
 */
final class AdvertiserGrants {
  static final String NOT_GRANTED_STATE = "42501";

  private final Optional<Map<String, List<String>>> byUser;

  private AdvertiserGrants(Optional<Map<String, List<String>>> byUser) {
    this.byUser = byUser;
  }

  static AdvertiserGrants none() {
    return new AdvertiserGrants(Optional.empty());
  }

  static AdvertiserGrants read(Path file) throws SQLException {
    Map<String, List<String>> byUser = new HashMap<>();
    List<String> lines = ConfigFiles.lines(file, "grants.file");
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      List<String> advertisers = colon > 0 ? advertisers(line.substring(colon + 1)) : List.of();
      if (advertisers.isEmpty()) {
        throw ConfigFiles.invalid("Line " + (i + 1) + " of the grants file " + file + " is not user: ADVERTISER_ID,"
            + "ADVERTISER_ID...; write one line per user with the advertiser ids they may query");
      }
      String user = line.substring(0, colon).strip();
      if (byUser.putIfAbsent(user, advertisers) != null) {
        throw ConfigFiles.invalid("User " + user + " has two lines in the grants file " + file + " (line " + (i + 1)
            + "); list all their advertisers on one line");
      }
    }
    return new AdvertiserGrants(Optional.of(Map.copyOf(byUser)));
  }

  private static List<String> advertisers(String ids) {
    Set<String> advertisers = new LinkedHashSet<>();
    for (String id : ids.split(",")) {
      if (!id.isBlank()) {
        advertisers.add(id.strip());
      }
    }
    return List.copyOf(advertisers);
  }

  /**
   * The connection properties that restrict {@code user} to their grant (their advertisers are
   * also the default of queries with no advertiser filter); none without a grants file. Refuses a
   * user the file does not list.
   */
  Properties restrict(String user) {
    Properties restriction = new Properties();
    if (byUser.isEmpty()) {
      return restriction;
    }
    List<String> granted = byUser.get().get(user);
    if (granted == null) {
      throw new AvaticaRuntimeException("User " + user + " is granted no advertiser in this server's grants.file, so"
          + " they cannot query; ask the server's administrator to add a line '" + user + ": <advertiser ids>'", -1,
          NOT_GRANTED_STATE, AvaticaSeverity.ERROR);
    }
    String ids = String.join(",", granted);
    restriction.setProperty(DriverProperty.ADVERTISER_IDS.key(), ids);
    restriction.setProperty(DriverProperty.ALLOWED_ADVERTISER_IDS.key(), ids);
    return restriction;
  }
}
