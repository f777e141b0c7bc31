#!/usr/bin/env bash
# End-to-end test of the REPL on a real terminal: drives `bin/summarize-graph --interactive` in tmux (send-keys,
# capture-pane) on the bundled Inception V1 graph. Checks Tab completion, find, path and quit.
# Prints `N passed, N failed`; exits non-zero on failure. Needs tmux (CI installs it).
set -uo pipefail
cd "$(dirname "$0")/.."
session="tfir-repl-$$"
pane_file=$(mktemp)
passed=0
failed=0
trap 'tmux kill-session -t "$session" 2>/dev/null; rm -f "$pane_file"' EXIT

# Waits until the pane shows the text (up to 20 s), then records pass or fail for the check.
expect() {
  local what=$1 text=$2
  for _ in $(seq 1 100); do
    tmux capture-pane -p -J -S -200 -t "$session" > "$pane_file"
    if grep -qF -- "$text" "$pane_file"; then
      echo "ok   $what"
      passed=$((passed + 1))
      return
    fi
    sleep 0.2
  done
  echo "FAIL $what: the pane does not show: $text"
  sed 's/^/     | /' "$pane_file" | tail -20
  failed=$((failed + 1))
}

export HOME=$(mktemp -d)  # history goes to a throwaway home (Java takes it from user.home)
export TFIR_JAVA_OPTS="-Duser.home=$HOME"
tmux new-session -d -s "$session" -x 200 -y 50 \
  "bin/summarize-graph --input_model examples/inception_v1_inference_graph.pb --interactive; echo REPL-EXITED; sleep 30"
expect "prompt" "tfir> "

tmux send-keys -t "$session" "show Incep" Tab
expect "Tab completes a scope" "tfir> show InceptionV1/"
tmux send-keys -t "$session" "InceptionV1/Conv2d_1a_7x7/Conv2" Tab Enter
expect "show after completion" "op:        Conv2D"

tmux send-keys -t "$session" "find Conv2d_1a" Enter
expect "find" "InceptionV1/InceptionV1/Conv2d_1a_7x7/Relu (Relu)"

tmux send-keys -t "$session" "path input InceptionV1/Logits/Predictions/Reshape_1" Enter
expect "path" "→ InceptionV1/Logits/Predictions/Reshape_1 (Reshape)"

tmux send-keys -t "$session" "quit" Enter
expect "quit" "REPL-EXITED"

[ -s "$HOME/.tfir_history" ] && grep -qF "find Conv2d_1a" "$HOME/.tfir_history" \
  && { echo "ok   history saved"; passed=$((passed + 1)); } \
  || { echo "FAIL history saved in \$HOME/.tfir_history"; failed=$((failed + 1)); }

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
