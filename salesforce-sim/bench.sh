#!/usr/bin/env bash
# Throughput of the simulator: REST query pages and Bulk 2.0 CSV over LiveChatTranscript with ~2 KB chat bodies.
# Usage: salesforce-sim/bench.sh [records]   (builds nothing: run `mvn -pl salesforce-sim package -DskipTests` first)
set -euo pipefail
cd "$(dirname "$0")"
RECORDS="${1:-100000}"
PORT="${BENCH_PORT:-18095}"
java -Xmx1g -Dquarkus.http.port="$PORT" \
  -Dsim.data.LiveChatTranscript.count=1000000 -Dsim.data.LiveChatTranscript.interval=PT1S \
  -Dsim.data.LiveChatTranscript.body-size=2048 \
  -jar target/quarkus-app/quarkus-run.jar > target/bench-sim.log 2>&1 &
SIM_PID=$!
trap 'kill $SIM_PID' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null && break
  sleep 0.5
done
java src/test/java/io/sfinbound/sim/bench/ThroughputBenchmark.java "http://127.0.0.1:$PORT" "$RECORDS"
