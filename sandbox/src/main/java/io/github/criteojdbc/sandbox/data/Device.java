package io.github.criteojdbc.sandbox.data;

import java.util.List;

/** The devices of the base grain, with the operating systems and display sizes seen on each. */
public enum Device {
  DESKTOP("Desktop", 0.8, List.of("Windows", "macOS"), List.of("300x250", "728x90", "160x600")),
  SMARTPHONE("Smartphone", 1.2, List.of("iOS", "Android"), List.of("320x50", "300x250")),
  TABLET("Tablet", 0.3, List.of("iOS", "Android"), List.of("728x90", "300x250"));

  private final String apiValue;
  private final double trafficWeight;
  private final List<String> operatingSystems;
  private final List<String> displaySizes;

  Device(String apiValue, double trafficWeight, List<String> operatingSystems, List<String> displaySizes) {
    this.apiValue = apiValue;
    this.trafficWeight = trafficWeight;
    this.operatingSystems = operatingSystems;
    this.displaySizes = displaySizes;
  }

  public String apiValue() {
    return apiValue;
  }

  double trafficWeight() {
    return trafficWeight;
  }

  List<String> operatingSystems() {
    return operatingSystems;
  }

  List<String> displaySizes() {
    return displaySizes;
  }
}
