#!/usr/bin/env bash
# Builds the driver and the benchmarks, runs every benchmark in one go and writes
# benchmarks/results/latest.md. --quick runs each benchmark briefly (indicative only);
# --only budget runs the API budget for a BI session alone and writes benchmarks/results/budget.md;
# --only session runs the DBeaver-style session alone and writes benchmarks/results/session.md;
# --only cold-start runs the cold starts alone (java -jar, the criteo-sql launcher) and writes
# benchmarks/results/cold-start.md. Their class-data archives and user cache folders stay under
# benchmarks/target/cold-start.
# The API budget is measured beside the driver of $baseline_commit, built once under benchmarks/target.
set -euo pipefail
cd "$(dirname "$0")"

baseline_commit=ac23663
options=()
output=benchmarks/results/latest.md
case "${1:-}" in
  --quick) options=(--quick) ;;
  --only)
    [[ "${2:-}" == budget || "${2:-}" == session || "${2:-}" == cold-start ]] \
      || { echo "usage: ./bench.sh [--quick | --only budget | --only session | --only cold-start]" >&2; exit 2; }
    options=(--only "$2")
    output=benchmarks/results/$2.md ;;
  "") ;;
  *) echo "usage: ./bench.sh [--quick | --only budget | --only session | --only cold-start]" >&2; exit 2 ;;
esac

mvn -B -ntp -q install -DskipTests -pl benchmarks -am
baseline_dir=benchmarks/target/baseline-$baseline_commit
baseline_jar=$baseline_dir/driver/target/criteo-jdbc.jar
if [[ ! -f $baseline_jar ]]; then
  rm -rf "$baseline_dir"
  mkdir -p "$baseline_dir"
  git archive "$baseline_commit" | tar -x -C "$baseline_dir"
  (cd "$baseline_dir" && mvn -B -ntp -q package -DskipTests -pl driver -am)
fi
mkdir -p benchmarks/results
java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" \
  io.github.criteojdbc.benchmarks.BenchRunner "${options[@]}" driver/target/criteo-jdbc.jar \
  "$baseline_commit" "$baseline_jar" "$output"
