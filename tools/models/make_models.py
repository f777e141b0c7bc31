#!/usr/bin/env python3
"""Generate tfir's test models with real TensorFlow.

Every model is made by TensorFlow itself (graph mode for the TF1-style files, eager/Keras for the TF2 SavedModel),
with fixed seeds, so that the same environment (tools/python/requirements.txt) writes the same bytes again.
Each model is built in a fresh Python process, so that TensorFlow's global state (graph/function name counters,
eager vs graph mode) of one model never leaks into another.

Groups:
  small  committed under testdata/models/ (plus examples/inception_v1_inference_graph.pb, a copy)
  bad    committed under testdata/bad/: files that are not TensorFlow models
  big    not committed; made at test time with --big (default output: ${TFIR_BIG:-target/big-models})

Usage:
  python tools/models/make_models.py                 # all small and bad models, in their committed places
  python tools/models/make_models.py --big           # the big models into ${TFIR_BIG:-target/big-models}
  python tools/models/make_models.py --only small_frozen.pb,dtypes_shapes.pb
  python tools/models/make_models.py --out /tmp/x    # everything selected, flat into /tmp/x
  python tools/models/make_models.py --list

The TF-Slim inference graphs reproduce research/slim/export_inference_graph.py of tensorflow/models: a graph in
tf.compat.v1 graph mode (TF1 behaviour: reference variables, VariableV2 + /read), a float32 placeholder named
`input` of shape [batch_size=None, size, size, 3] with the net's default_image_size, then
nets_factory.get_network_fn(name, num_classes=1001, weight_decay=0.0, is_training=False) applied to it, which
calls the net inside `slim.arg_scope(arg_scopes_map[name](weight_decay=0.0))`, and graph.as_graph_def() written
in binary. The nets come from the tf_slim package (tf_slim.nets).
"""

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MODELS_DIR = 'testdata/models'
BAD_DIR = 'testdata/bad'
EXAMPLE = 'examples/inception_v1_inference_graph.pb'
SEED = 20240601


# --------------------------------------------------------------------------------------------------------------
# TensorFlow set-up (only inside a worker process)
# --------------------------------------------------------------------------------------------------------------

def _tf():
    os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')
    import tensorflow as tf
    tf.get_logger().setLevel('ERROR')
    return tf


def _tf1_graph_mode():
    """TensorFlow with TF1 behaviour, as the TF-Slim export script ran: graph mode, reference variables
    (VariableV2), v1 control flow (Switch/Merge), v1 TensorShape."""
    tf = _tf()
    tf.compat.v1.disable_v2_behavior()
    return tf


def _slim():
    """tf_slim, with a work-around for tf_keras 2.17: TensorFlow 2.17's tensorflow/python/layers/*.py lazily import
    `tf_keras.legacy_tf_layers.*`, which tf_keras 2.17 ships as `tf_keras.src.legacy_tf_layers.*` only
    (slim.batch_norm needs it). Alias the modules; the layers themselves are unchanged."""
    import importlib
    import tf_keras.src.legacy_tf_layers as legacy
    sys.modules.setdefault('tf_keras.legacy_tf_layers', legacy)
    for sub in ('base', 'core', 'convolutional', 'normalization', 'pooling', 'variable_scope_shim'):
        sys.modules.setdefault('tf_keras.legacy_tf_layers.' + sub,
                               importlib.import_module('tf_keras.src.legacy_tf_layers.' + sub))
    import tf_slim
    return tf_slim


def main_per_model(doc, models, fixtures, script):
    """The command line of a generator of several models (`models`: name -> make(out)): [--out DIR] [--only
    NAME,NAME], each model made in a fresh Python process (`script --one NAME`)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument('--out', type=Path, default=fixtures)
    parser.add_argument('--only', default=','.join(models))
    parser.add_argument('--one', help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.one:
        models[args.one](args.out)
        return
    for name in args.only.split(','):
        subprocess.run([sys.executable, script, '--out', str(args.out), '--one', name], check=True)
        print('made', name)


def write_graph_def(graph_def, path):
    Path(path).write_bytes(graph_def.SerializeToString(deterministic=True))


# --------------------------------------------------------------------------------------------------------------
# TF-Slim nets, as research/slim/nets/nets_factory.py + export_inference_graph.py
# --------------------------------------------------------------------------------------------------------------

NUM_CLASSES = 1001  # dataset_factory 'imagenet' (1001 classes) minus labels_offset 0


def _slim_nets():
    """nets_factory's networks_map and arg_scopes_map, with each net's default_image_size: the nets the tf_slim
    package ships, and our own builders (tools/models/slim_nets/) of research/slim nets it lacks, by their
    research/slim names (mobilenet_v1 with a depth multiplier and a resolution as the published checkpoints are
    named: mobilenet_v1_0.75_192)."""
    import functools
    from tf_slim.nets import alexnet, inception, overfeat, resnet_v1, resnet_v2, vgg
    from slim_nets import inception_resnet_v2, inception_v4, mobilenet_v1, mobilenet_v2, nasnet, pnasnet
    nets = {'alexnet_v2': (alexnet.alexnet_v2, alexnet.alexnet_v2_arg_scope, 224),
            'overfeat': (overfeat.overfeat, overfeat.overfeat_arg_scope, 231),  # research/slim's default size
            'vgg_16': (vgg.vgg_16, vgg.vgg_arg_scope, 224),
            'vgg_19': (vgg.vgg_19, vgg.vgg_arg_scope, 224)}
    for version, size in (('v1', 224), ('v2', 224), ('v3', 299)):  # nets_factory: inception_v3_arg_scope for all
        nets['inception_' + version] = (getattr(inception, 'inception_' + version), inception.inception_v3_arg_scope,
                                        size)
    nets['inception_v4'] = (inception_v4.inception_v4, inception.inception_v3_arg_scope, 299)  # inception_utils'
    nets['inception_resnet_v2'] = (inception_resnet_v2.inception_resnet_v2,
                                   inception_resnet_v2.inception_resnet_v2_arg_scope, 299)
    nets['nasnet_mobile'] = (nasnet.build_nasnet_mobile, nasnet.nasnet_mobile_arg_scope, 224)
    nets['pnasnet_mobile'] = (pnasnet.build_pnasnet_mobile, nasnet.nasnet_mobile_arg_scope, 224)  # as pnasnet's
    for module in (resnet_v1, resnet_v2):
        for depth in (50, 101, 152):
            name = '%s_%d' % (module.__name__.split('.')[-1], depth)
            nets[name] = (getattr(module, name), module.resnet_arg_scope, 224)  # research/slim: size 224
    for multiplier in mobilenet_v1.DEPTH_MULTIPLIERS:
        for size in mobilenet_v1.RESOLUTIONS:
            nets['mobilenet_v1_%s_%d' % (multiplier, size)] = (
                functools.partial(mobilenet_v1.mobilenet_v1, depth_multiplier=float(multiplier)),
                mobilenet_v1.mobilenet_v1_arg_scope, size)
    for multiplier in mobilenet_v2.DEPTH_MULTIPLIERS:
        nets['mobilenet_v2_%s_224' % multiplier] = (
            functools.partial(mobilenet_v2.mobilenet, depth_multiplier=float(multiplier)),
            mobilenet_v2.training_scope, 224)
    return nets


def _network_fn(name, weight_decay=0.0):
    """nets_factory.get_network_fn(name, num_classes=1001, weight_decay, is_training=False); weight_decay None: the
    arg scope's own default."""
    slim = _slim()
    func, arg_scope_fn, size = _slim_nets()[name]

    def network_fn(images):
        arg_scope = arg_scope_fn() if weight_decay is None else arg_scope_fn(weight_decay=weight_decay)
        with slim.arg_scope(arg_scope):
            return func(images, num_classes=NUM_CLASSES, is_training=False)

    network_fn.default_image_size = size
    return network_fn


def slim_image_size(name):
    """The net's default_image_size (the input's height and width)."""
    _slim()
    return _slim_nets()[name][2]


def _slim_ends(name):
    """The node export_inference_graph.py users freeze to (the softmax's reshape where the net ends in Predictions,
    the squeezed logits for vgg, alexnet_v2 and overfeat) and the variable scope of the logits layer."""
    fully_connected = {'inception_v4': 'InceptionV4', 'inception_resnet_v2': 'InceptionResnetV2'}
    if name in fully_connected:  # a fully connected Logits/Logits, softmax Predictions
        return fully_connected[name] + '/Logits/Predictions', fully_connected[name] + '/Logits/Logits'
    if name.endswith('nasnet_mobile'):  # no top scope: final_layer/FC, softmax final_layer/predictions
        return 'final_layer/predictions', 'final_layer/FC'
    if name.startswith('inception_v'):
        version = name[len('inception_v')]
        return ('InceptionV1/Logits/Predictions/Reshape_1' if version == '1'
                else 'InceptionV%s/Predictions/Reshape_1' % version,
                'InceptionV%s/Logits/Conv2d_%s_1x1' % (version, '0c' if version == '1' else '1c'))
    if name.startswith('resnet_v'):
        return name + '/predictions/Reshape_1', name + '/logits'
    if name.startswith('mobilenet_v'):
        scope = 'MobilenetV' + name[len('mobilenet_v')]
        return scope + '/Predictions/Reshape_1', scope + '/Logits/Conv2d_1c_1x1'
    return name + '/fc8/squeezed', name + '/fc8'


def slim_output(name):
    return _slim_ends(name)[0]


def slim_logits(name):
    return _slim_ends(name)[1]


def slim_preprocessing(name):
    """The preprocessing each net was trained with, as OpenVINO's docs give it for TF-Slim nets: 'inception'
    ((x/255 - 0.5) * 2, i.e. mean 127.5 scale 127.5) for inception, mobilenet, nasnet and resnet_v2; 'vgg' (x minus
    the ImageNet channel means) for vgg and resnet_v1, and for alexnet_v2 and overfeat (research/slim trains them
    with vgg_preprocessing too)."""
    return 'vgg' if name.startswith(('vgg', 'resnet_v1', 'alexnet', 'overfeat')) else 'inception'


def slim_inference_graph(name, seed=None, weight_decay=0.0):
    """export_inference_graph.py --model_name=NAME: returns the tf.Graph (not yet serialized). The export script
    sets no random seed; the frozen variants pass one so that their random weights are reproducible. weight_decay
    None builds the net under its arg scope's defaults, as a training script does (an L2 regularization loss per
    weight: sinks that no input reaches)."""
    tf = _tf1_graph_mode()
    network_fn = _network_fn(name, weight_decay)
    graph = tf.Graph()
    with graph.as_default():
        if seed is not None:
            tf.compat.v1.set_random_seed(seed)
        image_size = network_fn.default_image_size
        placeholder = tf.compat.v1.placeholder(name='input', dtype=tf.float32,
                                               shape=[None, image_size, image_size, 3])
        network_fn(placeholder)
    return graph


def make_slim_inference_graph(name):
    def make(path):
        write_graph_def(slim_inference_graph(name).as_graph_def(), path)
    return make


def make_slim_frozen(name):
    """The inference graph with variables initialized from random values (fixed seed), frozen with
    tf.compat.v1.graph_util.convert_variables_to_constants to the net's output."""
    def make(path):
        tf = _tf1_graph_mode()
        graph = slim_inference_graph(name, SEED)
        with graph.as_default(), tf.compat.v1.Session(graph=graph) as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            frozen = tf.compat.v1.graph_util.convert_variables_to_constants(
                sess, graph.as_graph_def(), [slim_output(name)])
        write_graph_def(frozen, path)
    return make


def make_slim_frozen_streaming(name):
    """Memory-efficient freezing for big nets (vgg_16: 138M parameters, ~550 MB): the same graph as
    convert_variables_to_constants gives (extract_sub_graph to the output, each VariableV2 replaced by a Const of
    the same name and dtype), with random values drawn by numpy (fixed seed), written node by node straight to
    the file (a GraphDef is `repeated NodeDef node = 1` then `VersionDef versions = 4`), so that at most one
    variable's values are in memory at a time."""
    def make(path):
        tf = _tf1_graph_mode()
        import numpy as np
        graph_def = slim_inference_graph(name, SEED).as_graph_def()
        sub = tf.compat.v1.graph_util.extract_sub_graph(graph_def, [slim_output(name)])
        rng = np.random.default_rng(SEED)
        with open(path, 'wb') as f:
            for node in sub.node:
                if node.op in ('VariableV2', 'Variable'):
                    dims = [d.size for d in node.attr['shape'].shape.dim]
                    dtype = tf.as_dtype(node.attr['dtype'].type).as_numpy_dtype
                    if node.name.endswith(('/moving_variance', '/gamma')):
                        values = np.ones(dims, dtype=dtype)  # as their initializers; keeps batch norm finite
                    else:
                        values = rng.standard_normal(size=dims, dtype=np.float32)
                        values *= 0.01
                        values = values.astype(dtype, copy=False)
                    # what tensor_util.make_tensor_proto(values) gives, without its extra copies
                    const = tf.compat.v1.NodeDef(name=node.name, op='Const')
                    const.attr['dtype'].CopyFrom(node.attr['dtype'])
                    tensor = const.attr['value'].tensor
                    tensor.dtype = node.attr['dtype'].type
                    tensor.tensor_shape.CopyFrom(node.attr['shape'].shape)
                    tensor.tensor_content = values.tobytes()
                    del values
                    data = const.SerializeToString(deterministic=True)
                    del const, tensor
                else:
                    data = node.SerializeToString(deterministic=True)
                f.write(_field_header(1, len(data)))
                f.write(data)
                del data
            versions = sub.versions.SerializeToString(deterministic=True)
            f.write(_field_header(4, len(versions)))
            f.write(versions)
    return make


def _varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def _field_header(field, length):
    return _varint(field << 3 | 2) + _varint(length)


# --------------------------------------------------------------------------------------------------------------
# A small conv net (TF-Slim layers), for the frozen / text / meta+checkpoint / TF1 SavedModel files
# --------------------------------------------------------------------------------------------------------------

SMALL_OUTPUT = 'SmallNet/Predictions/Reshape_1'


def small_net(tf, images):
    slim = _slim()
    with tf.compat.v1.variable_scope('SmallNet'):
        with slim.arg_scope([slim.conv2d], padding='SAME', activation_fn=tf.nn.relu):
            net = slim.conv2d(images, 8, [3, 3], scope='conv1')
            net = slim.max_pool2d(net, [2, 2], scope='pool1')
            net = slim.conv2d(net, 16, [3, 3], scope='conv2')
            net = slim.max_pool2d(net, [2, 2], scope='pool2')
            net = slim.flatten(net, scope='flatten')
            logits = slim.fully_connected(net, 10, activation_fn=None, scope='logits')
            predictions = slim.softmax(logits, scope='Predictions')
    return logits, predictions


def small_graph():
    """Returns (graph, input, logits, predictions), variables not yet initialized, graph-level seed set."""
    tf = _tf1_graph_mode()
    graph = tf.Graph()
    with graph.as_default():
        tf.compat.v1.set_random_seed(SEED)
        images = tf.compat.v1.placeholder(tf.float32, [None, 32, 32, 3], name='input')
        logits, predictions = small_net(tf, images)
    return graph, images, logits, predictions


def small_frozen_graph_def():
    tf = _tf1_graph_mode()
    graph, _, _, _ = small_graph()
    with graph.as_default(), tf.compat.v1.Session(graph=graph) as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        return tf.compat.v1.graph_util.convert_variables_to_constants(sess, graph.as_graph_def(), [SMALL_OUTPUT])


def make_small_frozen(path):
    write_graph_def(small_frozen_graph_def(), path)


def make_small_pbtxt(path):
    tf = _tf1_graph_mode()
    path = Path(path)
    tf.io.write_graph(small_frozen_graph_def(), str(path.parent), path.name, as_text=True)


def make_small_inference_graph(path):
    """The small net exported like export_inference_graph.py does (variables, no Saver): the graph for
    --input_model small_inference_graph.pb --input_checkpoint small (the checkpoint of small.meta)."""
    graph, _, _, _ = small_graph()
    write_graph_def(graph.as_graph_def(), path)


def make_small_meta(path):
    """small.meta + small.index + small.data-00000-of-00001 + checkpoint, by tf.compat.v1.train.Saver.save
    on the initialized small net (the files a TF1 training script leaves)."""
    tf = _tf1_graph_mode()
    path = Path(path)
    graph, _, _, _ = small_graph()
    with graph.as_default():
        init = tf.compat.v1.global_variables_initializer()
        saver = tf.compat.v1.train.Saver(save_relative_paths=True)
        with tf.compat.v1.Session(graph=graph) as sess:
            sess.run(init)
            saver.save(sess, str(path.with_suffix('')))  # writes PREFIX.meta, .index, .data-*, checkpoint


def make_save_restore(path):
    """The small net with a tf.compat.v1.train.Saver (save/restore subgraph) and the init op in the graph,
    written with as_graph_def (not frozen)."""
    tf = _tf1_graph_mode()
    graph, _, _, _ = small_graph()
    with graph.as_default():
        tf.compat.v1.global_variables_initializer()
        tf.compat.v1.train.Saver()
    write_graph_def(graph.as_graph_def(), path)


def make_saved_model_tf1(path):
    """TF1 SavedModel via tf.compat.v1.saved_model.Builder, tag 'serve', signature 'serving_default' (predict)
    with input key 'images' (placeholder named 'input') and output keys 'scores' and 'logits'."""
    tf = _tf1_graph_mode()
    path = Path(path)
    if path.exists():
        shutil.rmtree(path)
    graph, images, logits, predictions = small_graph()
    with graph.as_default():
        with tf.compat.v1.Session(graph=graph) as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            builder = tf.compat.v1.saved_model.Builder(str(path))
            signature = tf.compat.v1.saved_model.predict_signature_def(
                inputs={'images': images}, outputs={'scores': predictions, 'logits': logits})
            builder.add_meta_graph_and_variables(
                sess, [tf.compat.v1.saved_model.SERVING],
                signature_def_map={tf.compat.v1.saved_model.DEFAULT_SERVING_SIGNATURE_DEF_KEY: signature})
            builder.save()


def make_saved_model_tf1_multi(path):
    """TF1 SavedModel (Builder) with two inputs and three outputs. Placeholders are created as `b_in` then `a_in`;
    the signature maps input keys 'y' -> b_in, 'x' -> a_in (key order is not creation order) and output keys 'total' (a sink), 'diff' (a sink) and
    'hidden' (consumed by 'total'). The graph also holds nodes that no signature output needs."""
    tf = _tf1_graph_mode()
    path = Path(path)
    if path.exists():
        shutil.rmtree(path)
    graph = tf.Graph()
    with graph.as_default():
        tf.compat.v1.set_random_seed(SEED)
        b_in = tf.compat.v1.placeholder(tf.float32, [None, 2], name='b_in')
        a_in = tf.compat.v1.placeholder(tf.float32, [None, 2], name='a_in')
        w = tf.compat.v1.get_variable('w', [2], initializer=tf.compat.v1.random_normal_initializer())
        hidden = tf.multiply(a_in, w, name='hidden')
        total = tf.add(hidden, b_in, name='total')
        diff = tf.subtract(b_in, a_in, name='diff')
        tf.square(diff, name='unused_square')
        with tf.compat.v1.Session(graph=graph) as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            builder = tf.compat.v1.saved_model.Builder(str(path))
            signature = tf.compat.v1.saved_model.predict_signature_def(
                inputs={'y': b_in, 'x': a_in}, outputs={'total': total, 'diff': diff, 'hidden': hidden})
            builder.add_meta_graph_and_variables(
                sess, [tf.compat.v1.saved_model.SERVING],
                signature_def_map={tf.compat.v1.saved_model.DEFAULT_SERVING_SIGNATURE_DEF_KEY: signature})
            builder.save()


def make_saved_model_tf2(path):
    """TF2 SavedModel of a small Keras functional model, saved by tf.saved_model.save: tag 'serve', signature
    'serving_default' (input key = the Input layer's name, output key = the last layer's name). The model is
    built with tf_keras (Keras 2, what tf.keras was up to TF 2.15), whose SavedModel is byte-for-byte reproducible;
    Keras 3's model.export() is not (it orders an internal variable list by object identity)."""
    tf = _tf()
    import tf_keras as keras
    path = Path(path)
    if path.exists():
        shutil.rmtree(path)
    keras.utils.set_random_seed(SEED)
    inputs = keras.Input(shape=(32, 32, 3), name='image')
    x = keras.layers.Conv2D(8, 3, activation='relu', name='conv1')(inputs)
    x = keras.layers.GlobalAveragePooling2D(name='gap')(x)
    outputs = keras.layers.Dense(10, activation='softmax', name='probs')(x)
    model = keras.Model(inputs, outputs, name='small_keras')
    tf.saved_model.save(model, str(path))


def make_saved_model_tf2_multi(path):
    """TF2 SavedModel of a tf.Module by tf.saved_model.save, a serving_default signature with two inputs (argument
    names differ from the TensorSpec names) and a dict of three outputs whose keys are not in sorted order."""
    tf = _tf()
    path = Path(path)
    if path.exists():
        shutil.rmtree(path)
    tf.random.set_seed(SEED)

    class Multi(tf.Module):
        def __init__(self):
            super().__init__(name='multi')
            self.w = tf.Variable(tf.random.stateless_normal([4, 3], seed=[1, 2]), name='w')
            self.b = tf.Variable(tf.zeros([3]), name='b')

        @tf.function(input_signature=[tf.TensorSpec([None, 4], tf.float32, name='values'),
                                      tf.TensorSpec([None], tf.int64, name='indices')])
        def serve(self, zeta_features, alpha_ids):
            scores = tf.matmul(zeta_features, self.w) + self.b
            return {'scores': scores,
                    'count': tf.size(alpha_ids),
                    'best': tf.argmax(scores, axis=1)}

    module = Multi()
    tf.saved_model.save(module, str(path), signatures={'serving_default': module.serve.get_concrete_function()})


def make_saved_model_tf2_calls(path):
    """TF2 SavedModel of a tf.Module whose serving function calls other tf.functions (nested
    StatefulPartitionedCall and PartitionedCall in the function library, one returning two tensors), reads a variable,
    takes later outputs of ops with list outputs (tf.split: Split and SplitV, tf.unstack: Unpack, tf.identity_n:
    IdentityN; a function body names them `split:output:2`), and has control dependencies: what inlining function
    bodies must handle."""
    tf = _tf()
    path = Path(path)
    if path.exists():
        shutil.rmtree(path)
    tf.random.set_seed(SEED)

    class Calls(tf.Module):
        def __init__(self):
            super().__init__(name='calls')
            self.w = tf.Variable(tf.random.stateless_normal([6, 6], seed=[3, 4]), name='w')

        @tf.function
        def halves(self, x):
            first, second, third = tf.split(x, 3, axis=1)
            second, third = tf.identity_n([second, third])
            return second * 2.0 + third, first

        @tf.function
        def scale(self, x):
            rows = tf.unstack(tf.reshape(x, [-1, 3, 2]), axis=1)
            head, tail = tf.split(tf.concat([rows[2], rows[1], rows[0]], axis=1), [2, -1], axis=1)
            return tf.concat([tail, head], axis=1) * 0.5

        @tf.function(input_signature=[tf.TensorSpec([None, 6], tf.float32, name='x')])
        def serve(self, x):
            mixed = tf.matmul(x, self.w)
            with tf.control_dependencies([tf.debugging.assert_all_finite(mixed, 'finite')]):
                mixed = tf.identity(mixed)
            low, first = self.halves(mixed)
            return {'out': self.scale(tf.concat([low, first, low], axis=1)) + 1.0}

    module = Calls()
    tf.saved_model.save(module, str(path), signatures={'serving_default': module.serve.get_concrete_function()})


# --------------------------------------------------------------------------------------------------------------
# Hand-made graphs for the corner cases of input/output detection
# --------------------------------------------------------------------------------------------------------------

def _graph(build):
    tf = _tf1_graph_mode()
    graph = tf.Graph()
    with graph.as_default():
        tf.compat.v1.set_random_seed(SEED)
        build(tf)
    return graph.as_graph_def()


def make_two_inputs_two_outputs(path):
    def build(tf):
        a = tf.compat.v1.placeholder(tf.float32, [None, 4], name='input_a')
        b = tf.compat.v1.placeholder(tf.float32, [None, 4], name='input_b')
        tf.add(a, b, name='sum')
        tf.multiply(a, b, name='product')
    write_graph_def(_graph(build), path)


def make_placeholder_with_default(path):
    def build(tf):
        x = tf.compat.v1.placeholder(tf.float32, [None, 8], name='input')
        keep_prob = tf.compat.v1.placeholder_with_default(tf.constant(1.0), shape=[], name='keep_prob')
        tf.compat.v1.placeholder_with_default(tf.constant([1, 2, 3]), shape=[None], name='unused_default')
        tf.multiply(x, keep_prob, name='output')
    write_graph_def(_graph(build), path)


def make_is_training_bool(path):
    """A bool placeholder `is_training` (scalar) feeding v1 control flow (tf.cond: Switch/Merge, also inside
    slim.batch_norm) and a Select (tf.compat.v1.where)."""
    def build(tf):
        slim = _slim()
        x = tf.compat.v1.placeholder(tf.float32, [None, 8, 8, 3], name='input')
        is_training = tf.compat.v1.placeholder(tf.bool, [], name='is_training')
        net = slim.conv2d(x, 4, [3, 3], normalizer_fn=slim.batch_norm,
                          normalizer_params={'is_training': is_training}, scope='conv')
        net = tf.compat.v1.cond(is_training, lambda: tf.nn.dropout(net, rate=0.5), lambda: tf.identity(net),
                                name='dropout')
        doubled = tf.multiply(net, 2.0, name='doubled')
        net = tf.compat.v1.where(is_training, doubled, net, name='select')
        tf.reduce_mean(net, axis=[1, 2], name='output')
    write_graph_def(_graph(build), path)


def make_cond_v2(path):
    """tf.cond with control flow v2 in a TF1-style graph: an If/StatelessIf node whose branches live in the
    GraphDef's function library."""
    def build(tf):
        tf.compat.v1.enable_control_flow_v2()
        x = tf.compat.v1.placeholder(tf.float32, [None, 4], name='input')
        flag = tf.compat.v1.placeholder(tf.bool, [], name='is_training')
        y = tf.cond(flag, lambda: x * 2.0, lambda: x - 1.0, name='branch')
        tf.identity(y, name='output')
    write_graph_def(_graph(build), path)


def make_while_loop(path):
    """A v1 while loop (Enter/Merge/Switch/Exit/NextIteration: a cycle through the NextIteration back edge)."""
    def build(tf):
        x = tf.compat.v1.placeholder(tf.float32, [None, 4], name='input')
        n = tf.compat.v1.placeholder(tf.int32, [], name='steps')
        _, y = tf.compat.v1.while_loop(lambda i, v: i < n, lambda i, v: (i + 1, v * 0.5 + 1.0),
                                       [tf.constant(0), x], name='loop')
        tf.identity(y, name='output')
    write_graph_def(_graph(build), path)


DTYPE_PLACEHOLDERS = [
    # name, dtype, shape (None = unknown rank), consumed by an Identity?
    ('scalar_int32', 'int32', [], True),
    ('image_uint8', 'uint8', [None, None, 3], True),
    ('mask_bool', 'bool', [None], False),
    ('text_string', 'string', None, True),
    ('half_float16', 'float16', [2, 3], False),
    ('ids_int64', 'int64', [None], True),
    ('matrix_float64', 'float64', [None, None], False),
    ('empty_dim_float32', 'float32', [None, 0], True),
    ('int8', 'int8', [1], False),
    ('int16', 'int16', [1, 2, 3, 4, 5], True),
    ('uint16', 'uint16', [7], False),
    ('uint32', 'uint32', [None], False),
    ('uint64', 'uint64', [None], False),
    ('bfloat16', 'bfloat16', [None, 16], False),
    ('complex64', 'complex64', [3], False),
    ('complex128', 'complex128', [], False),
    ('qint8', 'qint8', [None], False),
    ('quint8', 'quint8', [None], False),
    ('qint32', 'qint32', [None], False),
    ('big_dims', 'float32', [None, 1000000, 2147483647], False),
]


def make_dtypes_shapes(path):
    """Placeholders of many dtypes and shapes: scalar, unknown rank, 1-D (None,), partially known (None,None,3),
    fully known, a zero dimension; plus `no_shape_attr`, a float32 Placeholder whose `shape` attr was removed
    from the GraphDef. Some are consumed (by an Identity named <name>_out), the others are consumed by nothing."""
    def build(tf):
        for name, dtype, shape, consumed in DTYPE_PLACEHOLDERS:
            p = tf.compat.v1.placeholder(tf.as_dtype(dtype), shape, name=name)
            if consumed:
                tf.identity(p, name=name + '_out')
        p = tf.compat.v1.placeholder(tf.float32, None, name='no_shape_attr')
        tf.identity(p, name='no_shape_attr_out')
    graph_def = _graph(build)
    for node in graph_def.node:
        if node.name == 'no_shape_attr':
            del node.attr['shape']
    write_graph_def(graph_def, path)


def make_shuffled_order(path):
    """A graph whose GraphDef node order is a random permutation (fixed seed), not topological: consumers come
    before their producers. Three placeholders, three outputs, a diamond and a control edge."""
    import random

    def build(tf):
        c = tf.compat.v1.placeholder(tf.float32, [None, 2], name='in_c')
        a = tf.compat.v1.placeholder(tf.float32, [None, 2], name='in_a')
        b = tf.compat.v1.placeholder(tf.float32, [None, 2], name='in_b')
        ab = tf.add(a, b, name='ab')
        left = tf.nn.relu(ab, name='left')
        right = tf.sigmoid(ab, name='right')
        diamond = tf.multiply(left, right, name='diamond')
        tf.identity(diamond, name='out_z')
        with tf.control_dependencies([left]):
            tf.subtract(c, a, name='out_y')
        tf.add_n([c, diamond, tf.constant([[1.0, 2.0]], name='k')], name='out_x')
        tf.abs(b, name='out_w')
    graph_def = _graph(build)
    nodes = list(graph_def.node)
    random.Random(SEED).shuffle(nodes)
    del graph_def.node[:]
    graph_def.node.extend(nodes)
    write_graph_def(graph_def, path)


def make_control_dep_only(path):
    """`side_effect` is consumed only through a control dependency (^side_effect) of `output`; `grouped` NoOp
    (tf.group) consumes two nodes by control edges only; `checked` depends on an Assert."""
    def build(tf):
        x = tf.compat.v1.placeholder(tf.float32, [None, 4], name='input')
        side = tf.multiply(x, 2.0, name='side_effect')
        with tf.control_dependencies([side]):
            out = tf.identity(x, name='output')
        also = tf.add(x, 1.0, name='also_control_only')
        tf.group(also, out, name='grouped')
        check = tf.debugging.Assert(tf.reduce_all(tf.math.is_finite(x)), [x], name='finite')
        with tf.control_dependencies([check]):
            tf.identity(x, name='checked')
    write_graph_def(_graph(build), path)


def make_unlikely_names(path):
    """Nodes whose op type is not in summarize_graph's unlikely_output_types but whose last name component is
    (foo/NoOp is an Identity, bar/Assert an Add, ...), plus real NoOp/Assert/Const/Assign nodes and near misses."""
    def build(tf):
        x = tf.compat.v1.placeholder(tf.float32, [None, 4], name='input')
        tf.identity(x, name='foo/NoOp')
        tf.add(x, 1.0, name='bar/Assert')
        tf.identity(x, name='Const')
        tf.identity(x, name='baz/Parameter')
        tf.identity(x, name='qux/Assign')
        tf.identity(x, name='NoOp_1')
        tf.identity(x, name='foo/noop')
        tf.identity(x, name='Assert/kept')
        tf.identity(x, name='Placeholder')
        tf.constant(3.0, name='dangling_const')
        tf.no_op(name='real_noop')
        tf.debugging.Assert(tf.constant(True), [x], name='real_assert').mark_used()
        v = tf.compat.v1.get_variable('var', [4], initializer=tf.compat.v1.zeros_initializer())
        tf.compat.v1.assign(v, tf.ones([4]), name='assign_op')
        tf.identity(x, name='output')
    write_graph_def(_graph(build), path)


# --------------------------------------------------------------------------------------------------------------
# Files that are not TensorFlow models
# --------------------------------------------------------------------------------------------------------------

def make_onnx(path):
    """A tiny real ONNX model (Relu), made with onnx.helper and checked with onnx.checker."""
    import onnx
    from onnx import TensorProto, helper
    graph = helper.make_graph(
        [helper.make_node('Relu', ['x'], ['y'], name='relu')], 'tiny',
        [helper.make_tensor_value_info('x', TensorProto.FLOAT, [1, 4])],
        [helper.make_tensor_value_info('y', TensorProto.FLOAT, [1, 4])])
    model = helper.make_model(graph, producer_name='tfir-make_models', opset_imports=[helper.make_opsetid('', 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, str(path))


def make_tflite(path):
    """A TFLite flatbuffer converted by tf.lite.TFLiteConverter from a tiny tf.function."""
    tf = _tf()

    class Tiny(tf.Module):
        @tf.function(input_signature=[tf.TensorSpec([1, 4], tf.float32, name='x')])
        def __call__(self, x):
            return tf.nn.relu(x * 2.0 + 1.0)

    module = Tiny()
    converter = tf.lite.TFLiteConverter.from_concrete_functions([module.__call__.get_concrete_function()], module)
    Path(path).write_bytes(converter.convert())


def make_keras_h5(path):
    """A tiny Keras model saved in the legacy HDF5 format (.h5)."""
    _tf()
    import keras
    keras.utils.set_random_seed(SEED)
    model = keras.Sequential([keras.Input(shape=(4,), name='x'), keras.layers.Dense(2, name='dense')], name='tiny')
    model.save(str(path))


def make_not_pbtxt(path):
    Path(path).write_text('This is a plain text file.\nIt is not a TensorFlow GraphDef in text format: no node {\n'
                          'block, just words = and numbers 1 2 3.\n')


def make_truncated(path):
    """The first 1000 bytes of small_frozen.pb (a protobuf cut in the middle of a node)."""
    Path(path).write_bytes(small_frozen_graph_def().SerializeToString(deterministic=True)[:1000])


def make_random_bytes(path):
    import random
    Path(path).write_bytes(random.Random(SEED).randbytes(4096))


def make_empty(path):
    Path(path).write_bytes(b'')


# --------------------------------------------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------------------------------------------

class Model:
    def __init__(self, name, group, make, extra=()):
        self.name = name        # file (or directory) name
        self.group = group      # small | bad | big
        self.make = make
        self.extra = extra      # other files the generator writes beside it

    def default_dir(self):
        if self.group == 'small':
            return REPO / MODELS_DIR
        if self.group == 'bad':
            return REPO / BAD_DIR
        return Path(os.environ.get('TFIR_BIG', REPO / 'target' / 'big-models'))


MODELS = [
    Model('inception_v1_inference_graph.pb', 'small', make_slim_inference_graph('inception_v1')),
    Model('resnet_v1_50_inference_graph.pb', 'small', make_slim_inference_graph('resnet_v1_50')),
    Model('vgg_16_inference_graph.pb', 'small', make_slim_inference_graph('vgg_16')),
    Model('small_frozen.pb', 'small', make_small_frozen),
    Model('small.pbtxt', 'small', make_small_pbtxt),
    Model('small_inference_graph.pb', 'small', make_small_inference_graph),
    Model('small.meta', 'small', make_small_meta, extra=('small.index', 'small.data-00000-of-00001', 'checkpoint')),
    Model('save_restore.pb', 'small', make_save_restore),
    Model('saved_model_tf1', 'small', make_saved_model_tf1),
    Model('saved_model_tf1_multi', 'small', make_saved_model_tf1_multi),
    Model('saved_model_tf2', 'small', make_saved_model_tf2),
    Model('saved_model_tf2_multi', 'small', make_saved_model_tf2_multi),
    Model('saved_model_tf2_calls', 'small', make_saved_model_tf2_calls),
    Model('two_inputs_two_outputs.pb', 'small', make_two_inputs_two_outputs),
    Model('placeholder_with_default.pb', 'small', make_placeholder_with_default),
    Model('is_training_bool.pb', 'small', make_is_training_bool),
    Model('cond_v2.pb', 'small', make_cond_v2),
    Model('while_loop.pb', 'small', make_while_loop),
    Model('dtypes_shapes.pb', 'small', make_dtypes_shapes),
    Model('shuffled_order.pb', 'small', make_shuffled_order),
    Model('control_dep_only.pb', 'small', make_control_dep_only),
    Model('unlikely_names.pb', 'small', make_unlikely_names),
    Model('tiny.onnx', 'bad', make_onnx),
    Model('tiny.tflite', 'bad', make_tflite),
    Model('tiny_keras.h5', 'bad', make_keras_h5),
    Model('not_a_graph.txt', 'bad', make_not_pbtxt),
    Model('truncated.pb', 'bad', make_truncated),
    Model('random_bytes.pb', 'bad', make_random_bytes),
    Model('empty.pb', 'bad', make_empty),
    Model('inception_v1_frozen.pb', 'big', make_slim_frozen('inception_v1')),
    Model('vgg_16_frozen.pb', 'big', make_slim_frozen_streaming('vgg_16')),
]
BY_NAME = {m.name: m for m in MODELS}


def _lookup(name):
    if name in BY_NAME:
        return BY_NAME[name]
    stems = [m for m in MODELS if m.name.split('.')[0] == name]
    if len(stems) == 1:
        return stems[0]
    sys.exit('make_models.py: unknown model %r (see --list)' % name)


def run_worker(name, out_path):
    model = BY_NAME[name]
    model.make(out_path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--out', help='write the selected models flat into this directory '
                                      '(default: their own places: testdata/models, testdata/bad, or '
                                      '${TFIR_BIG:-target/big-models} for --big)')
    parser.add_argument('--only', help='comma-separated model names (file names, with or without extension)')
    parser.add_argument('--big', action='store_true', help='make the big (uncommitted) models instead')
    parser.add_argument('--list', action='store_true', help='list the models and exit')
    parser.add_argument('--worker', nargs=2, metavar=('NAME', 'PATH'), help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        run_worker(*args.worker)
        return

    if args.list:
        for m in MODELS:
            print('%-34s %-5s %s%s' % (m.name, m.group, os.path.relpath(m.default_dir() / m.name, REPO),
                                       ' (+ %s)' % ', '.join(m.extra) if m.extra else ''))
        return

    import importlib.util
    if importlib.util.find_spec('tensorflow') is None:
        # not the venv: run again with ${TFIR_VENV:-<repo>/.venv}/bin/python (tools/python/venv.sh makes it)
        venv = Path(os.environ.get('TFIR_VENV', REPO / '.venv'))
        python = venv / 'bin' / 'python'
        if not python.exists() or Path(sys.prefix).resolve() == venv.resolve():
            sys.exit('make_models.py: no TensorFlow in %s; run tools/python/venv.sh' % sys.executable)
        os.execv(str(python), [str(python), str(Path(__file__).resolve())] + sys.argv[1:])

    if args.only:
        selected = [_lookup(n.strip()) for n in args.only.split(',') if n.strip()]
        if args.big:
            selected = [m for m in selected if m.group == 'big']
    else:
        selected = [m for m in MODELS if (m.group == 'big') == args.big]

    # quiet workers: TensorFlow's start-up noise (CUDA factory messages, deprecation warnings) is not news here
    env = dict(os.environ, PYTHONHASHSEED='0', TF_CPP_MIN_LOG_LEVEL='3', PYTHONWARNINGS='ignore',
               CUDA_VISIBLE_DEVICES='-1')
    for m in selected:
        out_dir = Path(args.out) if args.out else m.default_dir()
        out_dir.mkdir(parents=True, exist_ok=True)
        out_path = out_dir / m.name
        start = time.time()
        # a fresh process per model: TensorFlow keeps global state (name uids, eager/graph mode)
        subprocess.run([sys.executable, str(Path(__file__).resolve()), '--worker', m.name, str(out_path)],
                       env=env, check=True)
        if m.name == 'inception_v1_inference_graph.pb' and not args.out:
            (REPO / EXAMPLE).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(out_path, REPO / EXAMPLE)
        print('made %s (%.1fs)' % (os.path.relpath(out_path, os.getcwd()), time.time() - start), flush=True)


if __name__ == '__main__':
    main()
