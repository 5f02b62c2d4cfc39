package io.github.criteojdbc.benchmarks;

/** How long each benchmark runs: the full run of {@code ./bench.sh}, or the short {@code --quick} one. */
record RunSize(boolean quick, long streamedRows, int streamingWarmups, int streamingRuns, int overheadWarmups,
    int overheadRuns, int overheadSeconds, long memoryRows, int memoryRuns, int coldStartRuns, int fanOutRuns) {

  static RunSize of(boolean quick) {
    return quick
        ? new RunSize(true, 200_000, 3, 3, 2, 3, 1, 1_000_000, 1, 2, 1)
        : new RunSize(false, 1_000_000, 5, 7, 3, 5, 2, 10_000_000, 3, 5, 3);
  }
}
