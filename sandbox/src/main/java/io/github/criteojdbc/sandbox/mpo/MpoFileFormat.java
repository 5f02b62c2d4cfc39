package io.github.criteojdbc.sandbox.mpo;

import java.util.Arrays;
import java.util.Optional;

/** The export file formats: {@code csv} (default) or {@code json}, in any letter case. */
public enum MpoFileFormat {
  CSV("text/csv"),
  JSON("application/json");

  private final String contentType;

  MpoFileFormat(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }

  public static Optional<MpoFileFormat> byName(String name) {
    return Arrays.stream(values()).filter(value -> value.name().equalsIgnoreCase(name)).findFirst();
  }
}
