#!/usr/bin/env python3
"""Run OpenVINO's original summarize_graph.py (PyPI openvino-dev 2024.6.0) on a model: the reference output.

Usage: conformance/run_original.py ARGS...      (the same arguments as summarize_graph.py / bin/summarize-graph)

- It runs openvino/tools/mo/utils/summarize_graph.py from the installed openvino-dev, as __main__ (runpy), with
  sys.argv set to ARGS; its stdout and exit status are the original's.
- Before, it calls tf.compat.v1.disable_v2_tensorshape(): the script prints str(TensorShape) with '?' replaced by
  '-1', which only works with TF1's TensorShape str ('(?, 224, 224, 3)'); under TF2's v2 shapes it would print
  '(None,224,224,3)', while the OpenVINO docs show '(-1,224,224,3)'.
- For a .meta file (--input_model X.meta), the script cannot work: its --input_meta flag is parsed but never used,
  so load_tf_graph_def() gets the file as a frozen GraphDef. Here run_original.py calls the original's own
  functions instead: openvino.tools.mo.front.tf.loader.load_tf_graph_def(meta_graph_file=X.meta) (restores the
  checkpoint beside it and freezes), then openvino.tools.mo.utils.summarize_graph.summarize_graph(), and prints
  in the format of the script's main(). Set TFIR_ORIGINAL_META=script to run the script unchanged on .meta too.
- If the current Python has no openvino, it re-executes itself with ${TFIR_VENV:-<repo>/.venv}/bin/python
  (tools/python/venv.sh makes that venv).
"""

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _reexec_in_venv():
    venv = Path(os.environ.get('TFIR_VENV', REPO / '.venv'))
    python = venv / 'bin' / 'python'
    if not python.exists():
        sys.exit('run_original.py: no openvino in %s and no venv at %s (run tools/python/venv.sh)'
                 % (sys.executable, venv))
    if Path(sys.prefix).resolve() == venv.resolve():
        sys.exit('run_original.py: %s has no openvino-dev (run tools/python/venv.sh)' % python)
    os.execv(str(python), [str(python), str(Path(__file__).resolve())] + sys.argv[1:])


def _meta_model(argv):
    """The --input_model value if it names a .meta file, else None (parsed like the script's argparse)."""
    import argparse
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument('--input_model', default='')
    known, _ = parser.parse_known_args(argv)
    return known.input_model if known.input_model.endswith('.meta') else None


def run_meta(meta_file):
    from openvino.tools.mo.front.tf.loader import load_tf_graph_def
    from openvino.tools.mo.utils.summarize_graph import summarize_graph
    graph_def, _, _, _ = load_tf_graph_def(graph_file_name='', meta_graph_file=meta_file)
    summary = summarize_graph(graph_def)
    # as summarize_graph.py's main()
    print("{} input(s) detected:".format(len(summary['inputs'])))
    for input in summary['inputs']:
        print("Name: {}, type: {}, shape: {}".format(input, summary['inputs'][input]['type'],
                                                     summary['inputs'][input]['shape']))
    print("{} output(s) detected:".format(len(summary['outputs'])))
    print(*summary['outputs'], sep="\n")


def main():
    os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')
    try:
        import openvino.tools.mo.utils  # noqa: F401  (no TensorFlow import yet)
    except ImportError:
        _reexec_in_venv()
    import importlib.util
    import runpy
    import tensorflow as tf
    tf.compat.v1.disable_v2_tensorshape()

    args = sys.argv[1:]
    meta = _meta_model(args)
    if meta and os.environ.get('TFIR_ORIGINAL_META') != 'script':
        run_meta(meta)
        return
    script = importlib.util.find_spec('openvino.tools.mo.utils.summarize_graph').origin
    sys.argv = [script] + args
    runpy.run_path(script, run_name='__main__')


if __name__ == '__main__':
    main()
