package io.github.criteojdbc.sandbox.report;

import java.util.Locale;

/**
 * How a report's status values are cased. The spec's enum is PascalCase ({@code Pending}, {@code Done}); the guide's
 * prose and its create sample write them in lower case ({@code pending}); clients have to accept any casing.
 */
public enum StatusSpelling {
  SPEC,
  LOWER_CASE,
  UPPER_CASE;

  public String spell(ReportStatus status) {
    return switch (this) {
      case SPEC -> status.apiName();
      case LOWER_CASE -> status.apiName().toLowerCase(Locale.ROOT);
      case UPPER_CASE -> status.apiName().toUpperCase(Locale.ROOT);
    };
  }
}
