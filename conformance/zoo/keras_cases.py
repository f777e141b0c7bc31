"""The Keras applications of the model zoo (conformance/zoo/run.py): every model of tools/models/make_keras_models.py
(tf_keras 2.17, weights=None with a fixed seed, classifier_activation=None: the output is the logits layer) as a
frozen graph and as a TF2 SavedModel. Converted with the mean/scale that reproduce the application's own
preprocess_input (Keras' 'caffe', 'tf' and 'torch' modes; MobileNetV3Small, EfficientNetB0, ConvNeXtTiny and RegNetX002
carry their preprocessing inside the model), the options summarize-graph's hint gives; the reference is TensorFlow running the
same file on the images preprocessed by tf_keras.applications.MODULE.preprocess_input. 'caffe' models take BGR
images (preprocess_input reverses RGB to BGR before subtracting the mean): their IR gets the same images
channel-reversed, as OpenVINO's samples and cv2 read them."""

import subprocess
import sys
from pathlib import Path

from zoo_case import ZooCase

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / 'tools/models'))
import make_keras_models  # noqa: E402  (the model list, sizes, file names)

# preprocess_input's mode -> the convert/mo options doing the same to [0, 255] RGB images
OPTIONS = {
    # 'caffe': RGB -> BGR, then minus the ImageNet mean in BGR order: the IR takes BGR images (bgr_input)
    'caffe': ['--mean_values', '[103.939,116.779,123.68]'],
    # 'tf': x / 127.5 - 1
    'tf': ['--mean_values', '[127.5,127.5,127.5]', '--scale', '127.5'],
    # 'torch': (x / 255 - [0.485, 0.456, 0.406]) / [0.229, 0.224, 0.225]
    'torch': ['--mean_values', '[123.675,116.28,103.53]', '--scale_values', '[58.395,57.12,57.375]'],
    # preprocessing inside the model (a Rescaling layer); preprocess_input is the identity
    'model': [],
}
MODES = {'resnet': 'caffe', 'vgg16': 'caffe', 'mobilenet': 'tf', 'mobilenet_v2': 'tf', 'inception_v3': 'tf',
         'inception_resnet_v2': 'tf', 'xception': 'tf', 'nasnet': 'tf', 'densenet': 'torch', 'mobilenet_v3': 'model',
         'efficientnet': 'model', 'convnext': 'model', 'regnet': 'model'}
NOTE = 'output: logits (classifier_activation=None)'
MODE_NOTES = {'caffe': "; 'caffe' preprocessing: the IR takes BGR images",
              'model': '; preprocessing inside the model: no mean/scale'}


def _generate_missing(directory, names):
    for form in make_keras_models.FORMS:
        missing = [name for name in names
                   if not (directory / make_keras_models.file_name(name, form)).exists()]
        if missing:
            print('making %d Keras applications (%s) in %s' % (len(missing), form, directory), flush=True)
            subprocess.run(['nice', sys.executable, str(REPO / 'tools/models/make_keras_models.py'), '--out',
                            str(directory), '--forms', form, '--only', ','.join(missing)], check=True)


def _preprocess(name, images):
    import importlib
    module = importlib.import_module('tf_keras.applications.' + make_keras_models.MODELS[name][1])
    return module.preprocess_input(images.copy())


def _frozen_reference(path, name):
    def reference(images):
        import tensorflow as tf
        graph_def = tf.compat.v1.GraphDef()
        graph_def.ParseFromString(Path(path).read_bytes())
        input_name = next(node.name for node in graph_def.node if node.op == 'Placeholder')
        graph = tf.Graph()
        with graph.as_default():
            tf.import_graph_def(graph_def, name='')
        with tf.compat.v1.Session(graph=graph) as session:
            return session.run('Identity:0', {input_name + ':0': _preprocess(name, images)})
    return reference


def _saved_model_reference(path, name):
    def reference(images):
        import tensorflow as tf
        serve = tf.saved_model.load(str(path)).signatures['serving_default']
        outputs = serve(tf.constant(_preprocess(name, images)))
        return next(iter(outputs.values())).numpy()
    return reference


def cases(big, wanted=lambda model: True):
    """The rows of the applications `wanted` keeps (by row name, keras.NAME), made first where missing."""
    directory = Path(big) / 'keras'
    names = [name for name in make_keras_models.MODELS if wanted('keras.' + name)]
    _generate_missing(directory, names)
    result = []
    for name in names:
        size, module = make_keras_models.MODELS[name]
        options = OPTIONS[MODES[module]]
        frozen = directory / make_keras_models.file_name(name, 'frozen')
        saved = directory / make_keras_models.file_name(name, 'saved_model')
        for form, model_args, stem, reference in (
                ('frozen', ['--input_model', str(frozen)], frozen.stem, _frozen_reference(frozen, name)),
                ('saved_model', ['--saved_model_dir', str(saved)], 'saved_model',
                 _saved_model_reference(saved, name))):
            result.append(ZooCase(model='keras.' + name, form=form, size=size, convert_args=model_args + options,
                                  stem=stem, reference=reference, mo_args=model_args + options,
                                  note=NOTE + MODE_NOTES.get(MODES[module], ''),
                                  bgr_input=MODES[module] == 'caffe'))
    return result
