#!/usr/bin/env bash
# Fuzzes the targets of summarize/src/test/java/dev/tfir/summarize/FuzzTargetsTest.java with Jazzer (libFuzzer for
# the JVM), one target after the other, each in its own JVM.
#
#   tools/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60 s, every target)
#
# Work directory: $TFIR_FUZZ_DIR (default target/fuzz): corpus/<target>/ (grown from the fixtures, kept between
# runs), logs, and table.tsv (target, runs, seconds, runs/s, findings). Findings (crash-*, timeout-*) are written to
# findings/<target>/; the script exits 1 when there is one. Copy each into
# summarize/src/test/resources/dev/tfir/summarize/FuzzTargetsTestInputs/<target>/ once fixed: every test run
# (mvn verify) replays that directory.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-60}
shift || true
if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=(binaryGraph textGraph metaGraph savedModel v1Checkpoint v2Index freeze convertGraph irModel)
fi
work=${TFIR_FUZZ_DIR:-target/fuzz}
mkdir -p "$work"
work=$(cd "$work" && pwd)

mvn -B -q -pl summarize -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/classpath.txt"
classpath="summarize/target/test-classes:summarize/target/classes:$(cat "$work/classpath.txt")"

[ -f "$work/table.tsv" ] || printf 'target\truns\tseconds\truns_per_s\tfindings\n' > "$work/table.tsv"
found=0
for target in "${targets[@]}"; do
  mkdir -p "$work/corpus/$target" "$work/findings/$target"
  log="$work/$target.$(date -u +%Y%m%dT%H%M%S).log"
  # -timeout: an input that runs for more than 10 s is a hang; --keep_going: go on after a finding.
  scratch=$(mktemp -d "$([ -w /dev/shm ] && echo /dev/shm || echo "$work")/tfir-fuzz.XXXXXX")
  java -Xmx2g -Dtfir.repo="$PWD" -Dtfir.fuzz.work="$scratch" -cp "$classpath" com.code_intelligence.jazzer.Jazzer \
    --target_class=dev.tfir.summarize.FuzzTargetsTest --target_method="$target" \
    --instrumentation_includes='dev.tfir.**' --keep_going=1000 \
    -max_total_time="$seconds" -timeout=10 -max_len=1048576 -rss_limit_mb=0 \
    -artifact_prefix="$work/findings/$target/" "$work/corpus/$target" > "$log" 2>&1 || true
  rm -rf "$scratch"
  runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
  took=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\2/p' "$log" | tail -1)
  findings=$(find "$work/findings/$target" -type f | wc -l)
  if [ -z "$runs" ]; then
    echo "$target: the fuzzer did not finish; see $log" >&2
    found=1
    continue
  fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$target" "$runs" "$took" "$((runs / (took > 0 ? took : 1)))" "$findings" \
    | tee -a "$work/table.tsv"
  [ "$findings" -eq 0 ] || found=1
done
exit "$found"
