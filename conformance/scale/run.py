#!/usr/bin/env python3
"""Scale: a TF2 SavedModel with more than 2 GiB of weights converted by tfir, ovc and mo, run in OpenVINO.

The model is tools/models/make_big_models.py's big_weights_saved_model (3.2 GB of variables, one tensor of
2 GiB, a weight at an offset past 2^31 in an FP32 IR), made into ${TFIR_BIG}/scale if missing (about 18 minutes,
6.5 GB of memory); its reference is TensorFlow's own output. Each converter runs under /usr/bin/time -v (wall
time, peak RSS): bin/convert in FP32 (--compress_to_fp16=False) and FP16 (the default), ovc 2026 and mo 2024.6 in
FP32. Each IR is then run on CPU (INFERENCE_PRECISION_HINT f32) in OpenVINO 2024.6 (this venv) and 2026
(TFIR_VENV_LATEST) on the reference input, each in its own process. FP32 passes at max abs diff <= 1e-4 (times
max |reference| where that exceeds 1). The IRs are deleted afterwards (--keep keeps them).

Not in CI (it writes 13 GB and needs about 7 GB of memory). Measured on 2 busy CPUs (2026-12-06):
  | converter      | time (s) | peak RSS (MB) | 2024.6 max abs diff | 2026.4.1 max abs diff |
  | tfir FP32      |     21.3 |          3146 |             5.84e-6 |               5.84e-6 |
  | tfir FP16      |     53.0 |          3253 |             1.26e-3 |               1.26e-3 |
  | ovc 2026 FP32  |     53.2 |          6218 |             5.84e-6 |               5.84e-6 |
  | mo 2024.6 FP32 |     87.5 |          6635 |             5.84e-6 |               5.84e-6 |
(tfir's RSS is mostly the pages of the mapped checkpoint it copies into the .bin.) Run from the repository root:
  TFIR_VENV=/work/main/.venv TFIR_VENV_LATEST=/work/main/.venv-latest TFIR_BIG=/work/cache/big \\
      $TFIR_VENV/bin/python conformance/scale/run.py [--skip mo,ovc] [--keep]
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TOLERANCE = 1e-4

RUN_IR = r'''
import json, sys, numpy as np, openvino as ov
reference = np.load(sys.argv[2])
core = ov.Core()
compiled = core.compile_model(core.read_model(sys.argv[1]), 'CPU', {'INFERENCE_PRECISION_HINT': 'f32'})
y = compiled([reference['x']])[0]
print(json.dumps({'runtime': ov.__version__.split('-')[0], 'shape': list(y.shape),
                  'max_abs_diff': float(np.max(np.abs(y - reference['y']))),
                  'max_abs_reference': float(np.max(np.abs(reference['y'])))}))
'''


def timed(command, log):
    """Runs command under /usr/bin/time -v: (exit status, wall seconds, peak RSS in MB, last line of output)."""
    with open(log, 'w') as out:
        status = subprocess.call(['/usr/bin/time', '-v'] + [str(c) for c in command], stdout=out,
                                 stderr=subprocess.STDOUT, cwd=REPO)
    text = Path(log).read_text(errors='replace')
    wall = re.search(r'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)', text)
    rss = re.search(r'Maximum resident set size \(kbytes\): (\d+)', text)
    seconds = sum(float(p) * 60 ** i for i, p in enumerate(reversed(wall.group(1).split(':')))) if wall else None
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith('\t')]
    return status, seconds, int(rss.group(1)) / 1024 if rss else None, lines[-1] if lines else ''


def run_ir(python, xml, reference):
    done = subprocess.run([python, '-c', RUN_IR, xml, reference], capture_output=True, text=True)
    if done.returncode != 0:
        return {'error': (done.stderr.strip().splitlines() or ['exit %d' % done.returncode])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--skip', default='', help='converters to leave out: mo, ovc, fp16 (comma-separated)')
    parser.add_argument('--keep', action='store_true', help='keep the IRs')
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(',')))
    venv = Path(os.environ.get('TFIR_VENV', REPO / '.venv'))
    latest = Path(os.environ.get('TFIR_VENV_LATEST', '/work/main/.venv-latest'))
    big = Path(os.environ.get('TFIR_BIG', REPO / 'target' / 'big-models')) / 'scale'
    model = big / 'big_weights_saved_model'
    reference = big / 'big_weights_reference.npz'
    if not (model / 'saved_model.pb').exists() or not reference.exists():
        subprocess.check_call([venv / 'bin' / 'python', REPO / 'tools/models/make_big_models.py', '--out', big,
                               '--only', 'big_weights_saved_model'])
    out = big / 'irs'
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    runs = [('tfir FP32', [REPO / 'bin/convert', '--saved_model_dir', model, '--compress_to_fp16=False',
                           '-o', out / 'tfir32', '--no_progress'], out / 'tfir32/saved_model.xml', True)]
    if 'fp16' not in skip:
        runs.append(('tfir FP16', [REPO / 'bin/convert', '--saved_model_dir', model, '-o', out / 'tfir16',
                                   '--no_progress'], out / 'tfir16/saved_model.xml', False))
    if 'ovc' not in skip:
        runs.append(('ovc 2026 FP32', [latest / 'bin/ovc', model, '--output_model', out / 'ovc/saved_model.xml',
                                       '--compress_to_fp16=False'], out / 'ovc/saved_model.xml', True))
    if 'mo' not in skip:
        runs.append(('mo 2024.6 FP32', [venv / 'bin/mo', '--saved_model_dir', model, '--compress_to_fp16=False',
                                        '-o', out / 'mo'], out / 'mo/saved_model.xml', True))
    failed = 0
    print('| converter | exit | time (s) | peak RSS (MB) | OpenVINO 2024.6 max abs diff | OpenVINO 2026 max abs diff |')
    print('|---|---|---|---|---|---|')
    for label, command, xml, fp32 in runs:
        status, seconds, rss, last = timed(command, out / (label.split()[0] + label.split()[-1] + '.log'))
        cells = []
        for python in (venv / 'bin/python', latest / 'bin/python'):
            if status != 0:
                cells.append('-')
                continue
            result = run_ir(python, str(xml), str(reference))
            if 'error' in result:
                cells.append('error: ' + result['error'][:80])
                failed += label.startswith('tfir')
                continue
            limit = TOLERANCE * max(1.0, result['max_abs_reference'])
            ok = not fp32 or result['max_abs_diff'] <= limit
            failed += label.startswith('tfir') and not ok
            cells.append('%.3g%s' % (result['max_abs_diff'], '' if ok else ' FAIL'))
        failed += label.startswith('tfir') and status != 0
        print('| %s | %d%s | %s | %s | %s | %s |' % (label, status, '' if status == 0 else ' (' + last[:100] + ')',
                                                 '%.1f' % seconds if seconds else '-', '%.0f' % rss if rss else '-',
                                                 *cells), flush=True)
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)
    print('tfir:', 'pass' if failed == 0 else 'FAIL')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
