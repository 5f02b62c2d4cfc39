#!/usr/bin/env bash
# A shortcut to the reliability suite alone: builds the shaded driver jar in the reactor (the other modules' tests
# skipped, nothing installed) and runs the suite against it, writing its figures to
# benchmarks/results/reliability.md. `mvn -B -ntp verify` runs the suite as well, with the figures in
# reliability/target/. Extra arguments go to Maven, e.g. ./reliability.sh -o -Dtest=CancellationTest
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -ntp verify -pl reliability -am -DskipITs -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='io.github.criteojdbc.reliability.**' \
  -Dreliability.report="$PWD/benchmarks/results/reliability.md" "$@"
