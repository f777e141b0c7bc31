#!/usr/bin/env bash
# Conformance of bin/summarize-graph with OpenVINO's original summarize_graph.py, byte for byte on stdout.
#
# usage: conformance/summarize.sh [--live] [--only ID[,ID...]] [--no-big] [--update-golden]
#
# For every case of conformance/summarize-models.txt (ID ARGUMENTS...), runs `bin/summarize-graph ARGUMENTS` and
# compares its stdout with the original's (with --input_checkpoint, the original's stdout must be an exact prefix of
# ours, which then adds a checkpoint report after a blank line):
#   - committed models: the golden stdout testdata/models/expected/ID.txt;
#     with --live, also the original run now (conformance/run_original.py), which must equal the golden too;
#   - big:ID models: the original run now; the models are made first if missing, by
#     tools/models/make_models.py --big --out $TFIR_BIG (default target/big-models).
# Prints a diff for each mismatch and ends with the line `N passed, N failed`; exits 1 if any case failed.
# --update-golden rewrites the golden files from the original instead (no comparison, bin/summarize-graph not run).
#
# Environment: TFIR_VENV (Python venv, made by tools/python/venv.sh), TFIR_BIG (big models' directory),
# TFIR_SUMMARIZE_GRAPH (the command under test, default bin/summarize-graph).
set -uo pipefail

caller_pwd=$(pwd)
cd "$(dirname "$0")/.." || exit 2
manifest=conformance/summarize-models.txt
golden_dir=testdata/models/expected
ours=${TFIR_SUMMARIZE_GRAPH:-bin/summarize-graph}
big_dir=${TFIR_BIG:-target/big-models}
case $big_dir in /*) ;; *) [ -n "${TFIR_BIG:-}" ] && big_dir=$caller_pwd/$big_dir ;; esac

live=0 update=0 no_big=0 only=
while [ $# -gt 0 ]; do
  case $1 in
    --live) live=1 ;;
    --update-golden) update=1 ;;
    --no-big) no_big=1 ;;
    --only) only=${2:?--only needs a value}; shift ;;
    --only=*) only=${1#--only=} ;;
    -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "summarize.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

# ---- the cases
ids=() argstrs=()
while IFS= read -r line || [ -n "$line" ]; do
  line=${line#"${line%%[![:space:]]*}"}
  case $line in ''|'#'*) continue ;; esac
  id=${line%%[[:space:]]*}
  rest=${line#"$id"}
  case $id in big:*) [ $no_big = 1 ] && continue ;; esac
  if [ -n "$only" ] && [[ ",$only," != *",$id,"* && ",$only," != *",${id#big:},"* ]]; then continue; fi
  [ $update = 1 ] && [[ $id == big:* ]] && continue
  ids+=("$id") argstrs+=("$rest")
done < "$manifest"
if [ ${#ids[@]} -eq 0 ]; then
  echo "summarize.sh: no case selected" >&2
  exit 2
fi

# case_args INDEX: the arguments of case INDEX in the array `args`, $TFIR_BIG replaced
case_args() {
  read -r -a args <<< "${argstrs[$1]}"
  local i a
  for i in "${!args[@]}"; do
    a=${args[$i]}
    a=${a//'${TFIR_BIG}'/$big_dir}
    a=${a//'$TFIR_BIG'/$big_dir}
    args[$i]=$a
  done
}

need_python=$(( live + update ))
for id in "${ids[@]}"; do [[ $id == big:* ]] && need_python=1; done
py=
if [ $need_python -gt 0 ]; then
  venv=$(tools/python/venv.sh) || { echo "summarize.sh: tools/python/venv.sh failed" >&2; exit 2; }
  py=$venv/bin/python
fi

# ---- big models, made on demand
missing=()
for i in "${!ids[@]}"; do
  [[ ${ids[$i]} == big:* ]] || continue
  case_args "$i"
  for a in "${args[@]}"; do
    if [[ $a == "$big_dir"/* ]] && [ ! -e "$a" ]; then missing+=("${a#"$big_dir"/}"); fi
  done
done
if [ ${#missing[@]} -gt 0 ]; then
  list=$(IFS=,; echo "${missing[*]}")
  echo "summarize.sh: making big models into $big_dir: $list" >&2
  mkdir -p "$big_dir"
  "$py" tools/models/make_models.py --big --out "$big_dir" --only "$list" >&2 \
    || { echo "summarize.sh: make_models.py failed" >&2; exit 2; }
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run_original INDEX: the original's stdout into $tmp/orig.out; returns its exit status
run_original() {
  case_args "$1"
  "$py" conformance/run_original.py "${args[@]}" </dev/null >"$tmp/orig.out" 2>"$tmp/orig.err"
}

show_err() {  # FILE: its last lines, indented
  tail -n 15 "$1" | sed 's/^/    | /'
}

# ---- --update-golden
if [ $update = 1 ]; then
  mkdir -p "$golden_dir"
  written=0 errors=0
  for i in "${!ids[@]}"; do
    id=${ids[$i]}
    if run_original "$i"; then
      cp "$tmp/orig.out" "$golden_dir/$id.txt"
      written=$((written + 1))
      echo "wrote $golden_dir/$id.txt"
    else
      errors=$((errors + 1))
      echo "ERROR $id: the original failed:"
      show_err "$tmp/orig.err"
    fi
  done
  echo "$written golden files written, $errors errors"
  [ $errors = 0 ]
  exit
fi

# ---- comparison
passed=0 failed=0
for i in "${!ids[@]}"; do
  id=${ids[$i]}
  problems=()
  expected=
  if [[ $id == big:* ]] || [ $live = 1 ]; then
    run_original "$i"
    orc=$?
    if [ $orc = 0 ]; then
      cp "$tmp/orig.out" "$tmp/expected"
      expected=$tmp/expected
      source="original, live"
      if [[ $id != big:* ]]; then
        golden=$golden_dir/$id.txt
        if [ ! -f "$golden" ]; then
          problems+=("no golden file $golden")
        elif ! cmp -s "$golden" "$tmp/expected"; then
          problems+=("the golden file $golden differs from the live original (conformance/summarize.sh --update-golden):")
          problems+=("$(diff -u --label "$golden" --label "original, live" "$golden" "$tmp/expected" | head -n 100)")
        fi
      fi
    else
      problems+=("the original failed (exit $orc); its stderr ends with:
$(show_err "$tmp/orig.err")")
    fi
  else
    golden=$golden_dir/$id.txt
    if [ -f "$golden" ]; then
      expected=$golden
      source=$golden
    else
      problems+=("no golden file $golden (conformance/summarize.sh --update-golden)")
    fi
  fi

  case_args "$i"
  start=$(date +%s%N)
  "$ours" "${args[@]}" </dev/null >"$tmp/ours.out" 2>"$tmp/ours.err"
  rc=$?
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  if [ $rc != 0 ]; then
    problems+=("$ours exited with status $rc; its stderr ends with:
$(show_err "$tmp/ours.err")")
  fi
  # with --input_checkpoint ours adds a checkpoint report after a blank line: the original's stdout must then be
  # an exact prefix of ours, followed by that blank line
  compared=$tmp/ours.out
  case " ${args[*]} " in
    *" --input_checkpoint "*)
      if [ -n "$expected" ]; then
        head -c "$(wc -c <"$expected")" "$tmp/ours.out" >"$tmp/ours.prefix"
        compared=$tmp/ours.prefix
        rest=$(tail -c +"$(( $(wc -c <"$expected") + 1 ))" "$tmp/ours.out" | head -n 2)
        case $rest in
          $'\n'*" variable(s) in checkpoint "*) ;;
          *) problems+=("no checkpoint report after the original's lines (a blank line, then 'N variable(s) in checkpoint ...'):
$rest") ;;
        esac
      fi ;;
  esac
  if [ -n "$expected" ] && ! cmp -s "$expected" "$compared"; then
    problems+=("stdout differs from the original's ($source):
$(diff -u --label "original ($source)" --label "$ours" "$expected" "$compared" | head -n 200)")
  fi

  if [ ${#problems[@]} = 0 ]; then
    passed=$((passed + 1))
    echo "PASS $id (${ms} ms)"
  else
    failed=$((failed + 1))
    echo "FAIL $id: $ours ${args[*]}"
    for p in "${problems[@]}"; do printf '%s\n' "$p" | sed 's/^/  /'; done
  fi
done

echo "$passed passed, $failed failed"
[ $failed = 0 ]
