#!/usr/bin/env bash
# Builds the shaded driver jar (without running the other modules' tests) and runs the reliability suite
# against it. Extra arguments go to the suite's Maven run, e.g. ./reliability.sh -o -Dtest=CancellationTest
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -ntp -q -DskipTests install -pl driver -am
mvn -B -ntp -P reliability -pl reliability verify "$@"
