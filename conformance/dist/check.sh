#!/usr/bin/env bash
# The distribution archive as a user gets it (issue: ship it like a Java CLI). After `mvn -B package`:
#   conformance/dist/check.sh [ARCHIVE]      (default: dist/target/tfir-<version>.tar.gz)
# 1. unpacked where there is no java on the PATH, no JAVA_HOME and no Maven repository: summarize-graph prints the
#    seed's four lines for the bundled example; convert writes an IR of a frozen graph byte-identical to the build
#    tree's (and OpenVINO loads it when TFIR_VENV names a venv with it); both run through symbolic links on the
#    PATH and from a read-only install (their class-data archive then goes to the user's cache);
# 2. bash completion of `convert --inp` offers the --input options;
# 3. `man -l` renders every option that `--help` shows;
# 4. start-up: the unpacked summarize-graph against the build tree's bin/, interleaved, the median of 11 rounds'
#    ratios (within 15%);
# 5. JReleaser's dry run of the release.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
archive=${1:-$(ls "$repo"/dist/target/tfir-*.tar.gz | head -n 1)}
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
failures=0
check() {  # check NAME COMMAND...: runs the command, prints PASS/FAIL NAME
  if "${@:2}"; then echo "PASS $1"; else echo "FAIL $1"; failures=$((failures + 1)); fi
}

# A PATH with the shell tools the launchers use, and no java.
mkdir -p "$work/tools" "$work/home"
for tool in sh readlink grep awk mkdir mv rm du; do
  ln -s "$(command -v "$tool")" "$work/tools/$tool"
done
tar -C "$work" -xzf "$archive"
dist=$(ls -d "$work"/tfir-*)
user() { env -i PATH="$work/tools" HOME="$work/home" "$@"; }

expected="$work/expected.txt"
printf '%s\n' '1 input(s) detected:' 'Name: input, type: float32, shape: (-1,224,224,3)' '1 output(s) detected:' \
  'InceptionV1/Logits/Predictions/Reshape_1' > "$expected"
summarize_prints_seed_lines() {
  user "$@" --input_model "$dist/examples/inception_v1_inference_graph.pb" > "$work/summary.txt" 2>/dev/null &&
    cmp -s "$expected" "$work/summary.txt"
}
check "no java on the PATH: $(user sh -c 'command -v java || echo none')" test "$(user sh -c 'command -v java || echo none')" = none
check "summarize-graph prints the seed's four lines" summarize_prints_seed_lines "$dist/bin/summarize-graph"
check "... again, with its class-data archive" summarize_prints_seed_lines "$dist/bin/summarize-graph"

model="$repo/testdata/convert/grouped_conv_frozen.pb"
"$repo/bin/convert" --input_model "$model" --output_dir "$work/build-tree" >/dev/null 2>&1
converts_as_build_tree() {
  user "$1" --input_model "$model" --output_dir "$work/$2" >/dev/null 2>&1 &&
    cmp -s "$work/$2/grouped_conv_frozen.bin" "$work/build-tree/grouped_conv_frozen.bin" &&
    diff -q <(grep -v 'value="[^"]*/' "$work/$2/grouped_conv_frozen.xml") \
      <(grep -v 'value="[^"]*/' "$work/build-tree/grouped_conv_frozen.xml") >/dev/null
}
check "convert writes the build tree's IR (paths in conversion_parameters aside)" converts_as_build_tree \
  "$dist/bin/convert" unpacked
if [ -n "${TFIR_VENV:-}" ]; then
  loads() { "$TFIR_VENV/bin/python" -c 'import sys, openvino as ov; ov.Core().compile_model(sys.argv[1], "CPU")' \
    "$work/unpacked/grouped_conv_frozen.xml"; }
  check "OpenVINO loads the IR" loads
fi

ln -s "$dist/bin/convert" "$work/tools/convert"
ln -s "$dist/bin/summarize-graph" "$work/tools/summarize-graph"
check "convert through a symbolic link on the PATH" converts_as_build_tree convert linked
# An install the user cannot write to (as root, whom no mode stops, the user is nobody).
chmod -R a-w "$dist"
chmod a+rx "$work" "$work/tools"
if [ "$(id -u)" -eq 0 ]; then
  chown nobody "$work/home"
  as_user() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
else
  as_user() { "$@"; }
fi
read_only_summary() { as_user env -i PATH="$work/tools" HOME="$work/home" summarize-graph \
  --input_model "$dist/examples/inception_v1_inference_graph.pb" 2>/dev/null | cmp -s "$expected" -; }
check "summarize-graph from a read-only install" read_only_summary
check "... again, with its class-data archive in the user's cache" read_only_summary
check "the class-data archive is in the user's cache" \
  test -n "$(ls "$work/home/.cache/tfir/"*.jsa 2>/dev/null)"
chmod -R u+w "$dist"

completes_input_options() {
  local offered
  offered=$(bash -c 'source "$1"; COMP_LINE="convert --inp"; COMP_WORDS=(convert --inp); COMP_CWORD=1
    COMP_POINT=${#COMP_LINE}; _picocli_convert 2>/dev/null; printf "%s\n" "${COMPREPLY[@]}"' _ \
    "$dist/completions/convert.bash" | sort)
  for option in --input --input_model --input_shape --input_checkpoint --input_meta_graph; do
    grep -qx -- "$option" <<< "$offered" || { echo "  not offered: $option" >&2; return 1; }
  done
}
check "bash completion of 'convert --inp'" completes_input_options

man_lists_help_options() {  # every option name --help prints is in the rendered man page
  local tool=$1 missing=0
  MANWIDTH=200 man -l "$dist/man/man1/$tool.1" 2>/dev/null | sed 's/\x08.//g' > "$work/$tool.man"
  for option in $("$dist/bin/$tool" --help | grep -oE '(^|[ ,])--?[A-Za-z][A-Za-z0-9_-]*' | tr -d ' ,' | sort -u); do
    grep -qF -- "$option" "$work/$tool.man" || { echo "  $tool.1 lacks $option" >&2; missing=1; }
  done
  return $missing
}
check "man page of convert lists every --help option" man_lists_help_options convert
check "man page of summarize-graph lists every --help option" man_lists_help_options summarize-graph

seconds() {  # seconds of one whole run of the command, its output dropped
  local start end
  start=$(date +%s.%N)
  "$@" --input_model "$repo/examples/inception_v1_inference_graph.pb" >/dev/null 2>&1
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", e - s }'
}
median() { sort -n | sed -n 6p; }
unpacked_runs=() built_runs=() ratios=()
for _ in 1 2 3 4 5 6 7 8 9 10 11; do  # interleaved, after the runs above made both class-data archives
  unpacked=$(seconds user "$dist/bin/summarize-graph")
  built=$(seconds "$repo/bin/summarize-graph")
  unpacked_runs+=("$unpacked") built_runs+=("$built")
  ratios+=("$(awk -v a="$unpacked" -v b="$built" 'BEGIN { printf "%.3f\n", a / b }')")
done
unpacked_s=$(printf '%s\n' "${unpacked_runs[@]}" | median)
built_s=$(printf '%s\n' "${built_runs[@]}" | median)
ratio=$(printf '%s\n' "${ratios[@]}" | median)
echo "start-up (summarize-graph on the example, median of 11): unpacked ${unpacked_s} s, build tree ${built_s} s," \
  "median ratio of a round ${ratio}"
# the ratio of each round: the machine's speed drifts between rounds, not within one; a class-data archive that
# does not load costs the unpacked runs half again
check "unpacked start-up within 15% of the build tree's" awk -v r="$ratio" 'BEGIN { exit !(r <= 1.15) }'
echo "archive: $(du -k "$archive" | cut -f 1) KB"

# 5. JReleaser's dry run of the release (dist/jreleaser.yml), in a clone whose remote is the project's GitHub home:
#    checksums, changelog, the GitHub release with both archives; nothing leaves the machine.
release_dry_run() {
  git clone -q "$repo" "$work/release" &&
    git -C "$work/release" remote set-url origin https://github.com/tfir/tfir.git &&
    mkdir -p "$work/release/dist/target" && cp "$repo"/dist/target/tfir-*.tar.gz "$repo"/dist/target/tfir-*.zip \
      "$work/release/dist/target/" &&
    (cd "$work/release" && JRELEASER_GITHUB_TOKEN=dry-run JRELEASER_MAVENCENTRAL_USERNAME=dry-run \
      JRELEASER_MAVENCENTRAL_PASSWORD=dry-run mvn -B -q -pl dist jreleaser:full-release -Djreleaser.dry.run=true \
      > "$work/jreleaser.log" 2>&1) || { tail -n 20 "$work/jreleaser.log" >&2; return 1; }
}
check "JReleaser dry run" release_dry_run
[ "$failures" -eq 0 ]
