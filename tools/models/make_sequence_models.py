#!/usr/bin/env python3
"""Sequence and control-flow models for convert's Loop and If (issue 17), made by real TensorFlow.

usage: make_sequence_models.py --out DIR [--only NAME,...] | --fixtures | --list

Each model NAME is written as NAME.pb (a frozen graph: convert_variables_to_constants_v2 with
lower_control_flow=False, so loops stay functional While/StatelessWhile and conditionals If/StatelessIf, as a
TF2 function has them) and NAME_saved_model/ (tf.saved_model.save of the same function and weights). Input `x`
float32 (sequences [?, ?, 6]: batch and time dynamic; [?, 5, 6] for the unrolled ones, which need a known length;
[?, 4] for the while loop, the cond and the reversed TensorArray; [?, ?] for the TensorArray loop; `tokens` int32
[?, ?] for the text classifier), fixed seed. Keras layers are tf_keras (Keras 2), as mo's and ovc's docs use.

Committed (testdata/convert/, --fixtures): while_counter.pb (a tf.while_loop whose trip count depends on the
input: x doubled until its sum exceeds 100, maximum_iterations=20), keras_lstm_small.pb (LSTM(3) over [?, ?, 2],
unroll=False), while_unsupported.pb (Zeta outside a loop, Igamma only inside its body) and cond_runtime.pb
(tf.cond on sum(x) > 0: relu(x) * 3, else tanh(x) - 1).
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


def _runtime_cond(tf):
    def f(x):
        return tf.cond(tf.reduce_sum(x) > 0.0, lambda: tf.nn.relu(x) * 3.0, lambda: tf.tanh(x) - 1.0)
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
    'cond_runtime': _function_model(_runtime_cond, lambda tf: tf.TensorSpec([None, 4], tf.float32, name='x')),
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

MODELS = {}
for _stem, _make in MODELS_BY_STEM.items():
    MODELS[_stem + '.pb'] = _save(_make)
    MODELS[_stem + '_saved_model'] = _save(_make)

COMMITTED = ('while_counter.pb', 'keras_lstm_small.pb', 'while_unsupported.pb', 'cond_runtime.pb')

if __name__ == '__main__':
    make_convert_models.main(MODELS, __file__, __doc__, COMMITTED, FIXTURES)
