#!/usr/bin/env python3
"""SavedModels whose signatures are not `serving_default`, made by real TensorFlow (tf.saved_model.save of a
tf.Module), small and committed under testdata/models/:

  saved_model_two_signatures/
      signatures `classify` (input `x` float32 [None, 4] -> `probs` = softmax(x @ w), [None, 3]) and `embed`
      (input `features` float32 [None, 4] -> `embedding` = tanh(features @ w) * 2 [None, 3] and `norm` =
      reduce_sum(features * features, axis=1) [None]); w a float32 [4, 3] variable. No `serving_default`.
  saved_model_one_signature/
      one signature `predict` (input `x` float32 [None, 4] -> `y` = x @ w + 1, [None, 3]).
  signature_outputs.txt
      TensorFlow's outputs for x = [[1, 2, 3, 4], [-1, 0.5, 0, 2]] of every signature ("model signature key: values").

Usage (from the repository root): python tools/models/make_signature_models.py
"""
import os
import shutil

os.environ.setdefault('TF_ENABLE_ONEDNN_OPTS', '0')
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), 'testdata', 'models')
FEED = np.array([[1, 2, 3, 4], [-1, 0.5, 0, 2]], np.float32)


class TwoSignatures(tf.Module):
    def __init__(self):
        super().__init__(name='two')
        self.w = tf.Variable(tf.random.stateless_normal([4, 3], seed=[7, 8]), name='w')

    @tf.function(input_signature=[tf.TensorSpec([None, 4], tf.float32, name='x')])
    def classify(self, x):
        return {'probs': tf.nn.softmax(tf.matmul(x, self.w))}

    @tf.function(input_signature=[tf.TensorSpec([None, 4], tf.float32, name='features')])
    def embed(self, features):
        return {'embedding': tf.tanh(tf.matmul(features, self.w)) * 2.0,
                'norm': tf.reduce_sum(features * features, axis=1)}


class OneSignature(tf.Module):
    def __init__(self):
        super().__init__(name='one')
        self.w = tf.Variable(tf.random.stateless_normal([4, 3], seed=[9, 10]), name='w')

    @tf.function(input_signature=[tf.TensorSpec([None, 4], tf.float32, name='x')])
    def predict(self, x):
        return {'y': tf.matmul(x, self.w) + 1.0}


def save(module, name, signatures):
    path = os.path.join(OUT, name)
    shutil.rmtree(path, ignore_errors=True)
    tf.saved_model.save(module, path, signatures=signatures)
    lines = []
    loaded = tf.saved_model.load(path)
    for key in sorted(loaded.signatures):
        function = loaded.signatures[key]
        arg = list(function.structured_input_signature[1])[0]
        for out_key, value in sorted(function(**{arg: tf.constant(FEED)}).items()):
            lines.append('%s %s %s: %s' % (name, key, out_key, ' '.join(repr(float(v)) for v in value.numpy().ravel())))
    return lines


def main():
    two = TwoSignatures()
    one = OneSignature()
    lines = save(two, 'saved_model_two_signatures', {'classify': two.classify, 'embed': two.embed})
    lines += save(one, 'saved_model_one_signature', {'predict': one.predict})
    with open(os.path.join(OUT, 'signature_outputs.txt'), 'w') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
