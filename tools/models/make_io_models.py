#!/usr/bin/env python3
"""Generate the graphs of the convert suite's input/output cases (conformance/convert/run.py) with real TensorFlow.

All are small and committed under testdata/convert/ (--fixtures):
  outputs_order.pb
      input `input` float32 [1, 8] and seven outputs no node reads, created in an order that is not their names'
      order, with names that sort differently by bytes and by words, some in sub-scopes: `mul_1` (created first),
      `logits` (a MatMul), `aux`, `Head/probs`, `head-b`, `head_1`, `a/z`. mo and ovc order the IR's outputs by
      node name; summarize-graph lists them in import order.
  cut_port.pb
      inputs `input` float32 [None, 8] and `input_1` [1, 8]: relu(input) -> `mul` (times a constant) ->
      `out` = mul + input_1. Cut with `--input 0:mul`, input_1 is still needed by the output.
  unused_inputs.pb
      a TF2 function frozen by convert_variables_to_constants_v2 (control flow lowered): input `x` float32
      [None, 12, 8], output `out` (a dense layer), and `loop_out` (a while loop and a cond); TF2's freezing leaves
      Placeholders `unused_control_flow_input`, `unused_control_flow_input_1`, ... that no node reads.

  saved_model_constant_output/
      a TF2 SavedModel whose serving signature returns `scaled` (x * 2, x float32 [None, 4]) and `version` (a
      constant 3.0): a declared output no input reaches, which stays.

Usage:
  python tools/models/make_io_models.py --fixtures   # rewrites them in testdata/convert/
  python tools/models/make_io_models.py --out DIR [--only NAME,NAME]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_convert_models  # noqa: E402  (the generator command line)
import make_models  # noqa: E402  (the shared TF set-up)

SEED = make_models.SEED


def make_outputs_order(path):
    def build(tf):
        import numpy as np
        rng = np.random.default_rng(SEED)
        x = tf.compat.v1.placeholder(tf.float32, [1, 8], name='input')
        hidden = tf.nn.relu(tf.multiply(x, 0.5, name='mul'), name='hidden')
        tf.multiply(hidden, 3.0, name='mul_1')
        logits = tf.matmul(hidden, tf.constant(rng.standard_normal((8, 5)).astype(np.float32)), name='logits')
        tf.add(hidden, 1.0, name='aux')
        with tf.name_scope('Head'):
            tf.nn.softmax(hidden, name='probs')
        tf.abs(x - 1.0, name='head-b')
        tf.tanh(hidden, name='head_1')
        with tf.name_scope('a'):
            tf.sigmoid(x, name='z')
    make_models.write_graph_def(make_models._graph(build), path)


def make_cut_port(path):
    def build(tf):
        x = tf.compat.v1.placeholder(tf.float32, [None, 8], name='input')
        y = tf.compat.v1.placeholder(tf.float32, [1, 8], name='input_1')
        relu = tf.nn.relu(x, name='relu')
        tf.add(tf.multiply(relu, 2.0, name='mul'), y, name='out')
    make_models.write_graph_def(make_models._graph(build), path)


def make_unused_inputs(path):
    tf = make_models._tf()
    from tensorflow.python.framework.convert_to_constants import convert_variables_to_constants_v2
    weights = tf.Variable(tf.random.stateless_normal([8, 6], seed=[SEED, 1]))
    loop_weights = tf.Variable(tf.random.stateless_normal([8, 8], seed=[SEED, 2]) * 0.3)

    class Module(tf.Module):
        @tf.function(input_signature=[tf.TensorSpec([None, 12, 8], tf.float32, name='x')])
        def serve(self, x):
            def body(i, acc):
                return i + 1, tf.tanh(tf.matmul(acc, loop_weights))
            _, looped = tf.while_loop(lambda i, acc: i < 3, body, [tf.constant(0), x])
            looped = tf.cond(tf.reduce_sum(looped) > 0, lambda: looped * 2.0, lambda: looped - 1.0)
            return {'out': tf.identity(tf.matmul(x, weights), name='out'),
                    'loop_out': tf.identity(looped, name='loop_out')}

    frozen = convert_variables_to_constants_v2(Module().serve.get_concrete_function())
    make_models.write_graph_def(frozen.graph.as_graph_def(), path)


def make_saved_model_constant_output(path):
    tf = make_models._tf()
    import shutil
    shutil.rmtree(path, ignore_errors=True)

    class Module(tf.Module):
        @tf.function(input_signature=[tf.TensorSpec([None, 4], tf.float32, name='x')])
        def serve(self, x):
            return {'scaled': x * 2.0, 'version': tf.constant(3.0)}

    module = Module()
    tf.saved_model.save(module, str(path), signatures={'serving_default': module.serve.get_concrete_function()})


MODELS = {
    'outputs_order.pb': make_outputs_order,
    'cut_port.pb': make_cut_port,
    'unused_inputs.pb': make_unused_inputs,
    'saved_model_constant_output': make_saved_model_constant_output,
}

if __name__ == '__main__':
    make_convert_models.main(MODELS, __file__, __doc__, tuple(MODELS), make_convert_models.FIXTURES)
