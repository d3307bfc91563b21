#!/usr/bin/env bash
# Throughput of the simulator: REST query pages and Bulk 2.0 CSV over LiveChatTranscript with ~2 KB chat bodies.
# Usage: salesforce-sim/bench.sh [records [rest|bulk|both]]   (builds nothing: run `mvn -pl salesforce-sim package -DskipTests` first)
# SIM_JAVA_OPTS adds JVM options to the simulator, e.g. a profile:
#   SIM_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/sim.jfr,settings=profile" salesforce-sim/bench.sh 40000
#   jfr print --events jdk.ExecutionSample /tmp/sim.jfr | grep 'at ' | sort | uniq -c | sort -rn | head
set -euo pipefail
cd "$(dirname "$0")"
RECORDS="${1:-100000}"
# Figures: wall-clock records/s (depends on the machine's load: quote `uptime`) and the simulator's own CPU time per
# record (from /proc: much less sensitive to other processes on a shared machine).
PORT="${BENCH_PORT:-18095}"
# shellcheck disable=SC2086
java -Xmx1g ${SIM_JAVA_OPTS:-} -Dquarkus.http.port="$PORT" \
  -Dsim.data.LiveChatTranscript.count=1000000 -Dsim.data.LiveChatTranscript.interval=PT1S \
  -Dsim.data.LiveChatTranscript.body-size=2048 \
  -jar target/quarkus-app/quarkus-run.jar > target/bench-sim.log 2>&1 &
SIM_PID=$!
trap 'kill $SIM_PID' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null && break
  sleep 0.5
done
java src/test/java/io/sfinbound/sim/bench/ThroughputBenchmark.java "http://127.0.0.1:$PORT" "$RECORDS" "${2:-both}" "$SIM_PID"
