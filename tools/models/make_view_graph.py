#!/usr/bin/env python3
"""A 100,000-node frozen GraphDef made by real TensorFlow (graph mode), for the HTML view's scale test.

Input `input` float32 [None, 64]; 100 scopes `block_I`, each 10 scopes `layer_J`, each a chain of 100 ops
(Relu, Identity, Neg, Abs alternating, with a residual AddV2 from the layer's input); output `output`.
Not committed: written to ${TFIR_BIG:-target/big-models}/view/graph_100k.pb (about 40 s).

Usage: python tools/models/make_view_graph.py [OUT.pb]
"""
import os
import sys

os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')
import tensorflow as tf  # noqa: E402

BLOCKS, LAYERS, OPS = 100, 10, 99  # 99 chained ops + 1 AddV2 per layer, plus input and output


def main(out):
    graph = tf.Graph()
    ops = [tf.nn.relu, tf.identity, tf.negative, tf.abs]
    with graph.as_default():
        x = tf.compat.v1.placeholder(tf.float32, [None, 64], name='input')
        for b in range(BLOCKS):
            with tf.name_scope('block_%d' % b):
                for layer in range(LAYERS):
                    with tf.name_scope('layer_%d' % layer):
                        y = x
                        for k in range(OPS):
                            y = ops[k % len(ops)](y)
                        x = tf.add(x, y)
        tf.identity(x, name='output')
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out + '.tmp', 'wb') as f:
        f.write(graph.as_graph_def().SerializeToString())
    os.replace(out + '.tmp', out)
    print('%s: %d nodes' % (out, len(graph.as_graph_def().node)))


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else
         os.path.join(os.environ.get('TFIR_BIG', 'target/big-models'), 'view', 'graph_100k.pb'))
