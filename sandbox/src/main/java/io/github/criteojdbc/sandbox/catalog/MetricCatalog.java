package io.github.criteojdbc.sandbox.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The async statistics metrics, read from {@code async-metrics.csv} next to this class. */
public final class MetricCatalog {
  private static final MetricCatalog ASYNC = load("async-metrics.csv");

  private final Map<String, Metric> byName;

  private MetricCatalog(Map<String, Metric> byName) {
    this.byName = byName;
  }

  public static MetricCatalog async() {
    return ASYNC;
  }

  public List<Metric> metrics() {
    return List.copyOf(byName.values());
  }

  public Optional<Metric> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  private static MetricCatalog load(String resource) {
    List<String[]> rows = readCsv(resource);
    Map<String, MetricKind> kinds = new LinkedHashMap<>();
    for (String[] row : rows) {
      kinds.put(row[0], MetricKind.valueOf(row[1].toUpperCase(Locale.ROOT)));
    }
    Map<String, Metric> byName = new LinkedHashMap<>();
    for (String[] row : rows) {
      String name = row[0];
      MetricKind kind = kinds.get(name);
      Metric metric = kind == MetricKind.RATIO
          ? new Metric(name, kind, isMoney(kinds, row[2]) && !isMoney(kinds, row[3]), row[2], row[3], Integer.parseInt(row[4]))
          : new Metric(name, kind, kind == MetricKind.MONEY, name, null, 1);
      byName.put(name, metric);
    }
    return new MetricCatalog(byName);
  }

  private static boolean isMoney(Map<String, MetricKind> kinds, String measure) {
    return kinds.get(measure) == MetricKind.MONEY;
  }

  private static List<String[]> readCsv(String resource) {
    try (InputStream in = MetricCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String[]> rows = new ArrayList<>();
      boolean header = true;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        rows.add(line.split(",", -1));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
