#!/usr/bin/env python3
"""Generate the models of the convert conformance suite (conformance/convert/) with real TensorFlow.

Each model is made by TensorFlow itself in a fresh Python process, with fixed seeds:
  inception_v1_frozen.pb, resnet_v1_50_frozen.pb
      TF-Slim inference graphs as export_inference_graph.py writes them (make_models.slim_inference_graph: input
      `input` float32 [None, 224, 224, 3]), variables initialized by their initializers and then the batch-norm
      statistics (moving mean/variance, beta, gamma) drawn at random, so that batch norm is not the identity,
      frozen with convert_variables_to_constants to the net's output.
  unsupported_ops.pb
      a small graph with op types that no converter translates (tf.raw_ops.Igamma twice, Zeta once) among
      supported ones: conversion must fail and list them all.
  ops_zoo.pb (small, committed under testdata/convert/)
      one frozen graph holding every op family the converter translates, for the Java tests and a quick run in
      OpenVINO.

Usage:
  python tools/models/make_convert_models.py --out DIR [--only NAME,NAME]
  python tools/models/make_convert_models.py --list
  python tools/models/make_convert_models.py --zoo     # rewrites testdata/convert/ops_zoo.pb
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_models  # noqa: E402  (the shared TF set-up and TF-Slim graph builders)

REPO = make_models.REPO
SEED = make_models.SEED
ZOO = REPO / 'testdata' / 'convert' / 'ops_zoo.pb'
BATCH_NORM_STATS = ('moving_mean', 'moving_variance', 'beta', 'gamma')


def make_slim_frozen(name):
    """The TF-Slim inference graph with random weights and random batch-norm statistics, frozen."""
    def make(path):
        tf = make_models._tf1_graph_mode()
        import numpy as np
        graph = make_models.slim_inference_graph(name, SEED)
        rng = np.random.default_rng(SEED)
        with graph.as_default(), tf.compat.v1.Session(graph=graph) as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            for var in tf.compat.v1.global_variables():
                stat = var.op.name.rsplit('/', 1)[-1]
                if stat in BATCH_NORM_STATS:
                    shape = var.shape.as_list()
                    if stat == 'moving_variance':
                        values = rng.uniform(0.5, 1.5, shape)
                    elif stat == 'gamma':
                        values = rng.uniform(0.8, 1.2, shape)
                    else:
                        values = rng.normal(0.0, 0.1, shape)
                    var.load(values.astype(np.float32), sess)
            frozen = tf.compat.v1.graph_util.convert_variables_to_constants(
                sess, graph.as_graph_def(), [make_models.SLIM_OUTPUTS[name]])
        make_models.write_graph_def(frozen, path)
    return make


def make_unsupported_ops(path):
    """input [1, 4] -> Relu -> Igamma(a, x), Igamma(x, a), Zeta(x, q) -> AddN -> output."""
    def build(tf):
        x = tf.compat.v1.placeholder(tf.float32, [1, 4], name='input')
        a = tf.nn.relu(x, name='relu') + 1.0
        first = tf.raw_ops.Igamma(a=a, x=x, name='gamma_low')
        second = tf.raw_ops.Igamma(a=x, x=a, name='gamma_high')
        zeta = tf.raw_ops.Zeta(x=a + 1.0, q=a, name='zeta')
        tf.add_n([first, second, zeta], name='output')
    make_models.write_graph_def(make_models._graph(build), path)


def make_ops_zoo(path):
    """input [1, 16, 16, 3] float32 through every op family the converter translates, frozen; output `output`."""
    tf = make_models._tf1_graph_mode()
    import numpy as np
    rng = np.random.default_rng(SEED)

    def const(shape, scale=0.2):
        return tf.constant((rng.standard_normal(shape) * scale).astype(np.float32))

    graph = tf.Graph()
    with graph.as_default():
        x = tf.compat.v1.placeholder(tf.float32, [None, 16, 16, 3], name='input')
        y = tf.nn.conv2d(x, const([3, 3, 3, 8]), strides=[1, 2, 2, 1], padding='SAME', name='conv')
        y = tf.nn.bias_add(y, const([8]), name='bias')
        y, _, _ = tf.compat.v1.nn.fused_batch_norm(
            y, const([8], 1.0) + 1.0, const([8]), mean=const([8]), variance=tf.abs(const([8])) + 0.5,
            is_training=False, name='bn')
        y = tf.nn.relu6(y, name='relu6')
        left = tf.nn.max_pool2d(y, 3, 1, 'SAME', name='maxpool')
        right = tf.nn.avg_pool2d(y, 2, 1, 'SAME', name='avgpool')
        padded = tf.pad(y, [[0, 0], [1, 1], [1, 1], [0, 0]], name='pad')
        valid = tf.nn.conv2d(padded, const([3, 3, 8, 8]), strides=1, padding='VALID', name='conv_valid')
        depthwise = tf.nn.depthwise_conv2d(y, const([3, 3, 8, 1]), [1, 1, 1, 1], 'SAME', name='depthwise')
        y = tf.concat([left, right, valid, depthwise], axis=3, name='concat')
        y = tf.nn.relu(y * const([32], 1.0) + const([32]), name='relu')
        y = tf.maximum(y, 0.1, name='maximum') - tf.minimum(y, 0.05, name='minimum')
        y = tf.math.divide(y, 2.0, name='realdiv')
        pooled = tf.reduce_mean(y, [1, 2], keepdims=True, name='mean')
        squeezed = tf.squeeze(pooled, [1, 2], name='squeeze')
        flat = tf.reshape(y, [tf.shape(y)[0], -1], name='flatten')
        dense = tf.matmul(flat, const([8 * 8 * 32, 10], 0.05), name='matmul')
        logits = tf.add(dense, tf.matmul(squeezed, const([32, 10])), name='logits')
        logits = tf.identity(tf.nn.bias_add(logits, const([10])), name='logits_id')
        probs = tf.nn.softmax(tf.reshape(logits, [-1, 10]), name='softmax')
        tf.reshape(probs, tf.shape(logits), name='output')
    make_models.write_graph_def(graph.as_graph_def(), path)


MODELS = {
    'inception_v1_frozen.pb': make_slim_frozen('inception_v1'),
    'resnet_v1_50_frozen.pb': make_slim_frozen('resnet_v1_50'),
    'unsupported_ops.pb': make_unsupported_ops,
    'ops_zoo.pb': make_ops_zoo,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--out', help='directory to write the selected models into')
    parser.add_argument('--only', help='comma-separated model names (default: all)')
    parser.add_argument('--zoo', action='store_true', help='rewrite the committed ' + str(ZOO.relative_to(REPO)))
    parser.add_argument('--list', action='store_true', help='list the models and exit')
    parser.add_argument('--worker', nargs=2, metavar=('NAME', 'PATH'), help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        MODELS[args.worker[0]](args.worker[1])
        return
    if args.list:
        print('\n'.join(MODELS))
        return
    if args.zoo:
        jobs = [('ops_zoo.pb', ZOO)]
    elif args.out:
        names = [n.strip() for n in args.only.split(',')] if args.only else list(MODELS)
        unknown = [n for n in names if n not in MODELS]
        if unknown:
            sys.exit('make_convert_models.py: unknown model(s) %s (see --list)' % ', '.join(unknown))
        jobs = [(n, Path(args.out) / n) for n in names]
    else:
        parser.error('give --out DIR, --zoo or --list')

    env = dict(os.environ, PYTHONHASHSEED='0', TF_CPP_MIN_LOG_LEVEL='3', PYTHONWARNINGS='ignore',
               CUDA_VISIBLE_DEVICES='-1')
    for name, path in jobs:
        path.parent.mkdir(parents=True, exist_ok=True)
        start = time.time()
        subprocess.run([sys.executable, str(Path(__file__).resolve()), '--worker', name, str(path)],
                       env=env, check=True)
        print('made %s (%.1fs)' % (path, time.time() - start), flush=True)


if __name__ == '__main__':
    main()
