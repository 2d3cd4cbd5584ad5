#!/usr/bin/env bash
# The JMH hot-path benchmarks (each beside its baseline in one run) and the JOL measurement of the bytes held per
# buffered event. Writes benchmarks/results/<date>-jmh.json (JMH's format) and prints JMH's table.
#
#   benchmarks/jmh.sh [JMH options, e.g. -wi 2 -i 3 -f 1 or a benchmark regex]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jar="benchmarks/hot-paths/target/benchmarks-hot-paths-0.1.0-SNAPSHOT.jar"
if [ ! -f "$jar" ] || [ -n "$(find domain application adapters-kafka protocol benchmarks/hot-paths \
    -path '*/target' -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$jar" -print -quit)" ]; then
  echo "jmh: building the hot-path benchmarks ..." >&2
  ./mvnw -q -B -DskipTests -pl benchmarks/hot-paths -am package >&2
fi
cp="$root/$jar:$(cat benchmarks/hot-paths/target/classpath.txt)"
mkdir -p benchmarks/results
java -Djdk.attach.allowAttachSelf -Djol.magicFieldOffset=true -cp "$cp" \
  io.eventgateway.benchmarks.hotpaths.HeldBytesPerEvent | head -5
java -cp "$cp" org.openjdk.jmh.Main -rf json -rff "benchmarks/results/$(date +%F)-jmh.json" "$@"
