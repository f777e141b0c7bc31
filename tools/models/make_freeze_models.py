#!/usr/bin/env python3
"""Generate tfir's freezing fixtures (testdata/freeze/) with real TensorFlow, fixed seeds.

Each case is a small TF1 model with an input placeholder `x`, saved three ways by TensorFlow itself:
  <case>/inference_graph.pb   the GraphDef as built, before any Saver exists (no save subgraph)
  <case>/model.ckpt.*         tf.compat.v1.train.Saver (V2) after initialising the variables
  <case>/model.ckpt.meta      the MetaGraph the Saver writes (with its save subgraph and variables collection)
  <case>/tf_frozen.pb         TensorFlow's own freezing of the MetaGraph for output `y`:
                              tf.compat.v1.graph_util.convert_variables_to_constants on a session restored from
                              the checkpoint (import_meta_graph + restore), the golden for tfir's freezing

Cases:
  partitioned  variables split by fixed_size_partitioner on axis 1 (2 parts), on axis 0 (3 parts) and into 4
               parts of a float64 vector, plus a plain bias: the checkpoint holds each as one sliced tensor
  resource     resource variables (VarHandleOp, ReadVariableOp; use_resource=True), float32 and float16

Usage: python tools/models/make_freeze_models.py [--out DIR]
"""

import argparse
import os
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEED = 20251125


def _tf():
    os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')
    import tensorflow as tf
    tf.get_logger().setLevel('ERROR')
    tf.compat.v1.disable_v2_behavior()
    return tf


def partitioned(tf):
    x = tf.compat.v1.placeholder(tf.float32, [None, 3], name='x')
    wide = tf.compat.v1.get_variable('wide/kernel', [3, 8],
                                     partitioner=tf.compat.v1.fixed_size_partitioner(2, axis=1))
    deep = tf.compat.v1.get_variable('deep/kernel', [8, 5],
                                     partitioner=tf.compat.v1.fixed_size_partitioner(3, axis=0))
    scale = tf.compat.v1.get_variable('scale', [5], dtype=tf.float64,
                                      partitioner=tf.compat.v1.fixed_size_partitioner(4))
    bias = tf.compat.v1.get_variable('bias', [5], initializer=tf.compat.v1.random_normal_initializer())
    hidden = tf.nn.relu(tf.matmul(x, wide))
    logits = tf.matmul(hidden, deep) + bias
    tf.multiply(tf.cast(logits, tf.float64), scale, name='y')


def resource(tf):
    x = tf.compat.v1.placeholder(tf.float32, [None, 4], name='x')
    with tf.compat.v1.variable_scope('dense', use_resource=True):
        kernel = tf.compat.v1.get_variable('kernel', [4, 3])
        bias = tf.compat.v1.get_variable('bias', [3], initializer=tf.compat.v1.random_normal_initializer())
    gain = tf.compat.v1.get_variable('gain', [3], dtype=tf.float16, use_resource=True,
                                     initializer=tf.compat.v1.random_uniform_initializer(0.5, 1.5))
    y = tf.nn.bias_add(tf.matmul(x, kernel), bias)
    tf.multiply(tf.cast(y, tf.float16), gain, name='y')


def make(tf, build, out):
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    graph = tf.Graph()
    with graph.as_default():
        tf.compat.v1.set_random_seed(SEED)
        build(tf)
        (out / 'inference_graph.pb').write_bytes(graph.as_graph_def().SerializeToString(deterministic=True))
        init = tf.compat.v1.global_variables_initializer()
        saver = tf.compat.v1.train.Saver(save_relative_paths=True)
        with tf.compat.v1.Session(graph=graph) as sess:
            sess.run(init)
            saver.save(sess, str(out / 'model.ckpt'))
    (out / 'checkpoint').unlink()
    frozen = tf.Graph()
    with frozen.as_default(), tf.compat.v1.Session(graph=frozen) as sess:
        meta = tf.compat.v1.MetaGraphDef()
        meta.ParseFromString((out / 'model.ckpt.meta').read_bytes())
        tf.compat.v1.train.import_meta_graph(meta).restore(sess, str(out / 'model.ckpt'))
        golden = tf.compat.v1.graph_util.convert_variables_to_constants(sess, meta.graph_def, ['y'])
    (out / 'tf_frozen.pb').write_bytes(golden.SerializeToString(deterministic=True))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--out', type=Path, default=REPO / 'testdata' / 'freeze')
    args = parser.parse_args()
    tf = _tf()
    for name, build in (('partitioned', partitioned), ('resource', resource)):
        make(tf, build, args.out / name)
        print('wrote', args.out / name)


if __name__ == '__main__':
    main()
