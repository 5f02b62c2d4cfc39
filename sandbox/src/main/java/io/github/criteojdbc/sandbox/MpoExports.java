package io.github.criteojdbc.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.criteojdbc.sandbox.http.ApiException;
import io.github.criteojdbc.sandbox.http.HttpCall;
import io.github.criteojdbc.sandbox.http.Problem;
import io.github.criteojdbc.sandbox.mpo.MpoAggregator;
import io.github.criteojdbc.sandbox.mpo.MpoFileFormat;
import io.github.criteojdbc.sandbox.mpo.MpoRequest;
import io.github.criteojdbc.sandbox.mpo.MpoRequestParser;
import io.github.criteojdbc.sandbox.report.ColumnarJsonWriter;
import io.github.criteojdbc.sandbox.report.CsvWriter;
import io.github.criteojdbc.sandbox.report.Download;
import io.github.criteojdbc.sandbox.report.DownloadFaults;
import io.github.criteojdbc.sandbox.report.ExportColumn;
import io.github.criteojdbc.sandbox.report.ExportTable;
import io.github.criteojdbc.sandbox.report.Report;
import io.github.criteojdbc.sandbox.report.ReportIds;
import io.github.criteojdbc.sandbox.report.ReportRegistry;
import io.github.criteojdbc.sandbox.report.RequestKey;
import io.github.criteojdbc.sandbox.request.AdvertiserAccess;
import io.github.criteojdbc.sandbox.request.JsonRequestBody;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The MPO real-time export (seeds 001/003): export request → 200 with an export id, status, and a download of
 * the raw CSV or JSON file, streamed.
 */
final class MpoExports {
  private final ReportRegistry registry;
  private final ReportIds ids;
  private final ReportPlans plans;
  private final SandboxFaults faults;
  private final Clock clock;
  private final Set<String> advertiserIds;

  MpoExports(ReportRegistry registry, ReportIds ids, ReportPlans plans, SandboxFaults faults, Clock clock, Set<String> advertiserIds) {
    this.registry = registry;
    this.ids = ids;
    this.plans = plans;
    this.faults = faults;
    this.clock = clock;
    this.advertiserIds = Set.copyOf(advertiserIds);
  }

  void export(HttpCall call, String clientId) {
    JsonNode body = JsonRequestBody.read(call);
    Instant now = clock.instant();
    MpoRequest request = MpoRequestParser.parse(body, now);
    AdvertiserAccess.require(request.advertiserIds(), advertiserIds);
    Report report = registry.findOrCreate(new RequestKey(clientId, "mpo-realtime-export", body), now,
        () -> {
          ReportIds.SerialId id = ids.nextExportId();
          return new Report(id.id(), clientId, plans.next(now, id.serial()),
              () -> new FileExport(MpoAggregator.aggregate(request, now), request.fileFormat()));
        });
    call.sendJson(200, StatusDocuments.mpoJob(report.id(), report.variant(), report.observed(now), report.message()));
  }

  void status(HttpCall call, String clientId, String exportId) {
    Report report = find(exportId, clientId);
    call.sendJson(200, StatusDocuments.mpoStatus(exportId, report.variant(),
        report.poll(clock.instant(), faults.neverFinish()), report.message()));
  }

  void download(HttpCall call, String clientId, String exportId) {
    Download download = find(exportId, clientId).download(clock.instant(), faults.neverFinish());
    if (download instanceof Download.Ready ready) {
      FileExport file = (FileExport) ready.table();
      DownloadFaults downloadFaults = faults.takeDownloadFaults();
      call.sendStream(200, file.format().contentType(), out -> {
        if (file.format() == MpoFileFormat.CSV) {
          CsvWriter.write(file, downloadFaults, out);
        } else {
          ColumnarJsonWriter.write(file, downloadFaults, out);
        }
      });
      return;
    }
    if (download instanceof Download.Expired) {
      throw new ApiException(400, new Problem("availability", "export-alreadyexpired", "Export already expired",
          "The output of export " + exportId + " has been deleted; request the export again", null));
    }
    String reason = download instanceof Download.Failed failed ? "failed: " + failed.message() : "is not Done yet";
    throw new ApiException(400, new Problem("availability", "invalid-query", "Invalid query definition",
        "Export " + exportId + " " + reason + "; download is only valid when the status is Done", null));
  }

  private Report find(String exportId, String clientId) {
    return registry.find(exportId, clientId).orElseThrow(() -> new ApiException(403, new Problem("authorization",
        "export-not-found", "Export job not found", "No export job with id '" + exportId + "' is visible", null)));
  }

  /** The rows of an export with the file format they are downloaded in. */
  private record FileExport(ExportTable table, MpoFileFormat format) implements ExportTable {
    @Override
    public List<ExportColumn> columns() {
      return table.columns();
    }

    @Override
    public long rowCount() {
      return table.rowCount();
    }

    @Override
    public Iterator<Object[]> rows() {
      return table.rows();
    }
  }
}
