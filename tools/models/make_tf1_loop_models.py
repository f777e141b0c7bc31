#!/usr/bin/env python3
"""Generate TF1 loop models (control_flow_v1 while frames: Enter/Merge/Switch/LoopCond/NextIteration/Exit, with
TensorArrayV3 ops inside) with real TensorFlow in TF1 graph mode, for the rewrite of while frames into functional
While (issue 17; common: dev.tfir.common.model.Tf1Loops). Each model is made in a fresh Python process with fixed
seeds, frozen with convert_variables_to_constants to `output`, into --out (default testdata/convert/tf1loops,
where they are committed: a few KB each, the RNNs small):
  while_counter.pb
      `limit` int32 [] -> while i < limit: i += 1, s += i * 2 (a data-dependent trip count) -> `output` = s.
  while_accumulate.pb
      `input` float32 [None, 4] -> while i < 3: acc = acc * 0.5 + tanh(x * (i + 1)) -> `output` = acc
      (a loop-invariant x entered with is_constant=true).
  dynamic_rnn_lstm.pb, dynamic_rnn_gru.pb
      `input` float32 [2, None, 3] -> tf.compat.v1.nn.dynamic_rnn(LSTMCell(4) / GRUCell(4)) -> `output`: the
      outputs [2, T, 4] (TensorArrayV3 with ScatterV3, ReadV3, WriteV3, SizeV3, GatherV3).
  dynamic_rnn_sequence_length.pb
      `input` float32 [2, None, 3], `lengths` int32 [2] -> dynamic_rnn(LSTMCell(4), sequence_length=lengths)
      (outputs past a length are zeros, the state copied through: Select inside the loop) -> `output`.
  bidirectional_gru.pb
      `input` float32 [2, None, 3] -> bidirectional_dynamic_rnn(GRUCell(3), GRUCell(3)) -> concatenated outputs
      (two loops, ReverseV2 between) -> `output`.
  map_fn_scan.pb
      `input` float32 [None, 4] -> tf.scan(cumulative a * 0.9 + x) of tf.map_fn(x -> x * x + 1) over the rows
      (TF1 map_fn and scan: TensorArray unstack/stack around while_loops with maximum_iterations) -> `output`.
  while_nested.pb
      `limit` int32 [] -> an outer while over i < limit holding an inner while over j < i (nested frames).
  while_tensor_array_read_back.pb
      `input` float32 [4] -> a while loop over i < 3 whose body reads back (ReadV3, inside a tf.cond: the handle
      passes a Switch) the element of a TensorArray(size=3) it wrote last -> `output` = the stacked TensorArray.
  while_dynamic_size.pb
      `limit` int32 [] -> a while loop writing x * i into a TensorArray(size=0, dynamic_size=True), stacked: a
      growing TensorArray: the rewrite's writes grow the list (resize_if_index_out_of_bounds).

Usage:
  python tools/models/make_tf1_loop_models.py [--out DIR] [--only NAME,NAME]
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_models  # noqa: E402  (the shared TF set-up)

os.environ['TF_USE_LEGACY_KERAS'] = '1'  # tf.compat.v1.nn.rnn_cell lives in tf-keras
FIXTURES = make_models.REPO / 'testdata' / 'convert' / 'tf1loops'


def _frozen(build, path):
    """Builds the graph in TF1 graph mode with v1 control flow, freezes it to `output` and writes it."""
    tf = make_models._tf1_graph_mode()
    tf.compat.v1.disable_control_flow_v2()
    graph = tf.Graph()
    with graph.as_default():
        tf.compat.v1.set_random_seed(make_models.SEED)
        build(tf)
        with tf.compat.v1.Session() as session:
            session.run(tf.compat.v1.global_variables_initializer())
            make_models.write_graph_def(tf.compat.v1.graph_util.convert_variables_to_constants(
                session, graph.as_graph_def(), ['output']), path)


def make_while_counter(out):
    def build(tf):
        limit = tf.compat.v1.placeholder(tf.int32, [], name='limit')
        _, total = tf.compat.v1.while_loop(lambda i, s: i < limit, lambda i, s: (i + 1, s + (i + 1) * 2),
                                           (tf.constant(0), tf.constant(0)), name='counter')
        tf.identity(total, name='output')
    _frozen(build, out / 'while_counter.pb')


def make_while_accumulate(out):
    def build(tf):
        x = tf.compat.v1.placeholder(tf.float32, [None, 4], name='input')
        _, acc = tf.compat.v1.while_loop(
            lambda i, acc: i < 3,
            lambda i, acc: (i + 1, acc * 0.5 + tf.tanh(x * tf.cast(i + 1, tf.float32))),
            (tf.constant(0), tf.zeros_like(x)), name='accumulate')
        tf.identity(acc, name='output')
    _frozen(build, out / 'while_accumulate.pb')


def _dynamic_rnn(cell):
    def build(tf):
        x = tf.compat.v1.placeholder(tf.float32, [2, None, 3], name='input')
        outputs, _ = tf.compat.v1.nn.dynamic_rnn(cell(tf), x, dtype=tf.float32)
        tf.identity(outputs, name='output')
    return build


def make_dynamic_rnn_lstm(out):
    _frozen(_dynamic_rnn(lambda tf: tf.compat.v1.nn.rnn_cell.LSTMCell(4)), out / 'dynamic_rnn_lstm.pb')


def make_dynamic_rnn_gru(out):
    _frozen(_dynamic_rnn(lambda tf: tf.compat.v1.nn.rnn_cell.GRUCell(4)), out / 'dynamic_rnn_gru.pb')


def make_dynamic_rnn_sequence_length(out):
    def build(tf):
        x = tf.compat.v1.placeholder(tf.float32, [2, None, 3], name='input')
        lengths = tf.compat.v1.placeholder(tf.int32, [2], name='lengths')
        outputs, _ = tf.compat.v1.nn.dynamic_rnn(tf.compat.v1.nn.rnn_cell.LSTMCell(4), x, sequence_length=lengths,
                                                 dtype=tf.float32)
        tf.identity(outputs, name='output')
    _frozen(build, out / 'dynamic_rnn_sequence_length.pb')


def make_bidirectional_gru(out):
    def build(tf):
        x = tf.compat.v1.placeholder(tf.float32, [2, None, 3], name='input')
        cells = [tf.compat.v1.nn.rnn_cell.GRUCell(3, name=name) for name in ('forward', 'backward')]
        (forward, backward), _ = tf.compat.v1.nn.bidirectional_dynamic_rnn(*cells, x, dtype=tf.float32)
        tf.concat([forward, backward], axis=2, name='output')
    _frozen(build, out / 'bidirectional_gru.pb')


def make_map_fn_scan(out):
    def build(tf):
        x = tf.compat.v1.placeholder(tf.float32, [None, 4], name='input')
        squared = tf.map_fn(lambda row: row * row + 1.0, x)
        tf.identity(tf.scan(lambda a, row: a * 0.9 + row, squared), name='output')
    _frozen(build, out / 'map_fn_scan.pb')


def make_while_nested(out):
    def build(tf):
        limit = tf.compat.v1.placeholder(tf.int32, [], name='limit')

        def outer_body(i, s):
            _, inner = tf.compat.v1.while_loop(lambda j, t: j < i, lambda j, t: (j + 1, t + j * i),
                                               (tf.constant(0), s), name='inner')
            return i + 1, inner
        _, total = tf.compat.v1.while_loop(lambda i, s: i < limit, outer_body, (tf.constant(0), tf.constant(1)),
                                           name='outer')
        tf.identity(total, name='output')
    _frozen(build, out / 'while_nested.pb')


def make_while_tensor_array_read_back(out):
    def build(tf):
        x = tf.compat.v1.placeholder(tf.float32, [4], name='input')
        ta = tf.TensorArray(tf.float32, size=3, clear_after_read=False)

        def body(i, ta):
            previous = tf.cond(i > 0, lambda: ta.read(tf.maximum(i - 1, 0)), lambda: x)
            return i + 1, ta.write(i, previous * 2.0)
        _, ta = tf.compat.v1.while_loop(lambda i, ta: i < 3, body, (tf.constant(0), ta), name='read_back')
        tf.identity(ta.stack(), name='output')
    _frozen(build, out / 'while_tensor_array_read_back.pb')


def make_while_dynamic_size(out):
    def build(tf):
        limit = tf.compat.v1.placeholder(tf.int32, [], name='limit')
        x = tf.constant([1.0, 2.0], name='x')
        ta = tf.TensorArray(tf.float32, size=0, dynamic_size=True)
        _, ta = tf.compat.v1.while_loop(lambda i, ta: i < limit,
                                        lambda i, ta: (i + 1, ta.write(i, x * tf.cast(i, tf.float32))),
                                        (tf.constant(0), ta), name='grow')
        tf.identity(ta.stack(), name='output')
    _frozen(build, out / 'while_dynamic_size.pb')


MODELS = {'while_counter': make_while_counter, 'while_accumulate': make_while_accumulate,
          'dynamic_rnn_lstm': make_dynamic_rnn_lstm, 'dynamic_rnn_gru': make_dynamic_rnn_gru,
          'dynamic_rnn_sequence_length': make_dynamic_rnn_sequence_length,
          'bidirectional_gru': make_bidirectional_gru, 'map_fn_scan': make_map_fn_scan,
          'while_nested': make_while_nested, 'while_tensor_array_read_back': make_while_tensor_array_read_back,
          'while_dynamic_size': make_while_dynamic_size}


if __name__ == '__main__':
    make_models.main_per_model(__doc__, MODELS, FIXTURES, __file__)
