"""SavedModel signatures: `convert --signature NAME` (and the only signature, unasked) against TensorFlow.

The SavedModels and TensorFlow's outputs (testdata/models/signature_outputs.txt) are made by
tools/models/make_signature_models.py. Each signature is converted FP32 and run on the same feed in both OpenVINO
runtimes (conformance/ov_runtimes.py); it passes when every output is within 1e-5 of TensorFlow's.

  python conformance/signatures.py
"""
import os
import subprocess
import sys
import tempfile

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'conformance'))
from ov_runtimes import run_ir  # noqa: E402

FEED = np.array([[1, 2, 3, 4], [-1, 0.5, 0, 2]], np.float32)
CASES = [('saved_model_two_signatures', 'classify', 'x'), ('saved_model_two_signatures', 'embed', 'features'),
         ('saved_model_one_signature', None, 'x')]  # None: the only signature, 'predict', without --signature


def references():
    found = {}
    with open(os.path.join(ROOT, 'testdata', 'models', 'signature_outputs.txt')) as f:
        for line in f:
            head, values = line.split(': ')
            model, signature, key = head.split()
            found.setdefault((model, signature), {})[key] = np.array([float(v) for v in values.split()], np.float32)
    return found


def main():
    expected = references()
    failures = 0
    with tempfile.TemporaryDirectory() as out:
        for model, signature, input_name in CASES:
            name = '%s_%s' % (model, signature or 'only')
            args = [os.path.join(ROOT, 'bin', 'convert'), '--saved_model_dir',
                    os.path.join(ROOT, 'testdata', 'models', model), '--compress_to_fp16=False', '-o', out, '-n', name]
            subprocess.run(args + (['--signature', signature] if signature else []), check=True, capture_output=True)
            outputs = expected[(model, signature or 'predict')]
            for run in run_ir(os.path.join(out, name + '.xml'), [{input_name: FEED}]):
                for key, values in outputs.items():
                    got = run.output(key)
                    diff = float('inf') if got is None else float(np.abs(got.ravel() - values).max())
                    failures += not diff <= 1e-5
                    print('%s %s %s %s: max abs diff %.3g' % ('ok  ' if diff <= 1e-5 else 'FAIL', run.label, name, key,
                                                             diff))
    print('%d failures' % failures)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
