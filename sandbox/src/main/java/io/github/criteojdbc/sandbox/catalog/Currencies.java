package io.github.criteojdbc.sandbox.catalog;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The currencies the sandbox converts to. Amounts are kept in EUR; each factor has at most two decimals so a
 * converted amount of EUR cents is exact with at most four decimals, and converted sums equal sums of conversions.
 */
public final class Currencies {
  public static final String DEFAULT = "EUR";

  private static final Map<String, BigDecimal> PER_EURO = Map.of(
      "EUR", new BigDecimal("1"),
      "USD", new BigDecimal("1.25"),
      "GBP", new BigDecimal("0.75"),
      "JPY", new BigDecimal("160"),
      "CHF", new BigDecimal("0.95"),
      "CAD", new BigDecimal("1.5"),
      "AUD", new BigDecimal("1.75"),
      "SEK", new BigDecimal("11.5"),
      "PLN", new BigDecimal("4.25"),
      "BRL", new BigDecimal("6.5"));

  private Currencies() {}

  /** How many units of {@code currency} one euro buys, if the sandbox knows the currency. */
  public static Optional<BigDecimal> perEuro(String currency) {
    return Optional.ofNullable(PER_EURO.get(currency));
  }

  public static Set<String> codes() {
    return new TreeMap<>(PER_EURO).keySet();
  }

  /** Converts an amount of EUR cents exactly, keeping at least two decimals and dropping needless trailing zeros. */
  public static BigDecimal fromEuroCents(long cents, BigDecimal perEuro) {
    BigDecimal amount = BigDecimal.valueOf(cents, 2).multiply(perEuro).stripTrailingZeros();
    return amount.scale() < 2 ? amount.setScale(2) : amount;
  }
}
