#!/usr/bin/env sh
# Start-up training (run by `mvn package` in the dist module, before the archive is assembled): runs each executable
# over the model forms users give it (the seed's inference graph + V1 checkpoint, frozen, text, MetaGraph, V2
# checkpoint, SavedModels, --json, --stats, ...) and records every class they load into <module>/target/<tool>.classlist.
# bin/tfir-launch adds that list to the classes of a user's first run when it dumps the class-data archive, so the
# archive serves every model form, not only the one the first run happened to read.
# Usage: class-lists.sh <repository root>
set -eu
repo=$(cd "$1" && pwd)
jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
work=$(mktemp -d "${TMPDIR:-/tmp}/tfir-class-lists.XXXXXX")
trap 'rm -rf "$work"' EXIT
convert_dir="$repo/testdata/convert"
models="$repo/testdata/models"
runs=0

# train <tool jar> <arguments...>: one run, its classes appended to the tool's list; a failing run fails the build
train() {
  jar=$1
  shift
  runs=$((runs + 1))
  if ! "$jdk/bin/java" -XX:+UseSerialGC -XX:DumpLoadedClassList="$work/run.classes" -jar "$jar" "$@" \
      >"$work/run.out" 2>&1; then
    echo "class-lists.sh: the training run '$(basename "$jar" .jar) $*' failed:" >&2
    cat "$work/run.out" >&2
    exit 1
  fi
  cat "$work/run.classes" >>"$work/$(basename "$jar" .jar).all"
}

# keep <tool jar>: the tool's list, each line once, in the order first loaded
keep() {
  awk '!seen[$0]++' "$work/$(basename "$1" .jar).all" >"$work/list"
  cmp -s "$work/list" "${1%.jar}.classlist" || mv -f "$work/list" "${1%.jar}.classlist"  # unchanged: archives stay
}

convert="$repo/convert/target/convert.jar"
train "$convert" --input_model "$convert_dir/tiny_slim_inference_graph.pb" \
  --input_checkpoint "$convert_dir/tiny_slim.ckpt" -b 1 --mean_value '[127.5,127.5,127.5]' --scale 127.5 \
  --output_dir "$work/ir"
train "$convert" --input_model "$convert_dir/ops_zoo.pb" -b 1 --reverse_input_channels --compress_to_fp16=False \
  --output_dir "$work/ir"
train "$convert" --input_model "$models/small_inference_graph.pb" --input_checkpoint "$models/small" \
  --output_dir "$work/ir"
train "$convert" --input_meta_graph "$models/small.meta" --output_dir "$work/ir"
train "$convert" --input_model "$models/small.pbtxt" --input_model_is_text --output_dir "$work/ir"
train "$convert" --saved_model_dir "$convert_dir/grouped_conv_saved_model" -b 1 --output_dir "$work/ir"
keep "$convert"

summarize="$repo/summarize/target/summarize-graph.jar"
train "$summarize" --input_model "$repo/examples/inception_v1_inference_graph.pb"
train "$summarize" --input_model "$repo/examples/inception_v1_inference_graph.pb" --json
train "$summarize" --input_model "$repo/examples/inception_v1_inference_graph.pb" --stats
train "$summarize" --input_meta_graph "$models/small.meta"
train "$summarize" --input_model "$models/small.pbtxt" --input_model_is_text
train "$summarize" --saved_model_dir "$models/saved_model_tf2"
train "$summarize" --input_checkpoint "$convert_dir/tiny_slim.ckpt" --list_variables
keep "$summarize"
echo "class-lists.sh: $runs training runs: $(grep -vc '^#' "${convert%.jar}.classlist") convert and" \
  "$(grep -vc '^#' "${summarize%.jar}.classlist") summarize-graph class-list lines"
