#!/usr/bin/env bash
# The end-to-end bench of issue 10: embedded broker in its own process; the raw Kafka pipe, parallel-consumer,
# a share-group consumer and the Event Gateway each in their own JVM (same heap and GC flags), then the gateway's
# isolation scenario. Writes benchmarks/results/<date>[-quick].json and prints a table.
#
#   benchmarks/run.sh [--quick] [--profile] [--count N] [--warmup N] [--latency-seconds S] [--isolation-seconds S]
#
# --quick: 100 000 records, 15 s latency and isolation phases (under 5 minutes on 2 cores once built).
# --profile: a JFR recording of the gateway run (benchmarks/results/logs/<time>/gateway.jfr).
# Builds what it runs when a source or pom is newer than the built jars (never installs into ~/.m2).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
e2e_jar="benchmarks/end-to-end/target/benchmarks-end-to-end-0.1.0-SNAPSHOT.jar"
pc_jar="benchmarks/parallel-consumer/target/benchmarks-parallel-consumer-0.1.0-SNAPSHOT.jar"

stale() {
  for jar in "$e2e_jar" "$pc_jar" bootstrap/target/event-gateway.jar; do
    [ -f "$jar" ] || return 0
    [ -z "$(find "$root" -path "$root/.git" -prune -o -path '*/target' -prune -o \
        \( -name pom.xml -o -path '*/src/main/*' \) -newer "$jar" -print -quit)" ] || return 0
  done
  return 1
}

if stale; then
  echo "bench: building the gateway and the bench ..." >&2
  ./mvnw -q -B -Dmaven.test.skip=true -pl bootstrap,benchmarks/end-to-end,benchmarks/parallel-consumer -am package >&2
  # The jar plugin leaves an unchanged jar untouched; mark all three as built now so the check above settles.
  touch "$e2e_jar" "$pc_jar" bootstrap/target/event-gateway.jar
fi

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
  commit="$commit-dirty"
fi
e2e_cp="$root/$e2e_jar:$(cat benchmarks/end-to-end/target/classpath.txt)"
pc_cp="$root/$pc_jar:$(cat benchmarks/parallel-consumer/target/classpath.txt)"
exec java -Xmx256m -cp "$e2e_cp" io.eventgateway.benchmarks.e2e.BenchRunner --root "$root" --commit "$commit" \
  --e2e-classpath "$e2e_cp" --pc-classpath "$pc_cp" "$@"
