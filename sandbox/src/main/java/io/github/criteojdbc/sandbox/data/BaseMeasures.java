package io.github.criteojdbc.sandbox.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The base measures of an hourly fact, read from {@code base-measures.csv}: each is a driver measure times a
 * uniform factor in [low, high], stochastically rounded to an integer (a count, or EUR cents for money).
 * {@code Displays} is the root, driven by {@link HourlyTraffic}.
 */
public final class BaseMeasures {
  private static final String ROOT_DRIVER = "traffic";
  private static final BaseMeasures STANDARD = load("base-measures.csv");

  private final List<String> names;
  private final Map<String, Integer> indexes;
  private final boolean[] money;
  private final int[] drivers;
  private final double[] low;
  private final double[] high;
  private final long[] salts;

  private BaseMeasures(List<String[]> rows) {
    int size = rows.size();
    names = new ArrayList<>(size);
    indexes = new HashMap<>();
    money = new boolean[size];
    drivers = new int[size];
    low = new double[size];
    high = new double[size];
    salts = new long[size];
    for (int i = 0; i < size; i++) {
      names.add(rows.get(i)[0]);
      indexes.put(rows.get(i)[0], i);
    }
    for (int i = 0; i < size; i++) {
      String[] row = rows.get(i);
      money[i] = row[1].equals("cents");
      drivers[i] = row[2].equals(ROOT_DRIVER) ? -1 : indexOrFail(row[2]);
      low[i] = Double.parseDouble(row[3]);
      high[i] = Double.parseDouble(row[4]);
      salts[i] = Hashing.salt(row[0]);
    }
  }

  public static BaseMeasures standard() {
    return STANDARD;
  }

  public OptionalInt index(String name) {
    Integer index = indexes.get(name);
    return index == null ? OptionalInt.empty() : OptionalInt.of(index);
  }

  public int indexOrFail(String name) {
    return index(name).orElseThrow(() -> new IllegalArgumentException("not a base measure: " + name));
  }

  public List<String> names() {
    return List.copyOf(names);
  }

  public boolean isMoney(int index) {
    return money[index];
  }

  long compute(HourlyFact fact, int index, MeasureCursor cursor) {
    long hash = Hashing.mix(fact.seed() ^ salts[index]);
    if (drivers[index] < 0) {
      return HourlyTraffic.displays(fact, hash);
    }
    double factor = low[index] + (high[index] - low[index]) * Hashing.unit(hash);
    return Hashing.stochasticRound(cursor.value(drivers[index]) * factor, Hashing.secondUnit(hash));
  }

  private static BaseMeasures load(String resource) {
    try (InputStream in = BaseMeasures.class.getResourceAsStream(resource)) {
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
      return new BaseMeasures(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
