#!/usr/bin/env python3
"""Generate the models of the convert conformance suite (conformance/convert/) with real TensorFlow.

Each model is made by TensorFlow itself in a fresh Python process, with fixed seeds:
  inception_v1_frozen.pb, resnet_v1_50_frozen.pb
      TF-Slim inference graphs as export_inference_graph.py writes them (make_models.slim_inference_graph: input
      `input` float32 [None, 224, 224, 3]), with random weights calibrated like a trained net's (see
      make_slim_frozen), frozen with convert_variables_to_constants to the net's output; beside each, with the
      same weights, the seed's form: NAME_inference_graph.pb, NAME.ckpt (a V1 checkpoint, as TF-Slim's downloads
      are) and NAME_v2.ckpt (a V2 checkpoint: NAME_v2.ckpt.index + NAME_v2.ckpt.data-00000-of-00001).
  arg_scope/NAME_frozen.pb (with the same inference graph + V1 and V2 checkpoints beside it)
      inception_v1, resnet_v1_50 and mobilenet_v1_1.0_224 as above, but built under the net's default arg scope
      (inception_v1_arg_scope(): weight decay 4e-5...), as a training script builds them: the inference graph then
      has an L2 regularization loss per weight (`.../Regularizer/l2_regularizer`), sinks no input reaches.
  unsupported_ops.pb (committed under testdata/convert/)
      a small graph with op types that no converter translates (tf.raw_ops.Igamma twice, Zeta once) among
      supported ones: conversion must fail and list them all.
  ops_zoo.pb (committed under testdata/convert/)
      one frozen graph holding every op family the converter translates, for the Java tests and a quick run in
      OpenVINO.
  tiny_constants.pb (committed under testdata/convert/)
      constants f16 cannot hold (3e-8, 1e7) and constant subexpressions (Mul of Consts, Sqrt of an Add of Consts)
      that fold to values it can or cannot hold: FP16 compression must keep the output.
  softsign.pb (committed under testdata/convert/)
      input `input` float32 [None, 6] -> x * 4 -> Softsign -> `output`: the op added by the op table's new form
      (issue 15), in the convert suite's IO_CASES.
  iterator_input.pb (committed under testdata/convert/)
      a graph frozen with its tf.data pipeline: IteratorGetNext's features [None, 5] and scales [None] ->
      relu(features w) * scales -> `out`; its iterator outputs are the inputs (convert suite's IO_CASES).
  queue_input.pb, queue_up_to_input.pb (committed under testdata/convert/)
      graphs frozen with their TF1 queue input pipelines: tf.compat.v1.train.shuffle_batch (RandomShuffleQueueV2 ->
      QueueDequeueManyV2: images [2, 5], int32 labels [2]) with a FIFOQueue's single dequeue (a scalar scale), and
      tf.compat.v1.train.batch with allow_smaller_final_batch (FIFOQueueV2 -> QueueDequeueUpToV2: [None, 5]); the
      dequeued tensors are the inputs (convert suite's IO_CASES).
  tiny_slim_inference_graph.pb, tiny_slim.ckpt (committed under testdata/convert/)
      a tiny TF-Slim net (conv, batch norm, pooling, a 1x1 logits conv, softmax) built under an arg scope with
      weight decay, as the seed's inference graph + V1 checkpoint; the build's start-up training runs convert on it
      (dist/class-lists.sh), so the class-data archive holds the classes of the seed's path.
  grouped_conv_frozen.pb, grouped_conv_saved_model/ (committed under testdata/convert/)
      a Keras model of grouped convolutions (Conv2D with groups > 1: SAME, VALID with strides, dilated, one group
      per channel; Conv1D with groups), frozen as make_keras_models.py freezes the Keras applications (the grouped
      convolutions stay PartitionedCalls of XLA functions) and as a TF2 SavedModel.
  embedding_saved_model/ (committed under testdata/convert/)
      a Keras Embedding (int32 `tokens` [None, 6]) and a ResourceGather with batch_dims 1 (`picks` [4, 5]) from
      resource variables: the ops a SavedModel reads its tables with.
  conv_transpose_saved_model/, conv_transpose_dynamic_saved_model/ (committed under testdata/convert/)
      Keras Conv2DTranspose (SAME, VALID with output_padding) of dynamic batch, input [None, 8, 8, 4] and
      [None, None, None, 4]: input_sizes is a Pack of the run-time batch (and size), not a constant.
  keras3_export_saved_model/, keras3_archive_saved_model/ (committed under testdata/convert/)
      a Keras 3 model (Conv2D, BatchNormalization with trained-like statistics, DepthwiseConv2D, Dense) written by
      Keras 3's own exporters: `model.export(path, format='tf_saved_model')` and an ExportArchive with an endpoint
      `predict`. Their graphs hold three handles per variable (the trackable's, the one the signature's call
      captures, the one the save function writes) and the checkpoint names none of the captured ones: only the
      object graph (the call's bound inputs) binds them.

Usage:
  python tools/models/make_convert_models.py --out DIR [--only NAME,NAME]
  python tools/models/make_convert_models.py --list
  python tools/models/make_convert_models.py --fixtures   # rewrites the committed ones in testdata/convert/
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_models  # noqa: E402  (the shared TF set-up and TF-Slim graph builders)

REPO = make_models.REPO
SEED = make_models.SEED
FIXTURES = REPO / 'testdata' / 'convert'
COMMITTED = ('ops_zoo.pb', 'unsupported_ops.pb', 'tiny_constants.pb', 'grouped_conv_frozen.pb',
             'grouped_conv_saved_model', 'softsign.pb', 'embedding_saved_model', 'conv_transpose_saved_model',
             'conv_transpose_dynamic_saved_model', 'tiny_slim_inference_graph.pb', 'keras3_export_saved_model',
             'keras3_archive_saved_model', 'iterator_input.pb', 'queue_input.pb', 'queue_up_to_input.pb')


# The preprocessing of make_models.slim_preprocessing (as the conformance suites feed it)
PREPROCESS = {'inception': lambda images: (images / 255.0 - 0.5) * 2.0,
              'vgg': lambda images: images - [123.68, 116.78, 103.94]}
CALIBRATION_IMAGES = 8
LOGITS_STD = 2.0
# The range of the batch norms' random beta (in units of the normalized input's standard deviation). Centred on 0,
# half the ReLUs of every layer cut: deep random nets are then chaotic (inception_v4 moved TensorFlow's own output by
# 2.3e-3 for images scaled by 1 + 1e-6), which no trained net is. Positive, most units pass their input on and the
# nets are as stable as trained ones (1.2e-5 there).
BATCH_NORM_OFFSETS = (0.5, 1.0)


def make_slim_frozen(name, checkpoint=False, saved_model=False, weight_decay=0.0):
    """The TF-Slim inference graph with random weights, calibrated like a trained net so that outputs are
    meaningful to compare: each batch norm's moving mean and variance are those of its input on random images
    (taken in graph order, so every layer sees normalized inputs), gamma is random around 1 and beta random in
    BATCH_NORM_OFFSETS, and the logits layer is scaled to a standard deviation of LOGITS_STD (a softmax neither flat nor saturated). Frozen.
    With `checkpoint`, the same weights also as the seed's files beside it: NAME_inference_graph.pb (as
    export_inference_graph.py writes it), NAME.ckpt (a V1 checkpoint, as TF-Slim's downloads are) and
    NAME_v2.ckpt (a V2 checkpoint by tf.compat.v1.train.Saver(write_version=V2): .index + .data-00000-of-00001).
    With `saved_model`, also NAME_saved_model/: a TF1 SavedModel (tf.compat.v1.saved_model.Builder, tag serve,
    signature serving_default with input `images` and output `predictions`, the frozen graph's output).
    weight_decay None builds the net under its arg scope's defaults (make_models.slim_inference_graph): the
    inference graph then also has the L2 regularization losses, which freezing to the output drops."""
    def make(path):
        tf = make_models._tf1_graph_mode()
        import numpy as np
        graph = make_models.slim_inference_graph(name, SEED, weight_decay)
        rng = np.random.default_rng(SEED)
        size = graph.get_tensor_by_name('input:0').shape[1]
        preprocess = PREPROCESS[make_models.slim_preprocessing(name)]
        images = preprocess(rng.uniform(0, 255, (CALIBRATION_IMAGES, size, size, 3))).astype(np.float32)
        with graph.as_default(), tf.compat.v1.Session(graph=graph) as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            variables = {v.op.name: v for v in tf.compat.v1.global_variables()}
            feed = {'input:0': images}
            for op in graph.get_operations():
                if op.type.startswith('FusedBatchNorm'):
                    _calibrate_batch_norm(sess, op, variables, feed, rng)
            scope = make_models.slim_logits(name)
            factor = LOGITS_STD / sess.run(scope + '/BiasAdd:0', feed).std()
            for part in ('weights', 'biases'):
                var = variables[scope + '/' + part]
                var.load(sess.run(var) * factor, sess)
            frozen = tf.compat.v1.graph_util.convert_variables_to_constants(
                sess, graph.as_graph_def(), [make_models.slim_output(name)])
            if checkpoint:
                directory = Path(path).parent
                make_models.write_graph_def(graph.as_graph_def(), directory / (name + '_inference_graph.pb'))
                saver = tf.compat.v1.train.Saver(write_version=tf.compat.v1.train.SaverDef.V1)
                saver.save(sess, str(directory / (name + '.ckpt')), write_meta_graph=False, write_state=False)
                saver = tf.compat.v1.train.Saver(write_version=tf.compat.v1.train.SaverDef.V2)
                saver.save(sess, str(directory / (name + '_v2.ckpt')), write_meta_graph=False, write_state=False)
            if saved_model:
                _write_saved_model(sess, graph, name, Path(path).parent / (name + '_saved_model'))
        make_models.write_graph_def(frozen, path)
    return make


def _write_saved_model(sess, graph, name, directory):
    tf = make_models._tf()
    import shutil
    shutil.rmtree(directory, ignore_errors=True)
    builder = tf.compat.v1.saved_model.Builder(str(directory))
    signature = tf.compat.v1.saved_model.predict_signature_def(
        inputs={'images': graph.get_tensor_by_name('input:0')},
        outputs={'predictions': graph.get_tensor_by_name(make_models.slim_output(name) + ':0')})
    builder.add_meta_graph_and_variables(
        sess, [tf.compat.v1.saved_model.SERVING],
        signature_def_map={tf.compat.v1.saved_model.DEFAULT_SERVING_SIGNATURE_DEF_KEY: signature})
    builder.save()


def _calibrate_batch_norm(sess, op, variables, feed, rng):
    """Inputs of FusedBatchNorm: x, scale, offset, mean, variance (the last four reads of variables or, for a
    batch norm without scale, a constant)."""
    import numpy as np
    x = sess.run(op.inputs[0], feed)
    stats = {3: x.mean(axis=(0, 1, 2)), 4: x.var(axis=(0, 1, 2)) + 1e-3}
    for index, values in stats.items():
        variables[_variable_of(op.inputs[index])].load(values.astype(np.float32), sess)
    for index, (low, high) in ((1, (0.8, 1.2)), (2, BATCH_NORM_OFFSETS)):
        name = _variable_of(op.inputs[index])
        if name in variables:
            variables[name].load(rng.uniform(low, high, x.shape[-1]).astype(np.float32), sess)


def _variable_of(tensor):
    """The variable a `.../read` identity reads (or the tensor's op name for a constant)."""
    op = tensor.op
    return op.inputs[0].op.name if op.type == 'Identity' else op.name


def make_unsupported_ops(path):
    """input [1, 4] -> Relu -> Igamma(a, x), Igamma(x, a), Zeta(x, q) -> AddN -> output."""
    def build(tf):
        x = tf.compat.v1.placeholder(tf.float32, [1, 4], name='input')
        a = tf.nn.relu(x, name='relu') + 1.0
        first = tf.raw_ops.Igamma(a=a, x=x, name='gamma_low')
        second = tf.raw_ops.Igamma(a=x, x=a, name='gamma_high')
        zeta = tf.raw_ops.Zeta(x=a + 1.0, q=a, name='zeta')
        tf.add_n([first, second, zeta], name='output')
    make_models.write_graph_def(make_models._graph(build), path)


def make_softsign(path):
    """input [None, 6] -> x * 4 (values past the knee of x / (1 + |x|)) -> Softsign -> output."""
    def build(tf):
        x = tf.compat.v1.placeholder(tf.float32, [None, 6], name='input')
        tf.nn.softsign(tf.multiply(x, 4.0, name='scaled'), name='output')
    make_models.write_graph_def(make_models._graph(build), path)


def make_iterator_input(path):
    """A graph frozen with its tf.data input pipeline (OneShotIterator -> IteratorGetNext: features [None, 5] and
    scales [None], float32): relu(features w) * scales -> `out`; the iterator's outputs are the model's inputs, as
    mo and ovc make them."""
    def build(tf):
        import numpy as np
        rng = np.random.default_rng(SEED)
        dataset = tf.data.Dataset.from_tensor_slices((np.zeros((8, 5), np.float32), np.ones(8, np.float32))).batch(2)
        features, scales = tf.compat.v1.data.make_one_shot_iterator(dataset).get_next()
        w = tf.constant(rng.standard_normal((5, 3)).astype(np.float32), name='w')
        tf.multiply(tf.nn.relu(tf.matmul(features, w)), tf.expand_dims(scales, 1), name='out')
    make_models.write_graph_def(make_models._graph(build), path)


def _pruned(graph_def, outputs):
    """The part of the graph the outputs need, as freezing leaves it (a queue's runner and enqueue ops go)."""
    tf = make_models._tf1_graph_mode()
    return tf.compat.v1.graph_util.extract_sub_graph(graph_def, outputs)


def make_queue_input(path):
    """A graph frozen with TF1 queue input pipelines (train.shuffle_batch: RandomShuffleQueueV2 -> QueueDequeueManyV2
    of images [2, 5] float32 and labels [2] int32; a FIFOQueue's dequeue of a scalar scale):
    relu(images w) * (labels + scale) -> `out`; the dequeued tensors are the model's inputs."""
    def build(tf):
        import numpy as np
        rng = np.random.default_rng(SEED)
        image = tf.zeros([5], tf.float32)
        label = tf.constant(1, tf.int32)
        images, labels = tf.compat.v1.train.shuffle_batch([image, label], batch_size=2, capacity=8,
                                                          min_after_dequeue=2, seed=SEED)
        scale_queue = tf.queue.FIFOQueue(4, [tf.float32], shapes=[[]], name='scale_queue')
        scale = scale_queue.dequeue(name='scale')
        w = tf.constant(rng.standard_normal((5, 3)).astype(np.float32), name='w')
        weights = tf.expand_dims(tf.cast(labels, tf.float32) + scale, 1)
        tf.multiply(tf.nn.relu(tf.matmul(images, w)), weights, name='out')
    make_models.write_graph_def(_pruned(make_models._graph(build), ['out']), path)


def make_queue_up_to_input(path):
    """A graph frozen with tf.compat.v1.train.batch(allow_smaller_final_batch=True) (FIFOQueueV2 ->
    QueueDequeueUpToV2: features [None, 5], the last batch may be smaller): tanh(features w) -> `out`."""
    def build(tf):
        import numpy as np
        rng = np.random.default_rng(SEED + 1)
        features = tf.compat.v1.train.batch([tf.zeros([5], tf.float32)], batch_size=4,
                                            allow_smaller_final_batch=True)
        w = tf.constant(rng.standard_normal((5, 3)).astype(np.float32), name='w')
        tf.tanh(tf.matmul(features, w), name='out')
    make_models.write_graph_def(_pruned(make_models._graph(build), ['out']), path)


def make_ops_zoo(path):
    """input [None, 16, 16, 3] float32 through every op family the converter translates, in both layouts where it
    matters (ops on NCHW-held tensors, and ops that need TensorFlow's NHWC), frozen; output `output`."""
    tf = make_models._tf1_graph_mode()
    import numpy as np
    rng = np.random.default_rng(SEED)

    def const(shape, scale=0.2):
        return tf.constant((rng.standard_normal(shape) * scale).astype(np.float32))

    graph = tf.Graph()
    with graph.as_default():
        x = tf.compat.v1.placeholder(tf.float32, [None, 16, 16, 3], name='input')
        y = tf.nn.conv2d(x, const([3, 3, 3, 8]), strides=[1, 2, 2, 1], padding='SAME', name='conv')
        y = tf.nn.bias_add(y, const([8]), name='bias')
        y, _, _ = tf.compat.v1.nn.fused_batch_norm(
            y, const([8], 1.0) + 1.0, const([8]), mean=const([8]), variance=tf.abs(const([8])) + 0.5,
            is_training=False, name='bn')
        y = tf.nn.relu6(y, name='relu6')
        left = tf.nn.max_pool2d(y, 3, 1, 'SAME', name='maxpool')
        right = tf.nn.avg_pool2d(y, 2, 1, 'SAME', name='avgpool')
        padded = tf.pad(y, [[0, 0], [1, 1], [1, 1], [0, 0]], name='pad')
        valid = tf.nn.conv2d(padded, const([3, 3, 8, 8]), strides=1, padding='VALID', name='conv_valid')
        dilated = tf.nn.conv2d(y, const([3, 3, 8, 4]), strides=1, padding=[[0, 0], [2, 2], [2, 2], [0, 0]],
                               dilations=2, name='conv_dilated_explicit')
        depthwise = tf.nn.depthwise_conv2d(y, const([3, 3, 8, 1]), [1, 1, 1, 1], 'SAME', name='depthwise')
        mirrored = tf.pad(y, [[0, 0], [1, 1], [1, 1], [0, 0]], mode='REFLECT', name='mirror_pad')
        mirrored = tf.nn.max_pool2d(mirrored, 3, 1, 'VALID', name='maxpool_valid')
        y = tf.concat([left, right, valid, dilated, depthwise, mirrored], axis=3, name='concat')
        # the unfused batch norm form (Rsqrt, Mul, Sub, Add with per-channel vectors)
        y = tf.compat.v1.nn.batch_normalization(y, const([44]), tf.abs(const([44])) + 0.5, const([44]),
                                                const([44], 1.0) + 1.0, 1e-3, name='unfused_bn')
        y = tf.nn.relu(y * const([44], 1.0) + const([44]), name='relu')
        y = tf.maximum(y, 0.1, name='maximum') - tf.minimum(y, 0.05, name='minimum')
        y = tf.math.divide(y, 2.0, name='realdiv')
        y = tf.add_n([y, tf.sigmoid(y, name='sigmoid'), tf.tanh(y, name='tanh')], name='addn')
        y = tf.nn.leaky_relu(y, 0.1, name='leaky_relu')
        channel_softmax = tf.nn.softmax(y, name='channel_softmax')
        pooled = tf.reduce_mean(channel_softmax, [1, 2], keepdims=True, name='mean')
        squeezed = tf.squeeze(pooled, [1, 2], name='squeeze')
        across_channels = tf.reduce_sum(y, 3, name='sum_channels')
        small = tf.nn.avg_pool2d(y, 4, 4, 'VALID', name='avgpool_4x4')
        flat = tf.reshape(small, [tf.shape(small)[0], -1], name='flatten')
        dense = tf.matmul(flat, const([2 * 2 * 44, 10], 0.1), name='matmul')
        nchw = tf.transpose(y, [0, 3, 1, 2], name='transpose')
        picked = tf.gather(tf.reduce_max(nchw, [2, 3], name='max_spatial'), [0, 5, 7, 9, 11, 13, 15, 17, 19, 21],
                           axis=1, name='gather')
        rows = tf.reduce_max(across_channels, [2], name='max_rows')
        rows = tf.matmul(rows, const([8, 10]), name='matmul_rows')
        logits = dense + tf.matmul(squeezed, const([44, 10])) + picked + rows
        logits = tf.expand_dims(tf.cast(tf.cast(logits, tf.float64), tf.float32), 1, name='expand_dims')
        logits = tf.identity(tf.nn.bias_add(tf.squeeze(logits, [1]), const([10])), name='logits')
        probs = tf.nn.softmax(tf.reshape(logits, [-1, 10]), name='softmax')
        tf.reshape(probs, tf.shape(logits), name='output')
    make_models.write_graph_def(graph.as_graph_def(), path)


def make_tiny_constants(path):
    """input [None, 16, 16, 3] -> x * 3e-8 * 1e7 (two Consts f16 cannot hold), plus x times a Mul of two Consts
    ([2e-9, 3e-9, 5e-9] * 1e8), plus x / sqrt([4e-10, 9e-10, 1.6e-9] + 1e-12) * 1e-5 (a constant subexpression
    that folds to values below f16's normal range) -> output."""
    def build(tf):
        x = tf.compat.v1.placeholder(tf.float32, [None, 16, 16, 3], name='input')
        chain = tf.multiply(tf.multiply(x, 3e-8, name='tiny'), 1e7, name='huge')
        scale = tf.multiply(tf.constant([2e-9, 3e-9, 5e-9]), tf.constant(1e8), name='scale')
        root = tf.sqrt(tf.constant([4e-10, 9e-10, 1.6e-9]) + tf.constant(1e-12), name='root')
        normalized = tf.multiply(x / root, 1e-5, name='normalized')
        tf.add_n([chain, x * scale, normalized], name='output')
    make_models.write_graph_def(make_models._graph(build), path)


def make_tiny_slim(path):
    """Input `input` float32 [None, 16, 16, 3] -> conv 3x3 (8, batch norm, ReLU) -> max pool -> conv 1x1 (4, the
    logits) -> mean over space -> squeeze -> softmax `predictions`, under an arg scope with weight decay 4e-5 (so
    the graph has L2 regularization sinks). Writes the inference graph at `path` and tiny_slim.ckpt (a V1
    checkpoint) beside it."""
    tf = make_models._tf1_graph_mode()
    slim = make_models._slim()
    import numpy as np
    graph = tf.Graph()
    with graph.as_default():
        tf.compat.v1.set_random_seed(SEED)
        images = tf.compat.v1.placeholder(tf.float32, [None, 16, 16, 3], name='input')
        with slim.arg_scope([slim.conv2d], weights_regularizer=slim.l2_regularizer(4e-5),
                            normalizer_fn=slim.batch_norm, normalizer_params={'is_training': False}):
            net = slim.conv2d(images, 8, [3, 3], scope='Conv2d_1')
            net = slim.max_pool2d(net, [2, 2], scope='MaxPool_2')
            net = slim.conv2d(net, 4, [1, 1], activation_fn=None, normalizer_fn=None, scope='Logits')
        net = tf.reduce_mean(net, [1, 2], name='Mean')
        tf.nn.softmax(net, name='predictions')
        with tf.compat.v1.Session(graph=graph) as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            rng = np.random.default_rng(SEED)
            for var in tf.compat.v1.global_variables():
                if 'moving_variance' in var.op.name:
                    var.load(rng.uniform(0.5, 1.5, var.shape).astype(np.float32), sess)
                elif 'moving_mean' in var.op.name or 'beta' in var.op.name:
                    var.load(rng.uniform(-0.2, 0.2, var.shape).astype(np.float32), sess)
            make_models.write_graph_def(graph.as_graph_def(), path)
            saver = tf.compat.v1.train.Saver(write_version=tf.compat.v1.train.SaverDef.V1)
            saver.save(sess, str(Path(path).parent / 'tiny_slim.ckpt'), write_meta_graph=False, write_state=False)


def _grouped_conv_model():
    """The Keras model of grouped convolutions (input `input` [None, 16, 16, 8], output logits [None, 10])."""
    tf = make_models._tf()
    import numpy as np
    import tf_keras as keras
    keras.utils.set_random_seed(SEED)
    layers = keras.layers
    images = keras.Input((16, 16, 8), name='input')
    y = layers.Conv2D(16, 3, groups=4, padding='same', name='grouped')(images)
    y = layers.BatchNormalization(name='bn')(y)
    y = layers.ReLU(name='relu')(y)
    y = layers.Conv2D(16, 3, strides=2, groups=2, padding='valid', name='grouped_strided')(y)
    y = layers.Conv2D(16, 3, dilation_rate=2, groups=16, padding='same', name='per_channel_dilated')(y)
    y = layers.Reshape((49, 16), name='sequence')(y)
    y = layers.Conv1D(8, 3, groups=4, padding='same', name='grouped_1d')(y)
    y = layers.GlobalAveragePooling1D(name='pool')(y)
    model = keras.Model(images, layers.Dense(10, name='logits')(y))
    # batch norm statistics and offsets of a trained net (not Keras' 0/1 initial ones)
    rng = np.random.default_rng(SEED)
    bn = model.get_layer('bn')
    for weight, (low, high) in ((bn.gamma, (0.8, 1.2)), (bn.beta, BATCH_NORM_OFFSETS), (bn.moving_mean, (-0.5, 0.5)),
                                (bn.moving_variance, (0.5, 1.5))):
        weight.assign(rng.uniform(low, high, weight.shape).astype(np.float32))
    return tf, model


def make_grouped_conv_frozen(path):
    tf, model = _grouped_conv_model()
    from tensorflow.python.framework.convert_to_constants import convert_variables_to_constants_v2
    spec = tf.TensorSpec([None, 16, 16, 8], tf.float32, name='input')
    function = tf.function(lambda images: model(images, training=False)).get_concrete_function(spec)
    frozen = convert_variables_to_constants_v2(function)
    make_models.write_graph_def(frozen.graph.as_graph_def(), path)


def make_grouped_conv_saved_model(path):
    import shutil
    tf, model = _grouped_conv_model()
    shutil.rmtree(path, ignore_errors=True)
    tf.saved_model.save(model, str(path))


def make_embedding_saved_model(path):
    """A Keras Embedding (read by ResourceGather in a SavedModel) and a ResourceGather with batch_dims 1."""
    import shutil
    tf = make_models._tf()
    import tf_keras as keras
    keras.utils.set_random_seed(SEED)
    layers = keras.layers
    tokens = keras.Input((6,), dtype='int32', name='tokens')
    y = layers.Embedding(50, 8, name='embedding')(tokens)
    y = layers.GlobalAveragePooling1D(name='pool')(y)
    model = keras.Model(tokens, layers.Dense(4, name='logits')(y))

    class Embedded(tf.Module):
        def __init__(self):
            super().__init__()
            self.model = model
            # one table per batch row (batch 4): ResourceGather with batch_dims 1 picks each row's rows from its own
            self.tables = tf.Variable(tf.random.stateless_normal([4, 10, 3], [SEED, 1]), name='tables')

        @tf.function(input_signature=[tf.TensorSpec([None, 6], tf.int32, name='tokens'),
                                      tf.TensorSpec([4, 5], tf.int32, name='picks')])
        def __call__(self, tokens, picks):
            per_row = tf.raw_ops.ResourceGather(resource=self.tables.handle, indices=picks, dtype=tf.float32,
                                                batch_dims=1)
            return {'logits': self.model(tokens, training=False), 'per_row': per_row}

    module = Embedded()
    shutil.rmtree(path, ignore_errors=True)
    tf.saved_model.save(module, str(path), signatures=module.__call__)


def make_conv_transpose_saved_model(path, spatial):
    """Keras Conv2DTranspose (SAME stride 2; VALID stride 2 with output_padding 1) in a TF2 SavedModel of dynamic
    batch: its input_sizes is Pack(batch, H, W, C), of known H, W for a known input size (`spatial`), computed from
    the input's shape otherwise."""
    import shutil
    tf = make_models._tf()
    import tf_keras as keras
    keras.utils.set_random_seed(SEED)
    layers = keras.layers
    images = keras.Input((spatial, spatial, 4), name='input')
    y = layers.Conv2DTranspose(6, 3, strides=2, padding='same', name='up_same')(images)
    y = layers.Conv2DTranspose(3, 3, strides=2, padding='valid', output_padding=1, name='up_valid')(y)
    model = keras.Model(images, y)
    shutil.rmtree(path, ignore_errors=True)
    tf.saved_model.save(model, str(path))


def _keras3_model():
    """The Keras 3 model of the export fixtures (input [None, 12, 12, 3], 5 logits)."""
    os.environ['KERAS_BACKEND'] = 'tensorflow'
    tf = make_models._tf()
    import numpy as np
    import keras
    keras.utils.set_random_seed(SEED)
    layers = keras.layers
    images = keras.Input((12, 12, 3), name='images')
    y = layers.Conv2D(8, 3, padding='same', name='conv')(images)
    y = layers.BatchNormalization(name='conv_bn')(y)
    y = layers.ReLU(name='relu')(y)
    y = layers.DepthwiseConv2D(3, name='depthwise')(y)
    y = layers.BatchNormalization(name='depthwise_bn')(y)
    y = layers.GlobalAveragePooling2D(name='pool')(y)
    model = keras.Model(images, layers.Dense(5, name='logits')(y))
    rng = np.random.default_rng(SEED)
    for name in ('conv_bn', 'depthwise_bn'):
        bn = model.get_layer(name)
        for weight, (low, high) in ((bn.gamma, (0.8, 1.6)), (bn.beta, BATCH_NORM_OFFSETS),
                                    (bn.moving_mean, (-0.5, 0.5)), (bn.moving_variance, (0.3, 1.0))):
            weight.assign(rng.uniform(low, high, weight.shape).astype(np.float32))
    return tf, keras, model


def make_keras3_export_saved_model(path):
    import shutil
    _, _, model = _keras3_model()
    shutil.rmtree(path, ignore_errors=True)
    model.export(str(path), format='tf_saved_model')


def make_keras3_archive_saved_model(path):
    import shutil
    tf, keras, model = _keras3_model()
    archive = keras.export.ExportArchive()
    archive.track(model)
    archive.add_endpoint('predict', model.call, input_signature=[tf.TensorSpec((None, 12, 12, 3), tf.float32)])
    shutil.rmtree(path, ignore_errors=True)
    archive.write_out(str(path))


MODELS = {
    'inception_v1_frozen.pb': make_slim_frozen('inception_v1', checkpoint=True),
    'resnet_v1_50_frozen.pb': make_slim_frozen('resnet_v1_50', checkpoint=True),
    # under the nets' default arg scopes (weight decay): the inference graphs have training-only sinks
    'arg_scope/inception_v1_frozen.pb': make_slim_frozen('inception_v1', checkpoint=True, weight_decay=None),
    'arg_scope/resnet_v1_50_frozen.pb': make_slim_frozen('resnet_v1_50', checkpoint=True, weight_decay=None),
    'arg_scope/mobilenet_v1_1.0_224_frozen.pb': make_slim_frozen('mobilenet_v1_1.0_224', checkpoint=True,
                                                                 weight_decay=None),
    'unsupported_ops.pb': make_unsupported_ops,
    'ops_zoo.pb': make_ops_zoo,
    'tiny_constants.pb': make_tiny_constants,
    'grouped_conv_frozen.pb': make_grouped_conv_frozen,
    'grouped_conv_saved_model': make_grouped_conv_saved_model,
    'softsign.pb': make_softsign,
    'iterator_input.pb': make_iterator_input,
    'queue_input.pb': make_queue_input,
    'queue_up_to_input.pb': make_queue_up_to_input,
    'embedding_saved_model': make_embedding_saved_model,
    'conv_transpose_saved_model': lambda path: make_conv_transpose_saved_model(path, 8),
    'conv_transpose_dynamic_saved_model': lambda path: make_conv_transpose_saved_model(path, None),
    'tiny_slim_inference_graph.pb': make_tiny_slim,
    'keras3_export_saved_model': make_keras3_export_saved_model,
    'keras3_archive_saved_model': make_keras3_archive_saved_model,
}


def main(models=MODELS, script=__file__, description=__doc__, committed=COMMITTED, fixtures=FIXTURES):
    """The command line of a generator script: `models` (file name -> maker), each made in a fresh process of
    `script` (--worker NAME PATH); `committed` are the ones --fixtures rewrites in `fixtures`."""
    parser = argparse.ArgumentParser(description=description.split('\n\n')[0])
    parser.add_argument('--out', help='directory to write the selected models into')
    parser.add_argument('--only', help='comma-separated model names (default: all)')
    parser.add_argument('--fixtures', action='store_true', help='rewrite the committed %s in %s' % (
        ', '.join(committed), fixtures.relative_to(REPO)))
    parser.add_argument('--list', action='store_true', help='list the models and exit')
    parser.add_argument('--worker', nargs=2, metavar=('NAME', 'PATH'), help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        models[args.worker[0]](args.worker[1])
        return
    if args.list:
        print('\n'.join(models))
        return
    if args.fixtures:
        jobs = [(name, fixtures / name) for name in committed]
    elif args.out:
        names = [n.strip() for n in args.only.split(',')] if args.only else list(models)
        unknown = [n for n in names if n not in models]
        if unknown:
            sys.exit(Path(script).name + ': unknown model(s) %s (see --list)' % ', '.join(unknown))
        jobs = [(n, Path(args.out) / n) for n in names]
    else:
        parser.error('give --out DIR, --fixtures or --list')

    env = dict(os.environ, PYTHONHASHSEED='0', TF_CPP_MIN_LOG_LEVEL='3', PYTHONWARNINGS='ignore',
               CUDA_VISIBLE_DEVICES='-1')
    for name, path in jobs:
        path.parent.mkdir(parents=True, exist_ok=True)
        start = time.time()
        subprocess.run([sys.executable, str(Path(script).resolve()), '--worker', name, str(path)],
                       env=env, check=True)
        print('made %s (%.1fs)' % (path, time.time() - start), flush=True)


if __name__ == '__main__':
    main()
