#!/usr/bin/env python3
"""Generate the big models of the fault suite (conformance/faults.sh) and of the scale run
(conformance/scale/run.py) with real TensorFlow. Not committed: made at test time, cached under ${TFIR_BIG}.

  faults_frozen.pb   (about 300 MB) a frozen graph: y = relu(relu(relu(x @ w0) @ w1) @ w2), x float32
      [1, 2048] named `x`, w0 [2048, 16384], w1 [16384, 2048], w2 [2048, 4096] (Consts, random normal / sqrt(fan-in)):
      big enough that writing its IR or its frozen graph takes long enough to be interrupted. About 20 s.
  big_weights_saved_model/   a TF2 SavedModel with more than 2 GiB of weights:
      y = tanh(x @ w1 + b1) @ w2 + b2, x float32 [1, 8192] (serving signature input `x`, output `y`)
      w1 [8192, 65536]: 2 GiB, one tensor past 2^31 bytes
      w2 [65536, 4096]: 1 GiB, stored after w1 in an FP32 IR, so at an offset past 2^31
      b1 [65536], b2 [4096]; random normal weights / sqrt(fan-in) (outputs of order 1)
    with big_weights_reference.npz: x (random normal) and TensorFlow's output y for it.
    The variables are filled a block of rows at a time (never a second random copy of a whole one); peak
    memory 6.5 GB, saving writes 3.2 GB. About 18 minutes on 2 busy CPUs.

Fixed seeds. Usage:
  python tools/models/make_big_models.py --out DIR --only faults_frozen.pb
  python tools/models/make_big_models.py --out DIR --only big_weights_saved_model
"""

import argparse
import os
from pathlib import Path

SEED = 20240601
ROWS_PER_BLOCK = 512


def _tf():
    os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')
    os.environ.setdefault('TF_ENABLE_ONEDNN_OPTS', '0')
    import tensorflow as tf
    tf.get_logger().setLevel('ERROR')
    return tf


def fan_in_scale(shape):
    """1 / sqrt(fan-in) for a matrix, 1 for a vector."""
    return 1.0 / shape[0] ** 0.5 if len(shape) == 2 else 1.0


def make_faults_frozen(out):
    import numpy as np
    tf = _tf()
    rng = np.random.default_rng(SEED)
    with tf.Graph().as_default() as graph:
        hidden = tf.compat.v1.placeholder(tf.float32, [1, 2048], name='x')
        for index, shape in enumerate([(2048, 16384), (16384, 2048), (2048, 4096)]):
            values = rng.standard_normal(shape, dtype='float32') * fan_in_scale(shape)
            weights = tf.constant(values, name=f'w{index}')
            hidden = tf.nn.relu(tf.matmul(hidden, weights))
        tf.identity(hidden, name='y')
    (out / 'faults_frozen.pb').write_bytes(graph.as_graph_def().SerializeToString(deterministic=True))


def make_big_weights(out):
    import numpy as np
    tf = _tf()
    rng = np.random.default_rng(SEED)

    def variable(shape, name):
        """Filled a block of rows at a time: the values are never held twice."""
        held = tf.Variable(tf.zeros(shape, tf.float32), name=name)
        for row in range(0, shape[0], ROWS_PER_BLOCK):
            rows = min(ROWS_PER_BLOCK, shape[0] - row)
            block = rng.standard_normal((rows,) + tuple(shape[1:]), dtype='float32')
            held[row:row + rows].assign(block * fan_in_scale(shape))
        return held

    class BigWeights(tf.Module):
        def __init__(self):
            super().__init__()
            self.w1 = variable([8192, 65536], 'w1')
            self.b1 = variable([65536], 'b1')
            self.w2 = variable([65536, 4096], 'w2')
            self.b2 = variable([4096], 'b2')

        @tf.function(input_signature=[tf.TensorSpec([1, 8192], tf.float32, name='x')])
        def serve(self, x):
            hidden = tf.tanh(tf.matmul(x, self.w1) + self.b1)
            return {'y': tf.matmul(hidden, self.w2) + self.b2}

    module = BigWeights()
    x = np.random.default_rng(SEED + 1).standard_normal((1, 8192), dtype='float32')
    y = module.serve(tf.constant(x))['y'].numpy()
    tf.saved_model.save(module, str(out / 'big_weights_saved_model'), signatures={'serving_default': module.serve})
    np.savez(out / 'big_weights_reference.npz', x=x, y=y)


MODELS = {'faults_frozen.pb': make_faults_frozen, 'big_weights_saved_model': make_big_weights}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--out', type=Path, required=True, help='directory for the models')
    parser.add_argument('--only', choices=sorted(MODELS), required=True, help='the model to make')
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    MODELS[args.only](args.out)


if __name__ == '__main__':
    main()
