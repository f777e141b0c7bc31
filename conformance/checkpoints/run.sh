#!/usr/bin/env bash
# Conformance of tfir's checkpoint reader with TensorFlow on big checkpoints: TF-Slim inception_v1 and
# resnet_v1_50 (random weights, fixed seed) saved by real TensorFlow in the V1 and the V2 format, every tensor
# read by tfir and compared bit for bit with TensorFlow's own reading (tf.train.load_checkpoint / Restore).
#
# usage: conformance/checkpoints/run.sh [--regenerate]
#
# The checkpoints and their golden files are made first if missing (or with --regenerate), by
# tools/models/make_checkpoints.py --big into $TFIR_BIG/checkpoints (about 250 MB), with the Python venv of
# tools/python/venv.sh; then common's BigCheckpointConformanceTest compares them.
# Ends with the line `N passed, N failed` (one per checkpoint); exits 1 if any failed.
#
# Environment: TFIR_VENV (Python venv, made by tools/python/venv.sh), TFIR_BIG (default target/big-models).
set -uo pipefail

caller_pwd=$(pwd)
cd "$(dirname "$0")/../.." || exit 2
big_dir=${TFIR_BIG:-target/big-models}
case $big_dir in /*) ;; *) [ -n "${TFIR_BIG:-}" ] && big_dir=$caller_pwd/$big_dir || big_dir=$PWD/$big_dir ;; esac
export TFIR_BIG=$big_dir

regenerate=0
case ${1:-} in
  --regenerate) regenerate=1 ;;
  "") ;;
  -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
  *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
esac

goldens=$big_dir/checkpoints/golden
if [ $regenerate = 1 ] || [ "$(ls "$goldens"/*.tsv 2>/dev/null | wc -l)" -lt 4 ]; then
  venv=$(tools/python/venv.sh) || { echo "run.sh: cannot set up the Python venv" >&2; exit 2; }
  "$venv/bin/python" tools/models/make_checkpoints.py --big || { echo "run.sh: generating failed" >&2; exit 2; }
fi
cases=$(ls "$goldens"/*.tsv | wc -l)

log=$(mktemp)
trap 'rm -f "$log"' EXIT
mvn -B -q -Dstyle.color=never -pl common test -Dtest=BigCheckpointConformanceTest -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1
status=$?
sed -i 's/\x1b\[[0-9;]*m//g' "$log"  # Maven's colour codes, even with -Dstyle.color=never
grep -E '^big checkpoint' "$log"
passed=$(grep -cE '^big checkpoint .*identical' "$log")
if [ $status -ne 0 ]; then
  grep -vE '^big checkpoint' "$log" | tail -40
fi
failed=$((cases - passed))
[ $status -ne 0 ] && [ $failed -eq 0 ] && failed=1
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
