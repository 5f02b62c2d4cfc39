#!/usr/bin/env bash
# Builds the driver and the benchmarks, runs every benchmark in one go and writes
# benchmarks/results/latest.md. --quick runs each benchmark briefly (indicative only).
set -euo pipefail
cd "$(dirname "$0")"

quick=()
case "${1:-}" in
  --quick) quick=(--quick) ;;
  "") ;;
  *) echo "usage: ./bench.sh [--quick]" >&2; exit 2 ;;
esac

mvn -B -ntp -q install -DskipTests -pl benchmarks -am
mkdir -p benchmarks/results
java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" \
  io.github.criteojdbc.benchmarks.BenchRunner "${quick[@]}" driver/target/criteo-jdbc.jar \
  benchmarks/results/latest.md
