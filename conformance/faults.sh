#!/usr/bin/env bash
# Faults: what tfir's writes leave when a run is stopped, the disk fills, or two runs write the same output.
# Every output goes through common's AtomicFiles: convert's IR, summarize-graph's --save_frozen, the REPL's
# save and convert. Cases:
#   SIGTERM, SIGINT mid-write   convert (over an earlier IR), --save_frozen (over an earlier file), the REPL's
#                               save and convert: the run exits 128+signal, no temporary file is left, the
#                               earlier output is intact; Ctrl-C in the REPL on a terminal (tmux) mid-convert
#   SIGKILL mid-write           the temporary file stays; the next write in that directory removes it
#   disk full                   a 20 MB tmpfs holding an earlier IR and frozen graph: convert and --save_frozen
#                               of a 300 MB model exit 1 with one line on stderr, no temporary file, the
#                               earlier files intact
#                               (needs root to mount; skipped otherwise)
#   concurrent writers          two converts of one model (FP32 and FP16) to one output at once, 5 rounds: both
#                               exit 0 and the IR left is byte for byte the one of one run (run alone
#                               beforehand), and loads and compiles in OpenVINO; then once more with the
#                               lock held by another process until both wrote their files: both wait for it
# A run is stopped mid-write: the signal goes to the process named in its first temporary file as soon as
# that file has data. The model is tools/models/make_big_models.py's faults_frozen.pb (300 MB, made once into
# $TFIR_BIG/faults, about 20 s).
#
# usage: conformance/faults.sh
# Ends with `N passed, N failed`; exits 1 if any case failed, 2 for a set-up error.
# Environment: TFIR_VENV (Python venv of tools/python/venv.sh), TFIR_BIG (default target/big-models).
set -uo pipefail
# A shell started in the background of a non-interactive one (CI run with `&`) inherits SIGINT ignored, cannot undo
# that, and passes it on to every command: start again with the default disposition (GNU env).
if [ -z "${TFIR_FAULTS_SIGNALS:-}" ]; then
  TFIR_FAULTS_SIGNALS=default exec env --default-signal=INT,QUIT bash "$0" "$@"
fi
set -m  # background runs in their own process groups: a non-interactive shell's background jobs ignore SIGINT

caller_pwd=$(pwd)
cd "$(dirname "$0")/.." || exit 2
root=$PWD
big_dir=${TFIR_BIG:-target/big-models}
case $big_dir in /*) ;; *) [ -n "${TFIR_BIG:-}" ] && big_dir=$caller_pwd/$big_dir || big_dir=$PWD/$big_dir ;; esac
model=$big_dir/faults/faults_frozen.pb
small=$root/testdata/convert/ops_zoo.pb
venv=$(tools/python/venv.sh) || { echo "faults.sh: cannot set up the Python venv" >&2; exit 2; }
if [ ! -f "$model" ]; then
  "$venv/bin/python" tools/models/make_big_models.py --out "$big_dir/faults" --only faults_frozen.pb >/dev/null ||
    { echo "faults.sh: generating $model failed" >&2; exit 2; }
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/tfir-faults.XXXXXX")
full=$work/full
trap 'mountpoint -q "$full" && umount "$full"; rm -rf "$work"' EXIT
passed=0
failed=0

pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1: $2"; failed=$((failed + 1)); }

# temps DIR: the temporary files in DIR, one a line
temps() { find "$1" -maxdepth 1 -name '.*.tmp' -printf '%f\n' 2>/dev/null; }

# signal_mid_write SIGNAL DIR JOB: waits for a temporary file with data in DIR while JOB runs, then sends SIGNAL
# to the process named in it (the JVM, whatever launched it); fails if JOB ended first
signal_mid_write() {
  local temp
  while kill -0 "$3" 2>/dev/null; do
    temp=$(find "$2" -maxdepth 1 -name '.*.tmp' -size +0 -printf '%f\n' 2>/dev/null | head -n 1)
    if [ -n "$temp" ]; then
      kill -s "$1" "$(echo "$temp" | sed -E 's/.*\.([0-9]+)\.[0-9a-z]+\.tmp$/\1/')"
      return 0
    fi
    sleep 0.01
  done
  return 1
}

# interrupted NAME SIGNAL STATUS DIR EARLIER COMMAND...: runs COMMAND, stops it mid-write with SIGNAL; passes
# when it exits with STATUS, DIR holds no temporary file and EARLIER (a file, or -) is unchanged
interrupted() {
  local name=$1 signal=$2 want=$3 dir=$4 earlier=$5 sum=
  shift 5
  [ "$earlier" != - ] && sum=$(sha256sum < "$earlier")
  "$@" >"$work/out" 2>&1 </dev/null &
  local job=$!
  signal_mid_write "$signal" "$dir" $job
  local signalled=$?
  wait "$job"
  local status=$?
  if [ $signalled -ne 0 ]; then
    fail "$name" "it ended (exit $status) before writing: $(tail -n 1 "$work/out")"
  elif [ $status -ne "$want" ]; then
    fail "$name" "exit $status, expected $want: $(tail -n 1 "$work/out")"
  elif [ -n "$(temps "$dir")" ]; then
    fail "$name" "left $(temps "$dir" | tr '\n' ' ')"
  elif [ -n "$sum" ] && [ "$(sha256sum < "$earlier")" != "$sum" ]; then
    fail "$name" "$earlier changed"
  else
    pass "$name"
  fi
}

convert() { "$root/bin/convert" --no_progress "$@"; }
summarize() { "$root/bin/summarize-graph" "$@"; }

# --- SIGTERM and SIGINT mid-write: over earlier outputs
mkdir -p "$work/ir" "$work/frozen" "$work/repl" "$work/tty"
convert --input_model "$model" -o "$work/ir" >/dev/null || { echo "faults.sh: the first convert failed" >&2; exit 2; }
echo earlier > "$work/frozen/f.pb"
for signal in TERM INT; do
  status=$((128 + $(kill -l "$signal")))
  interrupted "convert SIG$signal" "$signal" $status "$work/ir" "$work/ir/faults_frozen.bin" \
    convert --input_model "$model" --compress_to_fp16=False -o "$work/ir"
  interrupted "summarize-graph --save_frozen SIG$signal" "$signal" $status "$work/frozen" "$work/frozen/f.pb" \
    summarize --input_model "$model" --save_frozen "$work/frozen/f.pb"
done
interrupted "REPL save SIGTERM" TERM 143 "$work/repl" - \
  sh -c "printf 'cut --output y\nsave $work/repl/cut.pb\n' | \"$root/bin/summarize-graph\" --input_model '$model' -i"
interrupted "REPL convert SIGINT" INT 130 "$work/repl" - \
  sh -c "echo 'convert --compress_to_fp16=False -o $work/repl' | \"$root/bin/summarize-graph\" --input_model '$model' -i"

# --- Ctrl-C on a terminal (tmux) mid-convert in the REPL: the terminal library must not end the JVM without its
#     shutdown hooks
if ! command -v tmux >/dev/null; then
  echo "SKIP REPL on a terminal, Ctrl-C: no tmux"
else
  tty=(tmux -L "tfir-faults-$$")
  "${tty[@]}" new-session -d -x 200 -y 50 \
    "'$root/bin/summarize-graph' --input_model '$model' -i; echo \$? > '$work/tty.exit'; sleep 60"
  for _ in $(seq 600); do "${tty[@]}" capture-pane -p | grep -q 'tfir>' && break; sleep 0.1; done
  "${tty[@]}" send-keys "convert --compress_to_fp16=False -o $work/tty" Enter
  for _ in $(seq 6000); do
    [ -n "$(find "$work/tty" -maxdepth 1 -name '.*.tmp' -size +0 2>/dev/null)" ] && break
    sleep 0.01
  done
  "${tty[@]}" send-keys C-c
  for _ in $(seq 600); do [ -s "$work/tty.exit" ] && break; sleep 0.1; done
  if [ "$(cat "$work/tty.exit" 2>/dev/null)" != 130 ]; then
    fail "REPL on a terminal, Ctrl-C" "exit $(cat "$work/tty.exit" 2>/dev/null), expected 130: $("${tty[@]}" capture-pane -p | grep . | tail -n 2 | tr '\n' ' ')"
  elif [ -n "$(temps "$work/tty")" ] || [ -e "$work/tty/faults_frozen.xml" ]; then
    fail "REPL on a terminal, Ctrl-C" "left $(ls -A "$work/tty" | tr '\n' ' ')"
  else
    pass "REPL on a terminal, Ctrl-C"
  fi
  "${tty[@]}" kill-server
fi

# --- SIGKILL mid-write: the temporary file stays, the next write beside it removes it
"$root/bin/convert" --no_progress --input_model "$model" -o "$work/ir" >"$work/out" 2>&1 </dev/null &
job=$!
signal_mid_write KILL "$work/ir" $job
{ wait "$job"; } 2>/dev/null  # the shell's "Killed"
left=$(temps "$work/ir")
if [ -z "$left" ]; then
  fail "SIGKILL, then a write beside" "SIGKILL left no temporary file to sweep"
elif ! convert --input_model "$small" -o "$work/ir" >/dev/null; then
  fail "SIGKILL, then a write beside" "the next convert failed"
elif [ -n "$(temps "$work/ir")" ]; then
  fail "SIGKILL, then a write beside" "$(temps "$work/ir" | tr '\n' ' ') still there"
else
  pass "SIGKILL, then a write beside ($left removed)"
fi

# --- Disk full: a 20 MB tmpfs with an earlier IR
mkdir -p "$full"
if ! mount -t tmpfs -o size=20m tmpfs "$full" 2>/dev/null; then
  echo "SKIP disk full: cannot mount a tmpfs (not root)"
else
  convert --input_model "$small" -n faults_frozen -o "$full" >/dev/null
  echo earlier > "$full/frozen.pb"
  sum=$(cat "$full"/* | sha256sum)
  for run in convert save_frozen; do
    if [ $run = convert ]; then
      convert --input_model "$model" -o "$full" >"$work/out" 2>"$work/err"
    else
      summarize --input_model "$model" --save_frozen "$full/frozen.pb" >"$work/out" 2>"$work/err"
    fi
    status=$?
    if [ $status -ne 1 ] || [ "$(wc -l < "$work/err")" -ne 1 ]; then
      fail "disk full: $run" "exit $status, stderr: $(head -c 600 "$work/err")"
    elif [ -n "$(temps "$full")" ] || [ "$(cat "$full"/* | sha256sum)" != "$sum" ]; then
      fail "disk full: $run" "left $(ls -A "$full" | tr '\n' ' ')"
    else
      pass "disk full: $run ($(cat "$work/err"))"
    fi
  done
fi

# --- Concurrent writers: two converts of one output at once leave the IR of one of them
for precision in True False; do
  convert --input_model "$small" --compress_to_fp16=$precision -n pair -o "$work/pair" >/dev/null
  mkdir -p "$work/fp16=$precision"
  mv "$work/pair/pair.xml" "$work/pair/pair.bin" "$work/fp16=$precision/"
done
# one_runs_ir: whether the pair left is byte for byte one run's, with nothing else beside it
one_runs_ir() {
  [ -z "$(ls -A "$work/pair" | grep -vx 'pair.xml\|pair.bin')" ] || return 1
  for precision in True False; do
    cmp -s "$work/pair/pair.xml" "$work/fp16=$precision/pair.xml" &&
      cmp -s "$work/pair/pair.bin" "$work/fp16=$precision/pair.bin" && return 0
  done
  return 1
}
start_pair() {
  convert --input_model "$small" --compress_to_fp16=True -n pair -o "$work/pair" >"$work/out.a" 2>&1 &
  a=$!
  convert --input_model "$small" --compress_to_fp16=False -n pair -o "$work/pair" >"$work/out.b" 2>&1 &
  b=$!
}
mixed=
for round in 1 2 3 4 5; do
  start_pair
  wait $a && wait $b || { mixed="round $round: a convert failed: $(tail -n 1 "$work"/out.*)"; break; }
  one_runs_ir || { mixed="round $round: left $(ls -A "$work/pair" | tr '\n' ' '), not one run's IR"; break; }
done
if [ -n "$mixed" ]; then
  fail "concurrent converts to one output" "$mixed"
elif ! "$venv/bin/python" -c "
import sys, openvino as ov
core = ov.Core()
core.compile_model(core.read_model(sys.argv[1]), 'CPU')" "$work/pair/pair.xml" >"$work/out" 2>&1; then
  fail "concurrent converts to one output" "the IR left does not load in OpenVINO: $(tail -n 1 "$work/out")"
else
  pass "concurrent converts to one output (5 rounds, each left one run's IR, which loads in OpenVINO)"
fi

# --- The same, with the pair's lock held by another process (an fcntl lock, as tfir takes it) until both converts
#     have written their files: both must wait, then rename one after the other (the second wakes on a lock file
#     its holder deleted, and takes a new one)
"$venv/bin/python" -c "
import fcntl, os, sys, time
lock, held, release = sys.argv[1:]
fd = os.open(lock, os.O_CREAT | os.O_WRONLY)
fcntl.lockf(fd, fcntl.LOCK_EX)
open(held, 'w').close()
while not os.path.exists(release):
    time.sleep(0.01)
os.unlink(lock)
os.close(fd)" "$work/pair/.pair.bin.tfir.lock" "$work/held" "$work/release" &
holder=$!
for _ in $(seq 600); do [ -e "$work/held" ] && break; sleep 0.1; done
start_pair
while kill -0 $a 2>/dev/null && kill -0 $b 2>/dev/null &&
    [ "$(find "$work/pair" -maxdepth 1 -name '.pair.xml.*.tmp' -size +0 | wc -l)" -lt 2 ]; do
  sleep 0.01
done
sleep 0.5
waiting=0
kill -0 $a 2>/dev/null && kill -0 $b 2>/dev/null && waiting=1
touch "$work/release"
wait $holder
if ! { wait $a && wait $b; }; then
  fail "converts waiting for the pair's lock" "a convert failed: $(tail -n 1 "$work"/out.*)"
elif [ $waiting = 0 ]; then
  fail "converts waiting for the pair's lock" "a convert ended while another process held the lock"
elif ! one_runs_ir; then
  fail "converts waiting for the pair's lock" "left $(ls -A "$work/pair" | tr '\n' ' '), not one run's IR"
else
  pass "converts waiting for the pair's lock (both waited, then left one run's IR)"
fi

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
