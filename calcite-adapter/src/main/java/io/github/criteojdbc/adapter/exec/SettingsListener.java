package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.AdapterSettings;
import io.github.criteojdbc.client.ReportListener;

/** Passes the API's warnings (deprecation, sunset, response warnings) on as SQL warnings. */
final class SettingsListener implements ReportListener {
  private final AdapterSettings settings;

  SettingsListener(AdapterSettings settings) {
    this.settings = settings;
  }

  @Override public void warning(String message) {
    settings.warn(message);
  }
}
