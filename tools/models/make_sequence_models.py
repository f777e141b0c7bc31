#!/usr/bin/env python3
"""Sequence and control-flow models for convert's Loop and If (issue 17), made by real TensorFlow.

usage: make_sequence_models.py --out DIR [--only NAME,...] | --fixtures | --list

Each model NAME is written as NAME.pb (a frozen graph: convert_variables_to_constants_v2 with
lower_control_flow=False, so loops stay functional While/StatelessWhile and conditionals If/StatelessIf, as a
TF2 function has them) and NAME_saved_model/ (tf.saved_model.save of the same function and weights). Input `x`
float32 (sequences [?, ?, 6]: batch and time dynamic; [?, 5, 6] for the unrolled ones, which need a known length;
[?, 4] for the while loop, the cond and the reversed TensorArray; [?, ?] for the TensorArray loop; [1, 600, 4] boxes for
tf.image.non_max_suppression_padded; `tokens` int32 [?, ?] for the text classifier), fixed seed. Keras layers are tf_keras (Keras 2), as mo's and ovc's docs use.

Committed (testdata/convert/, --fixtures): while_counter.pb (a tf.while_loop whose trip count depends on the
input: x doubled until its sum exceeds 100, maximum_iterations=20), keras_lstm_small.pb (LSTM(3) over [?, ?, 2],
unroll=False), while_unsupported.pb (Zeta outside a loop, Igamma only inside its body), cond_runtime.pb
(tf.cond on sum(x) > 0: relu(x) * 3, else tanh(x) - 1) and nms_padded.pb (tf.image.non_max_suppression_padded of
600 boxes: Whiles in a While).

TF1 models (tf1_*: TF1 graph mode, v1 control flow: while frames, TensorArrayV3, Switch/Merge), input `x` float32
[?, ?, 6], output `Identity`: NAME.pb (convert_variables_to_constants) and NAME_saved_model/ (a TF1 SavedModel:
tf.compat.v1.saved_model.Builder, signature serving_default x -> output): dynamic_rnn(LSTMCell(16)),
dynamic_rnn(GRUCell(16)), dynamic_rnn(LSTMCell(8)) with sequence_length (each row's steps up to its last one not
all zeros), bidirectional_dynamic_rnn(GRUCell(6)) with that sequence_length, a while_loop over the steps with a
tf.cond in its body, nested while_loops (an inner loop over the steps before the outer step), and TensorArrays in a
while_loop (one growing, dynamic_size=True, stacked; one joined by concat, then closed).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_convert_models  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / 'testdata' / 'convert'
SEED = 17
FEATURES = 6
UNROLLED_STEPS = 5


def _keras():
    os.environ.setdefault('TF_USE_LEGACY_KERAS', '1')
    import numpy as np
    import tensorflow as tf
    import tf_keras as keras
    tf.random.set_seed(SEED)
    np.random.seed(SEED)
    keras.utils.set_random_seed(SEED)
    return tf, keras


def _sequence_model(build, features=FEATURES, steps=None):
    """A Keras model from `build(keras, inputs)` over x [?, steps, features] (steps None: any length)."""
    def make():
        tf, keras = _keras()
        inputs = keras.Input(shape=(steps, features), name='x')
        return tf, keras.Model(inputs, build(keras, inputs)), tf.TensorSpec([None, steps, features], tf.float32,
                                                                             name='x')
    return make


def _save(make):
    """The maker of NAME.pb (frozen, control flow kept functional) or NAME_saved_model/ from one model."""
    def save(path):
        tf, model, spec = make()
        path = Path(path)
        function = tf.function(lambda x: model(x, training=False) if hasattr(model, 'layers') else model(x))
        concrete = function.get_concrete_function(spec)
        if path.name.endswith('_saved_model'):
            import shutil
            shutil.rmtree(path, ignore_errors=True)
            module = tf.Module()
            module.model = model
            module.serve = function
            tf.saved_model.save(module, str(path), signatures={'serving_default': concrete})
        else:
            from tensorflow.python.framework.convert_to_constants import convert_variables_to_constants_v2
            frozen = convert_variables_to_constants_v2(concrete, lower_control_flow=False)
            make_convert_models.make_models.write_graph_def(frozen.graph.as_graph_def(), path)
    return save


def _function_model(body, spec):
    """A tf.Module-free 'model': a plain function over x (no variables)."""
    def make():
        tf, _ = _keras()
        return tf, body(tf), spec(tf)
    return make


def _while_counter(tf):
    def f(x):
        def cond(i, y):
            return tf.reduce_sum(y) < 100.0

        def body(i, y):
            return i + 1, y * 2.0 + 0.5
        _, y = tf.while_loop(cond, body, [tf.constant(0), x], maximum_iterations=20)
        return y
    return f


def _while_unsupported(tf):
    """Zeta outside a loop, Igamma only in its body: convert must name both."""
    def f(x):
        y = tf.math.zeta(x, x + 2.0)
        _, z = tf.while_loop(lambda i, v: i < 3, lambda i, v: (i + 1, tf.math.igamma(v, v + 1.0)), [0, x])
        return y + z
    return f


def _tensor_array_loop(tf):
    """A TensorArray without element shape, filled in a for loop over tf.range (AutoGraph: a While)."""
    def f(x):
        n = tf.shape(x)[1]
        ta = tf.TensorArray(tf.float32, size=n)
        for i in tf.range(n):
            ta = ta.write(i, tf.gather(x, i, axis=1) * 2.0 + tf.cast(i, tf.float32))
        return ta.stack()
    return f


def _tensor_array_reversed(tf):
    """A TensorArray of known element shape written back to front (not at the counter), rows read as x[i]."""
    def f(x):
        n = tf.shape(x)[0]
        ta = tf.TensorArray(tf.float32, size=n, element_shape=[4])
        for i in tf.range(n):
            ta = ta.write(n - 1 - i, tf.tanh(x[i]) * 2.0)
        return ta.stack()
    return f


def _tensor_array_growing(tf):
    """A TensorArray(size=0, dynamic_size=True) that grows one element per step of a loop over time (the list's
    writes resize it: TensorListSetItem's resize_if_index_out_of_bounds), stacked, and one written three times
    outside any loop, as a Python loop unrolls it."""
    def f(x):
        grown = tf.TensorArray(tf.float32, size=0, dynamic_size=True)
        state = tf.zeros_like(x[:, 0])
        for i in tf.range(tf.shape(x)[1]):
            state = tf.tanh(state * 0.5 + x[:, i])
            grown = grown.write(i, state)
        unrolled = tf.TensorArray(tf.float32, size=0, dynamic_size=True)
        for k in range(3):
            unrolled = unrolled.write(k, x[:, 0] * float(k + 1))
        return tf.concat([grown.stack(), unrolled.stack()], 0)
    return f


def _tensor_array_concat(tf):
    """TensorArray.concat (TensorListConcatV2) of the steps' [batch, 6] states written in a loop over time."""
    def f(x):
        steps = tf.TensorArray(tf.float32, size=tf.shape(x)[1], element_shape=[None, FEATURES])
        for i in tf.range(tf.shape(x)[1]):
            steps = steps.write(i, tf.sin(x[:, i]) * tf.cast(i + 1, tf.float32))
        return steps.concat()
    return f


def _nms_padded(tf):
    """tf.image.non_max_suppression_padded of 600 boxes, as keras-cv's YOLOv8 decodes its anchors: a While over
    their two tiles of 512 whose body holds two more, the first of no iteration on the first tile; scores are the
    boxes' x_min / 100."""
    def f(x):
        indices, _ = tf.image.non_max_suppression_padded(x, x[..., 1] * 0.01, max_output_size=50,
                                                         iou_threshold=0.5, score_threshold=0.1,
                                                         pad_to_max_output_size=True)
        return indices
    return f


def _runtime_cond(tf):
    def f(x):
        return tf.cond(tf.reduce_sum(x) > 0.0, lambda: tf.nn.relu(x) * 3.0, lambda: tf.tanh(x) - 1.0)
    return f


def _while_cond(tf):
    """A tf.while_loop over the time steps whose body holds a tf.cond on the step (a StatelessIf in the While's
    body), the TF2 twin of the TF1 row tf1_while_cond."""
    def f(x):
        def body(i, state):
            step = x[:, i]
            state = tf.cond(tf.reduce_sum(step) > 0.0, lambda: tf.tanh(state + step) * 2.0,
                            lambda: state * 0.5 - step)
            return i + 1, state
        return tf.while_loop(lambda i, state: i < tf.shape(x)[1], body, (tf.constant(0), tf.zeros_like(x[:, 0])))[1]
    return f


def _lstm(keras, x, **kw):
    return keras.layers.LSTM(8, **kw)(x)


MODELS_BY_STEM = {
    'keras_lstm': _sequence_model(lambda k, x: k.layers.Dense(4)(k.layers.LSTM(16)(x))),
    'keras_lstm_small': _sequence_model(lambda k, x: k.layers.LSTM(3)(x), features=2),
    'keras_gru': _sequence_model(lambda k, x: k.layers.GRU(16)(x)),
    'keras_simple_rnn': _sequence_model(lambda k, x: k.layers.SimpleRNN(16)(x)),
    'keras_bidirectional_lstm': _sequence_model(lambda k, x: k.layers.Bidirectional(k.layers.LSTM(8))(x)),
    'keras_stacked_lstm': _sequence_model(
        lambda k, x: k.layers.LSTM(8)(k.layers.LSTM(12, return_sequences=True)(x))),
    'keras_lstm_sequences': _sequence_model(lambda k, x: k.layers.LSTM(8, return_sequences=True)(x)),
    # unroll=True needs a known length: UNROLLED_STEPS
    'keras_lstm_unrolled': _sequence_model(lambda k, x: k.layers.LSTM(8, unroll=True)(x), steps=UNROLLED_STEPS),
    'keras_gru_unrolled': _sequence_model(lambda k, x: k.layers.GRU(8, unroll=True)(x), steps=UNROLLED_STEPS),
    'while_counter': _function_model(_while_counter, lambda tf: tf.TensorSpec([None, 4], tf.float32, name='x')),
    'while_unsupported': _function_model(_while_unsupported,
                                         lambda tf: tf.TensorSpec([None, 4], tf.float32, name='x')),
    'tensor_array_loop': _function_model(_tensor_array_loop,
                                         lambda tf: tf.TensorSpec([None, None], tf.float32, name='x')),
    'tensor_array_reversed': _function_model(_tensor_array_reversed,
                                             lambda tf: tf.TensorSpec([None, 4], tf.float32, name='x')),
    'tensor_array_growing': _function_model(_tensor_array_growing, lambda tf: tf.TensorSpec(
        [None, None, FEATURES], tf.float32, name='x')),
    'tensor_array_concat': _function_model(_tensor_array_concat, lambda tf: tf.TensorSpec(
        [None, None, FEATURES], tf.float32, name='x')),
    'nms_padded': _function_model(_nms_padded, lambda tf: tf.TensorSpec([1, 600, 4], tf.float32, name='x')),
    'cond_runtime': _function_model(_runtime_cond, lambda tf: tf.TensorSpec([None, 4], tf.float32, name='x')),
    'while_cond': _function_model(_while_cond, lambda tf: tf.TensorSpec([None, None, FEATURES], tf.float32,
                                                                       name='x')),
}


def _text_classifier():
    tf, keras = _keras()
    tokens = keras.Input(shape=(None,), dtype='int32', name='tokens')
    # embeddings of a trained model's size (Keras' initial ones, in [-0.05, 0.05], leave the GRU near 0), logits out
    y = keras.layers.Embedding(50, 8, embeddings_initializer=keras.initializers.RandomNormal(stddev=1.0))(tokens)
    y = keras.layers.Conv1D(12, 3, padding='same', activation='relu')(y)
    y = keras.layers.GRU(10)(y)
    model = keras.Model(tokens, keras.layers.Dense(3)(y))
    return tf, model, tf.TensorSpec([None, None], tf.int32, name='tokens')


MODELS_BY_STEM['text_conv_gru'] = _text_classifier


def _tf1_model(build):
    """A TF1 graph-mode model (v1 control flow: while frames of Enter/Merge/Switch/LoopCond/NextIteration/Exit,
    TensorArrayV3, Switch/Merge conds): `build(tf, x)` over the placeholder `x` float32 [?, ?, FEATURES] gives the
    output. Written as NAME.pb (convert_variables_to_constants to `Identity`) or NAME_saved_model/ (a TF1 SavedModel:
    tf.compat.v1.saved_model.Builder, tag serve, signature serving_default x -> output)."""
    def save(path):
        tf, _ = _keras()
        tf.compat.v1.disable_v2_behavior()
        tf.compat.v1.disable_control_flow_v2()
        path = Path(path)
        graph = tf.Graph()
        with graph.as_default():
            tf.compat.v1.set_random_seed(SEED)
            x = tf.compat.v1.placeholder(tf.float32, [None, None, FEATURES], name='x')
            output = tf.identity(build(tf, x), name='Identity')
            with tf.compat.v1.Session() as session:
                session.run(tf.compat.v1.global_variables_initializer())
                if path.name.endswith('_saved_model'):
                    import shutil
                    shutil.rmtree(path, ignore_errors=True)
                    builder = tf.compat.v1.saved_model.Builder(str(path))
                    signature = tf.compat.v1.saved_model.predict_signature_def({'x': x}, {'output': output})
                    builder.add_meta_graph_and_variables(session, ['serve'],
                                                         signature_def_map={'serving_default': signature})
                    builder.save()
                else:
                    make_convert_models.make_models.write_graph_def(
                        tf.compat.v1.graph_util.convert_variables_to_constants(
                            session, graph.as_graph_def(), ['Identity']), path)
    return save


def _dynamic_rnn(cell):
    def build(tf, x):
        outputs, _ = tf.compat.v1.nn.dynamic_rnn(cell(tf), x, dtype=tf.float32)
        return outputs
    return build


def _padded_lengths(tf, x):
    """Each sequence's length: its steps up to the last one that is not all zeros (padding at the end)."""
    steps = tf.cast(tf.reduce_any(tf.not_equal(x, 0.0), axis=2), tf.int32)
    positions = tf.range(1, tf.shape(x)[1] + 1)
    return tf.reduce_max(steps * positions[tf.newaxis], axis=1)


def _dynamic_rnn_lengths(tf, x):
    outputs, _ = tf.compat.v1.nn.dynamic_rnn(tf.compat.v1.nn.rnn_cell.LSTMCell(8), x,
                                             sequence_length=_padded_lengths(tf, x), dtype=tf.float32)
    return outputs


def _bidirectional_dynamic_rnn(tf, x):
    cells = [tf.compat.v1.nn.rnn_cell.GRUCell(6, name=name) for name in ('forward', 'backward')]
    (forward, backward), _ = tf.compat.v1.nn.bidirectional_dynamic_rnn(
        *cells, x, sequence_length=_padded_lengths(tf, x), dtype=tf.float32)
    return tf.concat([forward, backward], axis=2)


def _while_cond_body(tf, x):
    """A TF1 while_loop over the time steps whose body holds a tf.cond on a runtime predicate (Switch/Merge in
    the loop frame): a running state, doubled-and-shifted where the step's sum is positive, else damped."""
    def body(i, state):
        step = x[:, i]
        state = tf.compat.v1.cond(tf.reduce_sum(step) > 0.0, lambda: tf.tanh(state + step) * 2.0,
                                  lambda: state * 0.5 - step)
        return i + 1, state
    _, state = tf.compat.v1.while_loop(lambda i, state: i < tf.shape(x)[1], body,
                                       (tf.constant(0), tf.zeros_like(x[:, 0])))
    return state


def _while_nested(tf, x):
    """TF1 nested while_loops: over the time steps i, an inner loop over the steps j < i before it (no iteration
    when i = 0) carrying a state [batch, FEATURES]."""
    def outer(i, state):
        def inner(j, inner_state):
            return j + 1, inner_state * 0.9 + tf.tanh(x[:, j] * tf.cast(i, tf.float32)) * 0.1
        _, state = tf.compat.v1.while_loop(lambda j, s: j < i, inner, (tf.constant(0), state))
        return i + 1, state + x[:, i]
    return tf.compat.v1.while_loop(lambda i, s: i < tf.shape(x)[1], outer,
                                   (tf.constant(0), tf.zeros_like(x[:, 0])))[1]


def _tensor_arrays(tf, x):
    """TF1 TensorArrays in a while_loop over the steps: one of dynamic_size=True (size 0, growing where it is written)
    stacked, one of the steps' states joined by TensorArray.concat (TensorArrayConcatV3), and closed."""
    grown = tf.TensorArray(tf.float32, size=0, dynamic_size=True)
    joined = tf.TensorArray(tf.float32, size=tf.shape(x)[1], element_shape=[None, FEATURES])

    def body(i, state, grown, joined):
        state = tf.tanh(state * 0.5 + x[:, i])
        return i + 1, state, grown.write(i, state), joined.write(i, state * 2.0 - 1.0)
    _, _, grown, joined = tf.compat.v1.while_loop(lambda i, *_: i < tf.shape(x)[1], body,
                                                  (tf.constant(0), tf.zeros_like(x[:, 0]), grown, joined))
    stacked = tf.reshape(grown.stack(), [-1, FEATURES])
    value = joined.concat()
    with tf.control_dependencies([value]):
        closed = joined.close()
    with tf.control_dependencies([closed]):
        return tf.concat([stacked, value], 0)


TF1_MODELS_BY_STEM = {
    'tf1_dynamic_rnn_lstm': _dynamic_rnn(lambda tf: tf.compat.v1.nn.rnn_cell.LSTMCell(16)),
    'tf1_dynamic_rnn_gru': _dynamic_rnn(lambda tf: tf.compat.v1.nn.rnn_cell.GRUCell(16)),
    'tf1_dynamic_rnn_lengths': _dynamic_rnn_lengths,
    'tf1_bidirectional_dynamic_rnn': _bidirectional_dynamic_rnn,
    'tf1_while_cond': _while_cond_body,
    'tf1_while_nested': _while_nested,
    'tf1_tensor_arrays': _tensor_arrays,
}

MODELS = {}
for _stem, _make in MODELS_BY_STEM.items():
    MODELS[_stem + '.pb'] = _save(_make)
    MODELS[_stem + '_saved_model'] = _save(_make)
for _stem, _build in TF1_MODELS_BY_STEM.items():
    MODELS[_stem + '.pb'] = _tf1_model(_build)
    MODELS[_stem + '_saved_model'] = _tf1_model(_build)

COMMITTED = ('while_counter.pb', 'keras_lstm_small.pb', 'while_unsupported.pb', 'cond_runtime.pb', 'nms_padded.pb')

if __name__ == '__main__':
    make_convert_models.main(MODELS, __file__, __doc__, COMMITTED, FIXTURES)
