#!/usr/bin/env bash
# hvsim against CloudSim Plus 8.5.5 on the same 100 M/M/1 processor-sharing queues (about 200,000
# jobs): wall time of each and each one's error against queueing theory (docs/performance.md).
#   scenarios/bench/cloudsim/compare.sh [QUEUES] [SECONDS]
# Needs Maven Central once, for CloudSim Plus.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
jar="$root/scenarios/target/hvsim.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests package)
cp_file="$(mktemp)"
mvn -B -q -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
# hvsim first: its logging setup (silent) wins over CloudSim Plus's logback
exec java -Xmx4g -cp "$jar:$(cat "$cp_file")" "$here/CloudSimComparison.java" "$@"
