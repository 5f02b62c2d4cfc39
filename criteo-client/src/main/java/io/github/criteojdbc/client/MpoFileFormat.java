package io.github.criteojdbc.client;

/** File format of an MPO real-time export. */
public enum MpoFileFormat {
  CSV("Csv"),
  JSON("Json");

  private final String apiValue;

  MpoFileFormat(String apiValue) {
    this.apiValue = apiValue;
  }

  /** The spelling the API expects in {@code fileFormat}. */
  public String apiValue() {
    return apiValue;
  }
}
