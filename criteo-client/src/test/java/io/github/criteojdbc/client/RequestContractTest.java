package io.github.criteojdbc.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.criteojdbc.client.testing.FakeCriteo.json;
import static io.github.criteojdbc.client.testing.FakeCriteo.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.criteojdbc.client.testing.FakeCriteo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact requests the client sends: paths, headers and bodies. */
class RequestContractTest {
  static final FakeCriteo criteo = new FakeCriteo();
  static final String REPORT_ID = "OWVm/NDE3+OTM=";
  static final String ENCODED_ID = "OWVm%2FNDE3%2BOTM%3D";
  static final String OUTPUT = """
      {"data":{"metadata":{"columns":[
          {"name":"CampaignId","type":"String","role":"Dimension"},
          {"name":"Clicks","type":"Number","role":"Metric"}],"rows":2},
        "data":[[1111,876],[2222,678]]}}""";
  static final RowShape CAMPAIGN_CLICKS = new RowShape(List.of(
      new ColumnRequest("CampaignId", ValueType.STRING, true),
      new ColumnRequest("Clicks", ValueType.LONG, true)));

  CriteoClientConfig config;

  @BeforeEach
  void stubToken() {
    criteo.reset();
    criteo.stubToken();
    config = criteo.config().build();
  }

  @AfterAll
  static void stop() {
    criteo.close();
  }

  @Test
  void tokenRequestIsAFormPostOfTheClientCredentials() {
    try (CriteoClient client = CriteoClient.create(config)) {
      client.verifyCredentials(QueryControl.none());
    }
    List<LoggedRequest> requests = criteo.wm().findAll(postRequestedFor(urlPathEqualTo("/oauth2/token")));
    assertThat(requests).hasSize(1);
    LoggedRequest token = requests.get(0);
    assertThat(token.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(token.getHeader("Accept")).isEqualTo("application/json");
    assertThat(token.getHeader("User-Agent")).startsWith("criteo-jdbc/").doesNotContain("$");
    assertThat(token.getBodyAsString()).isEqualTo("grant_type=client_credentials&client_id=" + config.clientId()
        + "&client_secret=s3cr%2Bt%2Fvalue");
  }

  @Test
  void statisticsReportCreatesPollsAndDownloadsWithExactRequests() {
    criteo.stubStatisticsCreate(REPORT_ID);
    criteo.stubStatus(ENCODED_ID, "Done");
    criteo.stubOutput(ENCODED_ID, OUTPUT);
    StatisticsReportRequest request = StatisticsReportRequest.builder()
        .advertiserIds("1111", "2222")
        .startDate(LocalDate.of(2022, 1, 1)).endDate(LocalDate.of(2022, 1, 2))
        .dimensions("CampaignId", "Campaign", "Day").metrics("Clicks", "Displays", "AdvertiserCost")
        .currency("EUR").timezone("Europe/Paris")
        .adSetNames(List.of("myAdSet1", "myAdSet2")).adSetIds(List.of("789", "456"))
        .adSetStatus(List.of("Active", "NotRunning"))
        .build();

    List<Object[]> rows = readAll(client -> client.statisticsReport(request, CAMPAIGN_CLICKS, QueryControl.none()));

    assertThat(rows).containsExactly(new Object[] {"1111", 876L}, new Object[] {"2222", 678L});
    criteo.wm().verify(1, postRequestedFor(urlPathEqualTo("/preview/reports/async-statistics"))
        .withHeader("Authorization", equalTo("Bearer token-1"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withHeader("Accept", equalTo("application/json"))
        .withHeader("User-Agent", equalTo(config.userAgent()))
        .withRequestBody(equalToJson("""
            {"data":{"type":"StatisticsReport","attributes":{
              "advertiserIds":["1111","2222"],"startDate":"2022-01-01","endDate":"2022-01-02",
              "dimensions":["CampaignId","Campaign","Day"],"metrics":["Clicks","Displays","AdvertiserCost"],
              "currency":"EUR","timezone":"Europe/Paris","adSetIds":["789","456"],
              "adSetNames":["myAdSet1","myAdSet2"],"adSetStatus":["Active","NotRunning"]}}}""", false, false)));
    criteo.wm().verify(1, getRequestedFor(urlPathEqualTo("/preview/reports/" + ENCODED_ID + "/status"))
        .withHeader("Authorization", equalTo("Bearer token-1"))
        .withHeader("Accept", equalTo("application/json")));
    criteo.wm().verify(1, getRequestedFor(urlPathEqualTo("/preview/reports/" + ENCODED_ID + "/output"))
        .withHeader("Authorization", equalTo("Bearer token-1"))
        .withHeader("Accept", equalTo("application/json")));
  }

  @Test
  void reportIdIsOnePercentEncodedPathSegment() {
    criteo.stubStatisticsCreate(REPORT_ID);
    criteo.stubStatus(ENCODED_ID, "Done");
    criteo.stubOutput(ENCODED_ID, OUTPUT);

    readAll(client -> client.statisticsReport(statistics(), CAMPAIGN_CLICKS, QueryControl.none()));

    List<String> urls = criteo.wm().getAllServeEvents().stream().map(e -> e.getRequest().getUrl()).toList();
    assertThat(urls).contains(
        "/preview/reports/OWVm%2FNDE3%2BOTM%3D/status", "/preview/reports/OWVm%2FNDE3%2BOTM%3D/output");
  }

  @Test
  void audienceReportSendsTheSpecFieldNames() {
    criteo.wm().stubFor(post(FakeCriteo.AUDIENCE_CREATE).willReturn(json(202, FakeCriteo.msStatus("aud-1", "Done"))));
    criteo.stubOutput("aud-1", """
        {"data":{"metadata":{"columns":[{"name":"Top30BrandsByClicks","type":"String","role":"Dimension"},
          {"name":"Clicks","type":"Number","role":"Metric"}]},"data":[["Acme",12]]}}""");
    AudiencePerformanceReportRequest request = AudiencePerformanceReportRequest.builder()
        .advertiserId("1111").startDate(LocalDate.of(2026, 1, 1)).endDate(LocalDate.of(2026, 1, 31))
        .dimension("Top30BrandsByClicks").metrics("Clicks", "Displays")
        .timezone("UTC").audienceIds(List.of("a1")).segmentsIds(List.of("s1", "s2"))
        .build();
    RowShape shape = new RowShape(List.of(new ColumnRequest("top30brandsbyclicks", ValueType.STRING, true),
        new ColumnRequest("Clicks", ValueType.INTEGER, true)));

    List<Object[]> rows = readAll(client -> client.audiencePerformanceReport(request, shape, QueryControl.none()));

    assertThat(rows).containsExactly(new Object[] {"Acme", 12});
    criteo.wm().verify(postRequestedFor(urlPathEqualTo(FakeCriteo.AUDIENCE_CREATE))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("""
            {"data":{"type":"AudiencePerformanceReport","attributes":{
              "advertiserId":"1111","startDate":"2026-01-01","endDate":"2026-01-31",
              "dimension":"Top30BrandsByClicks","metrics":["Clicks","Displays"],"timezone":"UTC",
              "audienceIds":["a1"],"segmentsIds":["s1","s2"]}}}""", false, false)));
  }

  @Test
  void mpoExportSendsSpecCasingAndDownloadsCsv() {
    criteo.wm().stubFor(post(FakeCriteo.MPO + "/realtime-reports/export").willReturn(okJson("""
        {"exportId":"45f7ec55-1008-4372-9144-1da37d8dccc2","status":"Pending","message":null}""")));
    criteo.wm().stubFor(get(FakeCriteo.MPO + "/report-jobs/45f7ec55-1008-4372-9144-1da37d8dccc2").willReturn(okJson("""
        {"data":{"type":"ExportStatusModel","attributes":{"exportId":"45f7ec55-1008-4372-9144-1da37d8dccc2",
          "status":"Done","message":"rows_count=2"}},"errors":[],"warnings":[]}""")));
    criteo.wm().stubFor(get(FakeCriteo.MPO + "/realtime-reports/45f7ec55-1008-4372-9144-1da37d8dccc2")
        .willReturn(aResponse().withHeader("Content-Type", "text/csv").withBody("""
            "advertiserId","campaignId","clicks","displays","cost"
            321,12345,1873,800247,992.21671380425
            321,56789,17927,5275096,3460.71409576333
            """)));
    MpoRealtimeExportRequest request = MpoRealtimeExportRequest.builder()
        .advertiserIds("321").campaignIds(List.of("12345", "56789")).sellerIds(List.of("254614150"))
        .dimensions("advertiserId", "campaignId").metrics("clicks", "Displays", "cost")
        .startDate(Instant.parse("2026-01-09T08:00:00.750Z")).endDate(Instant.parse("2026-01-09T09:00:00Z"))
        .timezone("UTC").fileFormat(MpoFileFormat.CSV)
        .build();
    RowShape shape = new RowShape(List.of(new ColumnRequest("AdvertiserId", ValueType.STRING, true),
        new ColumnRequest("CampaignId", ValueType.STRING, true),
        new ColumnRequest("Cost", ValueType.DECIMAL, true)));

    List<Object[]> rows = readAll(client -> client.mpoRealtimeExport(request, shape, QueryControl.none()));

    assertThat(rows).containsExactly(
        new Object[] {"321", "12345", new java.math.BigDecimal("992.21671380425")},
        new Object[] {"321", "56789", new java.math.BigDecimal("3460.71409576333")});
    criteo.wm().verify(postRequestedFor(urlPathEqualTo(FakeCriteo.MPO + "/realtime-reports/export"))
        .withHeader("Authorization", equalTo("Bearer token-1"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("""
            {"data":{"type":"RealTimeProductReportJob","attributes":{
              "fileFormat":"Csv","advertiserIds":["321"],"campaignIds":["12345","56789"],
              "sellerIds":["254614150"],"dimensions":["AdvertiserId","CampaignId"],
              "metrics":["Clicks","Displays","Cost"],
              "startDate":"2026-01-09T08:00:00Z","endDate":"2026-01-09T09:00:00Z","timezone":"UTC"}}}""",
            false, false)));
    criteo.wm().verify(getRequestedFor(urlPathEqualTo(
            FakeCriteo.MPO + "/report-jobs/45f7ec55-1008-4372-9144-1da37d8dccc2"))
        .withHeader("Accept", equalTo("application/json")));
    criteo.wm().verify(getRequestedFor(urlPathEqualTo(
            FakeCriteo.MPO + "/realtime-reports/45f7ec55-1008-4372-9144-1da37d8dccc2"))
        .withHeader("Accept", equalTo("text/csv, application/json;q=0.9")));
  }

  @Test
  void mpoExportDownloadsJsonAndReadsTheWrappedEnvelope() {
    criteo.wm().stubFor(post(FakeCriteo.MPO + "/realtime-reports/export").willReturn(okJson("""
        {"data":{"type":"RealTimeProductReportJobStatus","attributes":{"exportId":"e-1","status":"Pending"}}}""")));
    criteo.wm().stubFor(get(FakeCriteo.MPO + "/report-jobs/e-1").willReturn(okJson("""
        {"exportId":"e-1","status":"done","message":null}""")));
    criteo.wm().stubFor(get(FakeCriteo.MPO + "/realtime-reports/e-1").willReturn(okJson("""
        {"columns":["advertiserId","campaignId","clicks"],"data":[[321,12345,17927],[321,56789,1873]],"rows":2}""")));
    MpoRealtimeExportRequest request = MpoRealtimeExportRequest.builder()
        .advertiserIds("321").lookbackWindowMinutes(120).fileFormat(MpoFileFormat.JSON).build();
    RowShape shape = new RowShape(List.of(new ColumnRequest("CampaignId", ValueType.STRING, true),
        new ColumnRequest("Clicks", ValueType.LONG, true)));

    List<Object[]> rows = readAll(client -> client.mpoRealtimeExport(request, shape, QueryControl.none()));

    assertThat(rows).containsExactly(new Object[] {"12345", 17927L}, new Object[] {"56789", 1873L});
    criteo.wm().verify(postRequestedFor(urlPathEqualTo(FakeCriteo.MPO + "/realtime-reports/export"))
        .withRequestBody(equalToJson("""
            {"data":{"type":"RealTimeProductReportJob","attributes":{
              "fileFormat":"Json","advertiserIds":["321"],"lookbackWindow":120}}}""", false, false)));
    criteo.wm().verify(getRequestedFor(urlPathEqualTo(FakeCriteo.MPO + "/realtime-reports/e-1"))
        .withHeader("Accept", equalTo("application/json, text/csv;q=0.9")));
  }

  static StatisticsReportRequest statistics() {
    return StatisticsReportRequest.builder().advertiserIds("1111")
        .startDate(LocalDate.of(2022, 1, 1)).endDate(LocalDate.of(2022, 1, 2))
        .dimensions("CampaignId").metrics("Clicks").build();
  }

  private List<Object[]> readAll(java.util.function.Function<CriteoClient, RowStream> report) {
    try (CriteoClient client = CriteoClient.create(config); RowStream rows = report.apply(client)) {
      List<Object[]> all = new ArrayList<>();
      for (Object[] row = rows.next(); row != null; row = rows.next()) {
        all.add(row);
      }
      return all;
    }
  }
}
