#!/usr/bin/env bash
# Creates (or brings up to date) one of tfir's Python venvs. Idempotent: does nothing when the venv's stamp matches
# the hash of its requirements file (and of the Python version).
#   tools/python/venv.sh           the original OpenVINO tools (openvino-dev 2024.6: mo, summarize_graph.py, the
#                                  2024.6 runtime) with TensorFlow, and what tools/models/*.py need
#                                  (requirements.txt, in TFIR_VENV, default <repo>/.venv)
#   tools/python/venv.sh --latest  the newest OpenVINO runtime with ovc, the second judge of every IR
#                                  (requirements-latest.txt, in TFIR_VENV_LATEST, default <repo>/.venv-latest)
#   tools/python/venv.sh --families  TensorFlow with transformers, keras-hub, keras-cv and Model Garden, for the
#                                  family zoo's models (requirements-families.txt, in TFIR_VENV_FAMILIES, default
#                                  <repo>/.venv-families)
#   tools/python/venv.sh --families-extra  keras-cv and Model Garden without their unused dependencies, for CI's
#                                  family step (requirements-families-extra.txt, installed with --no-deps into the
#                                  directory TFIR_FAMILIES_EXTRA, default <repo>/.families-extra, by the test venv's
#                                  Python: a directory for its PYTHONPATH, not a venv)
#   TFIR_PYTHON  the Python that creates it (default: python3; 3.11 expected)
# Prints the venv's path on stdout (progress goes to stderr), e.g.: VENV=$(tools/python/venv.sh)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
if [ "${1:-}" = --latest ]; then
  venv=${TFIR_VENV_LATEST:-$repo/.venv-latest}
  req=$repo/tools/python/requirements-latest.txt
elif [ "${1:-}" = --families ]; then
  venv=${TFIR_VENV_FAMILIES:-$repo/.venv-families}
  req=$repo/tools/python/requirements-families.txt
else
  venv=${TFIR_VENV:-$repo/.venv}
  req=$repo/tools/python/requirements.txt
fi
python=${TFIR_PYTHON:-python3}

if [ "${1:-}" = --families-extra ]; then
  target=${TFIR_FAMILIES_EXTRA:-$repo/.families-extra}
  req=$repo/tools/python/requirements-families-extra.txt
  venv_python=${TFIR_VENV:-$repo/.venv}/bin/python
  hash=$(sha256sum "$req" | cut -d' ' -f1)
  if [ -f "$target/.tfir-requirements.sha256" ] && [ "$(cat "$target/.tfir-requirements.sha256")" = "$hash" ]; then
    echo "$target"
    exit 0
  fi
  echo "venv.sh: installing $req into $target (no dependencies)" >&2
  rm -rf "$target"
  "$venv_python" -m pip install --disable-pip-version-check --no-input --no-cache-dir -q --no-deps --target "$target" \
    -r "$req" >&2
  echo "$hash" > "$target/.tfir-requirements.sha256"
  echo "$target"
  exit 0
fi

pyver=$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')
case $pyver in
  3.11.*) ;;
  *) echo "venv.sh: warning: Python $pyver; the pins in requirements.txt are for Python 3.11" >&2 ;;
esac
hash=$( { cat "$req"; echo "python $pyver"; } | sha256sum | cut -d' ' -f1)
stamp=$venv/.tfir-requirements.sha256

# OpenVINO's telemetry forks a process from a thread while mo is still importing, which can deadlock mo at start
# (seen with openvino-telemetry 2025.2: mo waits forever on the logging lock): declined for this user.
opt_out_of_telemetry() {
  [ -x "$venv/bin/opt_in_out" ] || return 0  # a venv without OpenVINO (--families)
  "$venv/bin/opt_in_out" --opt_out >/dev/null 2>&1 || echo "venv.sh: warning: could not opt out of OpenVINO telemetry" >&2
}

if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then
  opt_out_of_telemetry
  echo "$venv"
  exit 0
fi

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import sys' 2>/dev/null; then
  echo "venv.sh: creating $venv with $python ($pyver)" >&2
  rm -rf "$venv"
  "$python" -m venv "$venv"
fi
echo "venv.sh: installing $req into $venv" >&2
rm -f "$stamp"
# No wheel cache: a venv is made once per requirements file, and TensorFlow's and OpenVINO's wheels cached beside the
# installed packages would double the disk it needs (CI's fresh machine ran out of space on that once).
"$venv/bin/python" -m pip install --disable-pip-version-check --no-input --no-cache-dir -q -r "$req" >&2
"$venv/bin/python" -m pip check >&2 || echo "venv.sh: warning: pip check reports the problems above" >&2
opt_out_of_telemetry
echo "$hash" > "$stamp"
echo "venv.sh: ready: $venv" >&2
echo "$venv"
