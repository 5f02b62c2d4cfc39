package io.github.criteojdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.sandbox.Endpoint;
import io.github.criteojdbc.sandbox.LoggedRequest;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** 500s and dropped connections on create, poll and download are retried; a create is never duplicated. */
class ServerFaultsTest extends FreshSandboxTest {
  @Override
  protected String application() {
    return "server-faults-app";
  }

  private static final LocalDate FIRST = AnchorTest.FIRST;
  private static final LocalDate LAST = AnchorTest.LAST;

  

  private List<List<Object>> expected() {
    return ExpectedStatistics.clicksByCampaign(target.sandbox().data(), FIRST, LAST);
  }

  private List<List<Object>> query() throws SQLException {
    ReliabilityFigures.queries(1);
    ReliabilityFigures.rowsChecked(expected().size());
    return target.rows(ExpectedStatistics.clicksByCampaignSql(FIRST, LAST));
  }

  @ParameterizedTest
  @EnumSource(value = Endpoint.class, names = {"CREATE", "STATUS", "OUTPUT"})
  void twoServerErrorsInARowAreRetriedToExactRows(Endpoint endpoint) throws SQLException {
    target.faults().failNextCalls(endpoint, 2);
    ReliabilityFigures.faults(2);

    assertThat(query()).isEqualTo(expected());
    assertThat(target.log().count(r -> r.endpoint().orElse(null) == endpoint && r.status() == 500)).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(value = Endpoint.class, names = {"CREATE", "STATUS", "OUTPUT"})
  void droppedConnectionsAreRetriedToExactRows(Endpoint endpoint) throws SQLException {
    target.faults().dropNextCalls(endpoint, 2);
    ReliabilityFigures.faults(2);

    assertThat(query()).isEqualTo(expected());
    assertThat(target.log().count(r -> r.endpoint().orElse(null) == endpoint && r.status() == 0)).isEqualTo(2);
  }

  @Test
  void aCreateWhoseAnswerWasLostIsRepeatedAndGetsTheSameReportInsteadOfASecondOne() throws SQLException {
    target.faults().loseNextResponses(Endpoint.CREATE, 1);
    ReliabilityFigures.faults(1);

    assertThat(query()).isEqualTo(expected());
    assertThat(target.creations()).extracting(LoggedRequest::status).containsExactly(0, 202);
    assertThat(reportIdsPolledOrDownloaded()).as("reports the driver polled or downloaded").hasSize(1);
  }

  @Test
  void randomServerErrorsOnAThirdOfTheCallsStillGiveExactRows() throws SQLException {
    target.faults().randomServerErrors(0.3, 20261123L);

    assertThat(query()).isEqualTo(expected());
    long injected = target.log().count(r -> r.isReportCall() && r.status() == 500);
    assertThat(injected).isPositive();
    ReliabilityFigures.faults(injected);
  }

  private Set<String> reportIdsPolledOrDownloaded() {
    return target.log().all().stream()
        .filter(r -> r.isReportCall() && !r.isReportCreation())
        .map(r -> r.decodedPath().replaceAll("/(status|output)$", ""))
        .collect(Collectors.toSet());
  }
}
