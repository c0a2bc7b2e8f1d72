#!/usr/bin/env bash
# Re-captures the real-run fixtures of the reports tests (src/test/resources/real-run/) from the
# example scenario, with the current models. Run after the models change what they report:
#   mvn -B -q install -DskipTests && reports/capture-real-run.sh
# Takes about two minutes on two cores. The reports module cannot run the simulator in its own
# tests (the runner's module depends on this one), hence captured files.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$root/scenarios/target/hvsim.jar"
[ -f "$jar" ] || { echo "no $jar: run 'mvn -B -q install -DskipTests' first" >&2; exit 1; }
exec java -Xmx2g -cp "$jar" "$here/src/test/capture/CaptureRealRun.java" \
  "$root/scenarios/examples/consolidation.yaml" "$here/src/test/resources/real-run"
