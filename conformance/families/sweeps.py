"""What the package sweeps (sweep_keras_hub.py, sweep_transformers.py) share: converting a SavedModel with bin/convert
and judging its IR in both OpenVINO runtimes against TensorFlow's outputs, and the loop over the swept names."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import ov_runtimes  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
LIMIT = 1e-4


def convert_and_judge(saved, ir_dir, feed, want, reasoned=()):
    """(verdict, ok) of tfir on the SavedModel `saved`: `ok` when every output of `want` ({signature key: TensorFlow's
    array}) is within LIMIT (relative to max(1, max |output|)) in both runtimes, fed the inputs of `feed` the IR has
    (an input the outputs do not need is none); a refusal is `ok` only when its line holds one of `reasoned`."""
    import numpy as np
    import openvino
    done = subprocess.run([os.environ.get('TFIR_CONVERT', str(REPO / 'bin/convert')), '--saved_model_dir',
                           str(saved), '--compress_to_fp16=False', '--output_dir', str(ir_dir)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else 'exit %d' % done.returncode
        explained = done.returncode == 1 and any(mark in message for mark in reasoned)
        return ('tfir refuses: ' if explained else 'tfir fails: ') + message[:300], explained
    xml = next(Path(ir_dir).glob('*.xml'))
    names = set().union(*(port.get_names() for port in openvino.Core().read_model(str(xml)).inputs))
    texts, ok = [], True
    for run in ov_runtimes.run_ir(xml, [{key: value for key, value in feed.items() if key in names}]):
        worst = 0.0
        for key, expected in want.items():
            got = run.output(key)
            if got is None or got.shape != expected.shape:
                worst = float('inf')
                continue
            worst = max(worst, float(np.max(np.abs(got.astype(np.float64) - expected)))
                        / max(1.0, float(np.max(np.abs(expected)))))
        ok = ok and worst <= LIMIT
        texts.append('%s %.2g' % (run.label, worst))
    return ('ok' if ok else 'WRONG') + ' [' + ', '.join(texts) + ']', ok


def run(names, prefix, sweep, keep, label=str):
    """Sweeps each name (sweep(name, work directory) -> (verdict, ok)), printing a line each; the exit status (1 when
    any is not ok). `label` names a swept name in its line."""
    work = Path(tempfile.mkdtemp(prefix=prefix))
    failures = 0
    try:
        for name in names:
            verdict, ok = sweep(name, work)
            failures += not ok
            print('%s %s: %s' % ('PASS' if ok else 'FAIL', label(name), verdict), flush=True)
    finally:
        if keep:
            print('kept in', work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print('%d swept, %d failed' % (len(names), failures))
    return 1 if failures else 0
