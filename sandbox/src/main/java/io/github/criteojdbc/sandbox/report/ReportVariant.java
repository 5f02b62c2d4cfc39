package io.github.criteojdbc.sandbox.report;

/**
 * How one report's answers are worded, among the forms the documents allow, so that clients meet all of them.
 * Each report gets its variant from its serial number ({@link #forSerial}), so a test that creates its reports in
 * the same order meets the same variants on every run.
 *
 * @param metadataKey the output key of the column metadata: {@code metadata} (spec) or {@code metaData} (docs sample)
 * @param spelling the casing of every status value of the report
 * @param unknownFirst whether the first status call answers {@code Unknown} (a spec enum value) instead of Pending
 * @param pendingPolls status calls that answer Pending (or Unknown) before the outcome shows
 * @param flatMpoCreate whether an MPO export request is answered flat, {@code {exportId,status,message}} as in the
 *     guide, rather than in the spec's {@code data.attributes} envelope
 * @param refusedDownloadStatus the HTTP status of an output request before Done or after expiry, which the
 *     documents leave open: 400 or 404
 */
public record ReportVariant(
    String metadataKey,
    StatusSpelling spelling,
    boolean unknownFirst,
    int pendingPolls,
    boolean flatMpoCreate,
    int refusedDownloadStatus) {

  /** Most reports are Done after one or two polls: the suite stays fast at a 50 ms poll interval. */
  private static final int[] PENDING_POLLS = {0, 0, 1, 1, 1, 2, 3};

  public ReportVariant {
    if (!metadataKey.equals("metadata") && !metadataKey.equals("metaData")) {
      throw new IllegalArgumentException("metadataKey must be metadata or metaData: " + metadataKey);
    }
    if (pendingPolls < 0) {
      throw new IllegalArgumentException("pendingPolls must not be negative: " + pendingPolls);
    }
    if (refusedDownloadStatus != 400 && refusedDownloadStatus != 404) {
      throw new IllegalArgumentException("refusedDownloadStatus must be 400 or 404: " + refusedDownloadStatus);
    }
  }

  /** The spec's own forms: {@code metadata}, PascalCase, no Unknown, one Pending poll, wrapped MPO create, 400. */
  public static ReportVariant spec() {
    return new ReportVariant("metadata", StatusSpelling.SPEC, false, 1, false, 400);
  }

  /** The variant of the report with this serial number (1 for the first report of a sandbox). */
  public static ReportVariant forSerial(long serial) {
    long bits = mix(serial);
    StatusSpelling[] spellings = StatusSpelling.values();
    return new ReportVariant(
        (bits & 1) == 0 ? "metadata" : "metaData",
        spellings[(int) Long.remainderUnsigned(bits >>> 1, spellings.length)],
        ((bits >>> 8) & 3) == 0,
        PENDING_POLLS[(int) Long.remainderUnsigned(bits >>> 16, PENDING_POLLS.length)],
        ((bits >>> 24) & 1) == 0,
        ((bits >>> 32) & 1) == 0 ? 400 : 404);
  }

  public ReportVariant withMetadataKey(String key) {
    return new ReportVariant(key, spelling, unknownFirst, pendingPolls, flatMpoCreate, refusedDownloadStatus);
  }

  public ReportVariant withSpelling(StatusSpelling casing) {
    return new ReportVariant(metadataKey, casing, unknownFirst, pendingPolls, flatMpoCreate, refusedDownloadStatus);
  }

  public ReportVariant withUnknownFirst(boolean on) {
    return new ReportVariant(metadataKey, spelling, on, pendingPolls, flatMpoCreate, refusedDownloadStatus);
  }

  public ReportVariant withPendingPolls(int n) {
    return new ReportVariant(metadataKey, spelling, unknownFirst, n, flatMpoCreate, refusedDownloadStatus);
  }

  public ReportVariant withFlatMpoCreate(boolean on) {
    return new ReportVariant(metadataKey, spelling, unknownFirst, pendingPolls, on, refusedDownloadStatus);
  }

  public ReportVariant withRefusedDownloadStatus(int status) {
    return new ReportVariant(metadataKey, spelling, unknownFirst, pendingPolls, flatMpoCreate, status);
  }

  /** SplitMix64's finaliser: neighbouring serials get unrelated bits. */
  private static long mix(long value) {
    long z = value * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
