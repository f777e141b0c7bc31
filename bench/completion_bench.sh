#!/usr/bin/env bash
# REPL Tab completion on a synthetic 100,000-node graph: median and worst time per completion (target < 100 ms).
# Run from the repository root after `mvn -B -q install -DskipTests`.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl summarize test-compile dependency:build-classpath -Dmdep.outputFile=target/summarize-test.classpath
exec java -cp "summarize/target/test-classes:summarize/target/classes:$(cat summarize/target/summarize-test.classpath)" \
  dev.tfir.summarize.repl.CompletionBench
