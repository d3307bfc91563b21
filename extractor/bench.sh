#!/usr/bin/env bash
# Measures the extractor's closing-note figures (see io.sfinbound.extractor.bench.ExtractorBenchmark):
# records/s over REST and Bulk API 2.0 with 2 KB bodies, peak heap at -Xmx256m, API calls per 1,000,000 records.
# Usage: extractor/bench.sh [records, default 1000000]. Builds the extractor and the simulator first.
set -euo pipefail
cd "$(dirname "$0")/.."
# package (never install: ~/.m2 is shared with other builds) the extractor, the simulator and what they need, and
# write the test classpath in the same reactor so that sibling modules come from this tree
mvn -B -o -q -pl extractor,salesforce-sim -am package -DskipTests \
    org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cd extractor
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    io.sfinbound.extractor.bench.ExtractorBenchmark "${1:-1000000}"
