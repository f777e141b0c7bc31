#!/usr/bin/env python3
"""Generate the op-type models (issue 16): small real models of the kinds that use the op types convert gained for
issue 16 (a UNet, DeepLab-style atrous convolution, a BERT-like encoder, SSD-style post-processing), random weights,
each as a TF2 SavedModel and a frozen graph, with TensorFlow's outputs on fixed inputs at two sizes.

Runs in the main venv (TensorFlow 2.17 and tf_keras; tools/python/venv.sh). Each model is built in a fresh process
with fixed seeds and written by the family zoo's writer (conformance/families/make_models.py, write_model), so
OUT/NAME/ holds the same files: saved_model/, frozen.pb, reference.npz, meta.json (with the op types of each form).
Weights are calibrated so that outputs are not flat: convolutions and dense layers initialised with variance 2/fan_in
(He), embeddings and attention wider than tf_keras's defaults (attention is not uniform). The post-processing models
take boxes in clusters of four overlapping boxes (IoU > 0.68 within a cluster, 0 between clusters) and distinct
class logits (0.05 apart, none within 0.009 of a threshold's logit), so non-max suppression keeps one box of each
cluster and suppresses the others, and no score or IoU lies near a threshold (TensorFlow keeps score > threshold,
OpenVINO >=).
Kinds (--ci runs the first model of each) and inputs: unet and deeplab, float32 NHWC images [1, S, S, 3], S 32 and
48 (dynamic); bert, int32 input_ids and attention_mask [2, L], L 8 and 13, the second row padded by 3; ssd, boxes
[N, 4] and class logits [N, 3], N 24 and 40 (the combined NMS: [B, 32, 1, 4] and [B, 32, 3], B 1 and 2, its number
of boxes static).

Usage:
  make_models.py [--out DIR] [--only NAME,...] [--force]    make what is missing (default $TFIR_BIG/opmodels)
  make_models.py --list
"""

import importlib.metadata
import os
import sys
from pathlib import Path

os.environ['TF_ENABLE_ONEDNN_OPTS'] = '0'
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from families import make_models as families  # noqa: E402  (write_model, main)

SEED = 20241216
IMAGE_SIZES = (32, 48)
TEXT_LENGTHS = (8, 13)
PADDED = 3
VOCAB = 100
BOX_COUNTS = (24, 40)
COMBINED_BOXES = 32
COMBINED_BATCHES = (1, 2)
CLASSES = 3


def _tf():
    import tensorflow
    return tensorflow


def _keras():
    import tf_keras
    return tf_keras


def _conv(keras, filters, kernel, **options):
    return keras.layers.Conv2D(filters, kernel, padding='same', kernel_initializer='he_normal',
                               bias_initializer=keras.initializers.RandomNormal(stddev=0.1), **options)


def unet():
    """Two levels down (Conv2D, MaxPool), a Conv2DTranspose and a bilinear UpSampling2D up (Conv2DBackpropInput and
    ResizeBilinear of sizes computed at run time), skip connections, a nearest-neighbour tf.image.resize head."""
    keras, tf = _keras(), _tf()
    images = keras.Input((None, None, 3))
    down1 = _conv(keras, 8, 3, activation='relu')(images)
    down2 = _conv(keras, 16, 3, activation='relu')(keras.layers.MaxPool2D()(down1))
    bottom = _conv(keras, 32, 3, activation='relu')(keras.layers.MaxPool2D()(down2))
    up2 = keras.layers.Conv2DTranspose(16, 3, strides=2, padding='same', kernel_initializer='he_normal')(bottom)
    up2 = _conv(keras, 16, 3, activation='relu')(keras.layers.Concatenate()([up2, down2]))
    up1 = keras.layers.UpSampling2D(2, interpolation='bilinear')(up2)
    up1 = _conv(keras, 8, 3, activation='relu')(keras.layers.Concatenate()([up1, down1]))
    coarse = _conv(keras, 3, 1)(keras.layers.AveragePooling2D(4)(up1))
    fine = _conv(keras, 3, 1)(up1)
    model = keras.Model(images, fine + keras.layers.Lambda(
        lambda x: tf.image.resize(x[0], tf.shape(x[1])[1:3], method='nearest'))([coarse, images]))

    def call(images):
        return {'logits': model(images, training=False)}
    return model, call


def dilated_layer(keras, filters, rate, convolve):
    """convolve(x, kernel, rate, 'SAME') with a 3x3 kernel of its own, a bias and a ReLU, as a tf_keras layer."""
    tf = _tf()

    class Dilated(keras.layers.Layer):
        def build(self, shape):
            self.kernel = self.add_weight('kernel', (3, 3, shape[-1], filters), initializer='he_normal')
            self.bias = self.add_weight('bias', (filters,), initializer=keras.initializers.RandomNormal(stddev=0.1))

        def call(self, x):
            return tf.nn.relu(convolve(x, self.kernel, rate, 'SAME') + self.bias)
    return Dilated()


def deeplab(atrous):
    """An ASPP head (DeepLabV3): a strided stem, then 1x1, rate-2 and rate-3 dilated 3x3 branches and image pooling
    (global mean, 1x1 conv, bilinear resize back to the feature size), concatenated, projected, bilinearly resized to
    the input size. The dilated branches are Keras Conv2D(dilation_rate) (SpaceToBatchND, Conv2D, BatchToSpaceND of
    paddings computed from the input's size) or, with `atrous`, tf.nn.atrous_conv2d (the same ops) at rate 2 and
    tf.nn.conv2d(dilations=3) (one Conv2D with its dilations attribute) at rate 3."""
    def build():
        keras, tf = _keras(), _tf()

        def dilated(x, rate):
            if atrous:
                return dilated_layer(keras, 8, rate, tf.nn.atrous_conv2d if rate == 2 else
                                     lambda x, kernel, rate, padding: tf.nn.conv2d(x, kernel, 1, padding,
                                                                                   dilations=rate))(x)
            return _conv(keras, 8, 3, dilation_rate=rate, activation='relu')(x)
        images = keras.Input((None, None, 3))
        features = _conv(keras, 16, 3, strides=2, activation='relu')(images)
        pooled = _conv(keras, 8, 1, activation='relu')(tf.reduce_mean(features, [1, 2], keepdims=True))
        branches = [_conv(keras, 8, 1, activation='relu')(features), dilated(features, 2), dilated(features, 3),
                    keras.layers.Lambda(lambda x: tf.image.resize(x[0], tf.shape(x[1])[1:3]))([pooled, features])]
        logits = _conv(keras, 4, 1)(_conv(keras, 16, 1, activation='relu')(keras.layers.Concatenate()(branches)))
        model = keras.Model(images, keras.layers.Lambda(
            lambda x: tf.image.resize(x[0], tf.shape(x[1])[1:3]))([logits, images]))

        def call(images):
            return {'logits': model(images, training=False)}
        return model, call
    return build


def bert():
    """Two post-norm encoder blocks of width 32: token and position Embeddings, Keras MultiHeadAttention (Einsum) with
    the padding mask, LayerNormalization, a feed-forward with exact GELU (Erf) in the first block and the tanh
    approximation in the second; the first token's tanh-pooled state too."""
    keras, tf = _keras(), _tf()
    width = 32

    def wide():  # a fresh initializer each time: one instance gives every weight the same values
        return keras.initializers.TruncatedNormal(stddev=0.3)
    ids = keras.Input((None,), dtype='int32')
    mask = keras.Input((None,), dtype='int32')
    tokens = keras.layers.Embedding(VOCAB, width, embeddings_initializer=wide())(ids)
    positions = keras.layers.Embedding(64, width, embeddings_initializer=wide())(
        keras.layers.Lambda(lambda x: tf.range(tf.shape(x)[1]))(ids))
    x = keras.layers.LayerNormalization()(tokens + positions)
    attention_mask = keras.layers.Lambda(lambda m: tf.cast(m[:, None, :], tf.bool))(mask)
    for approximate in (False, True):
        attended = keras.layers.MultiHeadAttention(4, width // 4, kernel_initializer=wide())(
            x, x, attention_mask=attention_mask)
        x = keras.layers.LayerNormalization()(x + attended)
        hidden = keras.layers.Dense(2 * width, kernel_initializer='he_normal')(x)
        hidden = keras.layers.Lambda(lambda h, a=approximate: tf.nn.gelu(h, approximate=a))(hidden)
        x = keras.layers.LayerNormalization()(x + keras.layers.Dense(width, kernel_initializer=wide())(hidden))
    pooled = keras.layers.Dense(width, activation='tanh', kernel_initializer=wide())(x[:, 0])
    model = keras.Model([ids, mask], [x, pooled])

    def call(input_ids, attention_mask):
        sequence, pooled = model([input_ids, attention_mask], training=False)
        return {'sequence_output': sequence, 'pooled_output': pooled}
    return model, call


def ssd_nms():
    """Post-processing of one image's detections: sigmoid class scores, NonMaxSuppressionV3 on class 0,
    NonMaxSuppressionV4 (padded) and V5 (its scores) on class 1, a soft-NMS V5 on class 2; TopKV2 of the best score
    per box with GatherNd of their boxes; Where of the scores above 0.5 with GatherNd of their boxes."""
    tf = _tf()

    def call(boxes, logits):
        scores = tf.sigmoid(logits)
        v3 = tf.raw_ops.NonMaxSuppressionV3(boxes=boxes, scores=scores[:, 0], max_output_size=8, iou_threshold=0.5,
                                            score_threshold=0.3)
        v4, v4_count = tf.raw_ops.NonMaxSuppressionV4(boxes=boxes, scores=scores[:, 1], max_output_size=10,
                                                      iou_threshold=0.5, score_threshold=0.3,
                                                      pad_to_max_output_size=True)
        v5, v5_scores, v5_count = tf.raw_ops.NonMaxSuppressionV5(
            boxes=boxes, scores=scores[:, 1], max_output_size=8, iou_threshold=0.4, score_threshold=0.2,
            soft_nms_sigma=0.0)
        soft, soft_scores, _ = tf.raw_ops.NonMaxSuppressionV5(
            boxes=boxes, scores=scores[:, 2], max_output_size=6, iou_threshold=0.5, score_threshold=0.3,
            soft_nms_sigma=0.5)
        best, best_box = tf.math.top_k(tf.reduce_max(scores, 1), k=5)
        confident = tf.where(scores[:, 0] > 0.5)
        return dict(v3=v3, v4=v4, v4_count=v4_count, v5=v5, v5_scores=v5_scores, v5_count=v5_count,
                    soft=soft, soft_scores=soft_scores, top_scores=best,
                    top_boxes=tf.gather_nd(boxes, best_box[:, None]), confident=confident,
                    confident_boxes=tf.gather_nd(boxes, confident))
    return tf.Module(), call


def ssd_combined_nms():
    """CombinedNonMaxSuppression over three classes of boxes shared by the classes (q = 1), sigmoid scores, as
    SSD/EfficientDet exports end."""
    tf = _tf()

    def call(boxes, logits):
        result = tf.image.combined_non_max_suppression(boxes, tf.sigmoid(logits), max_output_size_per_class=4,
                                                       max_total_size=16, iou_threshold=0.5, score_threshold=0.3)
        return dict(boxes=result.nmsed_boxes, scores=result.nmsed_scores, classes=result.nmsed_classes,
                    count=result.valid_detections)
    return tf.Module(), call


# name -> (package, kind, builder); --ci runs the first model of each kind
MODELS = {
    'unet': ('tf_keras', 'unet', unet),
    'deeplab_dilated': ('tf_keras', 'deeplab', deeplab(atrous=False)),
    'deeplab_atrous': ('tensorflow', 'deeplab', deeplab(atrous=True)),
    'bert_encoder': ('tf_keras', 'bert', bert),
    'ssd_nms': ('tensorflow', 'ssd', ssd_nms),
    'ssd_combined_nms': ('tensorflow', 'ssd', ssd_combined_nms),
}


def specs(name, kind):
    tf = _tf()
    if kind == 'bert':
        return [tf.TensorSpec([None, None], tf.int32, name='input_ids'),
                tf.TensorSpec([None, None], tf.int32, name='attention_mask')]
    if kind == 'ssd' and name == 'ssd_combined_nms':
        return [tf.TensorSpec([None, COMBINED_BOXES, 1, 4], tf.float32, name='boxes'),
                tf.TensorSpec([None, COMBINED_BOXES, CLASSES], tf.float32, name='logits')]
    if kind == 'ssd':
        return [tf.TensorSpec([None, 4], tf.float32, name='boxes'),
                tf.TensorSpec([None, CLASSES], tf.float32, name='logits')]
    return [tf.TensorSpec([1, None, None, 3], tf.float32, name='images')]


def clustered_boxes(rng, count):
    """`count` boxes (y1, x1, y2, x2) in [0, 1] in clusters of four: a cluster's boxes are one box of side 0.2
    moved by at most 0.01 (IoU > 0.68), the clusters' centres on a grid 0.25 apart (IoU 0 between clusters); and
    distinct logits, at least 0.05 apart."""
    import numpy as np
    centres = [(0.125 + 0.25 * (k // 4), 0.125 + 0.25 * (k % 4)) for k in range(16)]
    order = rng.permutation(16)
    boxes = []
    for i in range(count):
        y, x = centres[order[(i // 4) % 16]]
        dy, dx = rng.uniform(-0.01, 0.01, 2)
        boxes.append([y + dy - 0.1, x + dx - 0.1, y + dy + 0.1, x + dx + 0.1])
    logits = rng.permutation(np.arange(count * CLASSES)).reshape(count, CLASSES) * 0.05 - count * CLASSES * 0.025
    return np.array(boxes, np.float32)[rng.permutation(count)], (logits + 0.023).astype(np.float32)


def feeds(name, kind):
    """{size: {input name: array}}."""
    import numpy as np
    rng = np.random.default_rng(SEED)
    if kind == 'bert':
        result = {}
        for length in TEXT_LENGTHS:
            mask = np.ones((2, length), np.int32)
            mask[1, -PADDED:] = 0
            result[length] = dict(input_ids=rng.integers(1, VOCAB, (2, length)).astype(np.int32) * mask,
                                  attention_mask=mask)
        return result
    if name == 'ssd_combined_nms':
        result = {}
        for batch in COMBINED_BATCHES:
            made = [clustered_boxes(rng, COMBINED_BOXES) for _ in range(batch)]
            result[batch] = dict(boxes=np.stack([b for b, _ in made])[:, :, None, :],
                                 logits=np.stack([s for _, s in made]))
        return result
    if kind == 'ssd':
        return {count: dict(zip(('boxes', 'logits'), clustered_boxes(rng, count))) for count in BOX_COUNTS}
    return {size: dict(images=rng.uniform(0, 1, (1, size, size, 3)).astype(np.float32)) for size in IMAGE_SIZES}


def make(name, out):
    """Builds NAME in this process and writes its directory."""
    tf = _tf()
    tf.get_logger().setLevel('ERROR')
    _keras().utils.set_random_seed(SEED + list(MODELS).index(name))  # Python's, NumPy's, TensorFlow's; models of
    # one kind get other weights
    package, kind, builder = MODELS[name]
    model, call = builder()
    families.write_model(out / name, model, call, specs(name, kind), feeds(name, kind),
                         dict(name=name, package=package, version=importlib.metadata.version(package), kind=kind))


if __name__ == '__main__':
    sys.exit(families.main(MODELS, make, 'opmodels'))
