#!/usr/bin/env python3
"""Generate the committed Keras fixtures (testdata/keras/) for the unit tests of summarize-graph's preprocessing hint.

Keras applications of tf_keras 2.17 (weights=None, fixed seed), each built in a fresh Python process as
tools/models/make_keras_models.py builds the zoo's (so Keras names the model and its layers as there), and written
without their weights, so that they stay small while their node names are those of the models we ship:
  NAME_graph.pb        the GraphDef of tf.function(model) traced on its input TensorSpec [None, H, W, 3] float32, as
                       make_keras_models.py traces it before freezing: the frozen graph's node names, with the
                       variables still captured (resource Placeholders) instead of frozen into Consts.
  NAME_saved_model/    tf.saved_model.save(model) without its variables/ directory (the weights): saved_model.pb
                       holds the graph, the functions and the signature, which is what summarize-graph reads.
  applications_layers.txt  for each application of APPLICATIONS (members of every family the hint recognises): its
                       name, its model name and its layers' names, tab-separated (layers by
                       commas), each built with Keras' name counters reset (keras.backend.clear_session) as in a
                       fresh process: the names its nodes are scoped by (<model name>/<layer name>/...).
The graphs and SavedModel: VGG16 ('caffe'), MobileNet alpha 0.25 at 128 ('tf'), a DenseNet with one block per
stage (tf_keras' own DenseNet constructor, as DenseNet121/169/201 call it: model name 'densenet'; 'torch'), a
minimalistic MobileNetV3Small without top and with include_preprocessing=False (no Rescaling layer: 'tf'), and VGG16
without its top as a TF2 SavedModel.

Usage:
  python tools/models/make_keras_fixtures.py --fixtures   # rewrites testdata/keras/
  python tools/models/make_keras_fixtures.py --out DIR [--only NAME,...]
  python tools/models/make_keras_fixtures.py --list
"""

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_convert_models  # noqa: E402  (the generator command line)
import make_keras_models  # noqa: E402  (the seed)


def _keras():
    """TensorFlow and tf_keras, with Keras' seed set as make_keras_models.py sets it."""
    tf = make_convert_models.make_models._tf()
    import tf_keras as keras
    keras.utils.set_random_seed(make_keras_models.SEED)
    return tf, keras


def graph(build):
    def make(path):
        tf, keras = _keras()
        model = build(keras)
        spec = tf.TensorSpec([None] + list(model.input_shape[1:]), tf.float32, name=model.input_names[0])
        traced = tf.function(lambda images: model(images, training=False)).get_concrete_function(spec)
        Path(path).write_bytes(traced.graph.as_graph_def().SerializeToString(deterministic=True))
    return make


def saved_model(build):
    def make(path):
        tf, keras = _keras()
        model = build(keras)
        with tempfile.TemporaryDirectory() as directory:
            tf.saved_model.save(model, directory)
            Path(path).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(directory) / 'saved_model.pb', Path(path) / 'saved_model.pb')
    return make


def _small_densenet(keras):
    from tf_keras.src.applications import densenet
    return densenet.DenseNet([1, 1, 1, 1], weights=None, input_shape=(224, 224, 3), classifier_activation=None)


def _mobilenet_v3_without_preprocessing(keras):
    return keras.applications.MobileNetV3Small(weights=None, include_top=False, minimalistic=True,
                                               include_preprocessing=False)


APPLICATIONS = ['ResNet50', 'ResNet101', 'ResNet152', 'ResNet50V2', 'ResNet101V2', 'ResNet152V2', 'VGG16', 'VGG19',
                'MobileNet', 'MobileNetV2', 'MobileNetV3Small', 'MobileNetV3Large', 'InceptionV3', 'InceptionResNetV2',
                'Xception', 'DenseNet121', 'DenseNet169', 'DenseNet201'] + ['EfficientNetB%d' % i for i in range(8)] + [
                'NASNetMobile', 'NASNetLarge', 'EfficientNetV2B0', 'EfficientNetV2S', 'ConvNeXtTiny', 'ConvNeXtSmall',
                'RegNetX002', 'RegNetY002', 'ResNetRS50']


def applications_layers(path):
    _, keras = _keras()
    lines = []
    for name in APPLICATIONS:
        keras.backend.clear_session()
        model = getattr(keras.applications, name)(weights=None)
        lines.append('%s\t%s\t%s\n' % (name, model.name, ','.join(layer.name for layer in model.layers)))
    Path(path).write_text(''.join(lines))


MODELS = {
    'VGG16_graph.pb': graph(lambda keras: keras.applications.VGG16(weights=None, classifier_activation=None)),
    'MobileNet_0.25_128_graph.pb': graph(lambda keras: keras.applications.MobileNet(
        weights=None, alpha=0.25, input_shape=(128, 128, 3), classifier_activation=None)),
    'DenseNet_1_1_1_1_graph.pb': graph(_small_densenet),
    'MobileNetV3Small_minimalistic_no_preprocessing_graph.pb': graph(_mobilenet_v3_without_preprocessing),
    'VGG16_notop_saved_model': saved_model(lambda keras: keras.applications.VGG16(weights=None, include_top=False)),
    'applications_layers.txt': applications_layers,
}

if __name__ == '__main__':
    make_convert_models.main(MODELS, __file__, __doc__, committed=list(MODELS),
                             fixtures=make_convert_models.REPO / 'testdata' / 'keras')
