package io.github.criteojdbc.client;

import io.github.criteojdbc.client.http.TransportFailure;

import io.github.criteojdbc.client.http.CallContext;
import io.github.criteojdbc.client.http.Exchange;
import io.github.criteojdbc.client.parse.RowParser;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * A {@link RowStream} over an output being downloaded. Stops when the caller cancels (checked every
 * few hundred rows; a blocked read is cut by the watchdog) and tells a broken download from a
 * cancelled one.
 */
final class ParsedRowStream implements RowStream {
  private static final Logger LOG = Logger.getLogger(ParsedRowStream.class.getName());
  private static final int CANCEL_CHECK_MASK = 0xFF;

  private final RowParser parser;
  private final Exchange exchange;
  private final CallContext context;
  private final ReportKind kind;
  private final String reportId;
  private final Duration waited;
  private boolean exhausted;
  private boolean closed;

  ParsedRowStream(RowParser parser, Exchange exchange, CallContext context, ReportKind kind, String reportId,
      Duration waited) {
    this.parser = parser;
    this.exchange = exchange;
    this.context = context;
    this.kind = kind;
    this.reportId = reportId;
    this.waited = waited;
  }

  @Override
  public List<OutputColumn> outputColumns() {
    return parser.outputColumns();
  }

  @Override
  public String reportId() {
    return reportId;
  }

  @Override
  public Object[] next() {
    if (exhausted) {
      return null;
    }
    if (closed) {
      throw new IllegalStateException("RowStream of report " + reportId + " is closed");
    }
    try {
      if ((parser.rowsRead() & CANCEL_CHECK_MASK) == 0) {
        context.checkContinue(activity());
      }
      Object[] row = parser.next();
      if (row == null) {
        exhausted = true;
        finish("complete");
      }
      return row;
    } catch (IOException e) {
      RuntimeException failure = readFailure(e, context, reportId, parser.rowsRead());
      finish("failed");
      throw failure;
    } catch (RuntimeException e) {
      finish("failed");
      throw e;
    }
  }

  /** What a transport failure while reading means: the caller stopped it, or the download broke. */
  static RuntimeException readFailure(IOException e, CallContext context, String reportId, long rowsRead) {
    if (context.shouldStop()) {
      return context.stopped("downloading report " + reportId);
    }
    return new ReportFormatException("Report " + reportId + " download broke off after " + rowsRead
        + " rows: " + TransportFailure.of(e).cause() + "; run the query again", e);
  }

  private String activity() {
    return "downloading report " + reportId;
  }

  @Override
  public void close() {
    finish("closed early");
  }

  private void finish(String how) {
    if (closed) {
      return;
    }
    closed = true;
    long rows = parser.rowsRead();
    try {
      parser.close();
    } catch (IOException ignored) {
      // the rows are read or abandoned; a failing close changes nothing for the caller
    } finally {
      if (!exhausted) {
        // Closing a half-read body would first try to drain it; cutting the connection is immediate.
        exchange.abort();
      }
      exchange.close();
    }
    LOG.info(() -> kind.name() + " report " + reportId + ": " + rows + " rows, " + how + ", ready after "
        + waited.toMillis() / 1000.0 + " s; " + kind.requestSummary());
  }
}
