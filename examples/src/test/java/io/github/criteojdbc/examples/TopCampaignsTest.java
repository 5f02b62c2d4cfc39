package io.github.criteojdbc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopCampaignsTest {
  @Test
  void printsTheSandboxCampaignsByClicks() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Connection connection = DriverManager.getConnection("jdbc:criteo:sandbox=true")) {
      TopCampaigns.print(connection, 7, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

    assertThat(lines.get(0)).startsWith("campaign_id");
    List<Long> clicks = lines.stream().skip(1).filter(line -> !line.startsWith("warning:"))
        .map(line -> line.trim().split("\\s+")).map(fields -> Long.parseLong(fields[fields.length - 2])).toList();
    assertThat(clicks).isNotEmpty().isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }
}
