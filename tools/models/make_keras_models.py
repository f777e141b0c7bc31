#!/usr/bin/env python3
"""Generate Keras applications (tf_keras 2.17, Keras 2, weights=None) as frozen graphs and TF2 SavedModels.

Each model is built by TensorFlow itself in a fresh Python process with fixed seeds
(tf_keras.utils.set_random_seed), `weights=None` (random initialisation; no download) and
`classifier_activation=None`, so that the model's output is its logits layer (a random net's softmax is nearly
flat, which makes top-1 comparisons meaningless), calibrated like a trained net (see calibrate).
  NAME_frozen.pb      tf.function(model) traced with its input TensorSpec [None, size, size, 3] float32 named as
                      Keras names the input layer (model.input_names[0], e.g. `input_1`), frozen by
                      convert_variables_to_constants_v2 and written as a binary GraphDef; its output is `Identity`.
  NAME_saved_model/   tf.saved_model.save(model): tag 'serve', signature 'serving_default'.
Names: ResNet50, MobileNet, MobileNetV2, MobileNetV3Small, InceptionV3, InceptionResNetV2, Xception, DenseNet121,
EfficientNetB0, NASNetMobile, VGG16, ConvNeXtTiny, RegNetX002 (tf_keras.applications.NAME).

Usage:
  python tools/models/make_keras_models.py --out DIR [--only NAME,NAME] [--forms frozen,saved_model]
  python tools/models/make_keras_models.py --list
"""

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_convert_models import BATCH_NORM_OFFSETS  # noqa: E402  (the batch norms' offsets of every random net)

SEED = 20240601
# application name -> (input size, the module of tf_keras.applications whose preprocess_input the model expects)
MODELS = {
    'ResNet50': (224, 'resnet'),
    'MobileNet': (224, 'mobilenet'),
    'MobileNetV2': (224, 'mobilenet_v2'),
    'MobileNetV3Small': (224, 'mobilenet_v3'),
    'InceptionV3': (299, 'inception_v3'),
    'InceptionResNetV2': (299, 'inception_resnet_v2'),
    'Xception': (299, 'xception'),
    'DenseNet121': (224, 'densenet'),
    'EfficientNetB0': (224, 'efficientnet'),
    'NASNetMobile': (224, 'nasnet'),
    'VGG16': (224, 'vgg16'),
    'ConvNeXtTiny': (224, 'convnext'),
    'RegNetX002': (224, 'regnet'),
}
FORMS = ('frozen', 'saved_model')
CALIBRATION_IMAGES = 8
LOGITS_STD = 2.0


def file_name(name, form):
    return name + ('_frozen.pb' if form == 'frozen' else '_saved_model')


def build(name):
    """The Keras application with random weights (fixed seed) and logits output, calibrated (see calibrate)."""
    os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')
    import tensorflow as tf
    tf.get_logger().setLevel('ERROR')
    import tf_keras as keras
    keras.utils.set_random_seed(SEED)
    size = MODELS[name][0]
    constructor = getattr(keras.applications, name)
    model = constructor(weights=None, input_shape=(size, size, 3), classifier_activation=None)
    calibrate(name, model)
    return tf, model


def calibrate(name, model):
    """Makes a random net behave like a trained one, so that its outputs are meaningful to compare (a random
    net's activations vanish or explode with depth): every BatchNormalization's gamma becomes random around 1 and
    its beta random in make_convert_models.BATCH_NORM_OFFSETS (so that the net is not chaotic, as the TF-Slim
    nets), its moving mean and variance those of its input on random images (one training-mode pass with
    momentum 0: each layer then normalizes with its own input's statistics, so deeper layers see normalized
    inputs), then the logits layer (the last layer with a kernel) is scaled so that the logits have a standard
    deviation of LOGITS_STD."""
    import importlib
    import numpy as np
    import tf_keras as keras
    size, module = MODELS[name]
    preprocess = importlib.import_module('tf_keras.applications.' + module).preprocess_input
    images = preprocess(np.random.default_rng(SEED).uniform(0, 255, (CALIBRATION_IMAGES, size, size, 3))
                        .astype(np.float32))
    norms = [layer for layer in model.layers if isinstance(layer, keras.layers.BatchNormalization)]
    rng = np.random.default_rng(SEED)
    for layer in norms:
        for weight, (low, high) in ((layer.gamma, (0.8, 1.2)), (layer.beta, BATCH_NORM_OFFSETS)):
            if weight is not None:
                weight.assign(rng.uniform(low, high, weight.shape).astype(np.float32))
        layer.momentum = 0.0
    if norms:
        model(images, training=True)
    for layer in norms:
        layer.momentum = 0.99
    logits = [layer for layer in model.layers if getattr(layer, 'kernel', None) is not None][-1]
    factor = LOGITS_STD / float(np.std(model(images, training=False)))
    logits.kernel.assign(logits.kernel * factor)
    logits.bias.assign(logits.bias * factor)


def make_frozen(name, path):
    tf, model = build(name)
    from tensorflow.python.framework.convert_to_constants import convert_variables_to_constants_v2
    size = MODELS[name][0]
    spec = tf.TensorSpec([None, size, size, 3], tf.float32, name=model.input_names[0])
    function = tf.function(lambda images: model(images, training=False)).get_concrete_function(spec)
    frozen = convert_variables_to_constants_v2(function)
    Path(path).write_bytes(frozen.graph.as_graph_def().SerializeToString(deterministic=True))


def make_saved_model(name, path):
    tf, model = build(name)
    if Path(path).exists():
        shutil.rmtree(path)
    tf.saved_model.save(model, str(path))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--out', type=Path)
    parser.add_argument('--only', help='comma-separated application names')
    parser.add_argument('--forms', default=','.join(FORMS))
    parser.add_argument('--list', action='store_true')
    parser.add_argument('--worker', nargs=3, metavar=('NAME', 'FORM', 'PATH'), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        name, form, path = args.worker
        (make_frozen if form == 'frozen' else make_saved_model)(name, path)
        return
    if args.list:
        print('\n'.join(MODELS))
        return
    if args.out is None:
        parser.error('--out is required')
    names = args.only.split(',') if args.only else list(MODELS)
    unknown = [n for n in names if n not in MODELS]
    if unknown:
        parser.error('unknown models: %s (see --list)' % ', '.join(unknown))
    args.out.mkdir(parents=True, exist_ok=True)
    for name in names:
        for form in args.forms.split(','):
            path = args.out / file_name(name, form)
            print('making %s' % path, flush=True)
            subprocess.run([sys.executable, str(Path(__file__).resolve()), '--worker', name, form, str(path)],
                           check=True)


if __name__ == '__main__':
    main()
