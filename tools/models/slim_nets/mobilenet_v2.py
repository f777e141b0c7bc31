"""MobileNet v2 (Sandler et al. 2018, arXiv:1801.04381) as research/slim/nets/mobilenet/mobilenet_v2.py (with
mobilenet.py and conv_blocks.py) builds it: V2_DEF's layers, their default scope names (MobilenetV2/Conv,
expanded_conv, expanded_conv_1 ... _16 with expand / depthwise / project, Conv_1, Logits/AvgPool,
Logits/Conv2d_1c_1x1, Predictions), the depth multiplier rounding (_make_divisible by 8) and training_scope. Only
what inference graphs use is kept (no output_stride, explicit padding or finegrain mode)."""
import functools

import tensorflow.compat.v1 as tf
import tf_slim as slim

# the published checkpoints: mobilenet_v2_1.0_224, mobilenet_v2_1.4_224
DEPTH_MULTIPLIERS = ('1.0', '1.4')


def _make_divisible(v, divisor, min_value=None):
    if min_value is None:
        min_value = divisor
    new_v = max(min_value, int(v + divisor / 2) // divisor * divisor)
    if new_v < 0.9 * v:  # do not round down by more than 10%
        new_v += divisor
    return new_v


def expand_input_by_factor(n, divisible_by=8):
    return lambda num_inputs: _make_divisible(num_inputs * n, divisible_by)


def expanded_conv(input_tensor, num_outputs, expansion_size=expand_input_by_factor(6), stride=1, residual=True,
                  normalizer_fn=slim.batch_norm):
    """The inverted residual block: 1x1 expansion (when it widens), 3x3 depthwise, linear 1x1 projection, and the
    residual connection when shapes allow."""
    with tf.variable_scope(None, default_name='expanded_conv') as s, tf.name_scope(s.original_name_scope):
        prev_depth = input_tensor.get_shape().as_list()[3]
        input_tensor = tf.identity(input_tensor, 'input')
        net = input_tensor
        inner_size = expansion_size(prev_depth)
        if inner_size > net.shape[3]:
            net = slim.conv2d(net, inner_size, [1, 1], stride=1, scope='expand', normalizer_fn=normalizer_fn)
            net = tf.identity(net, 'expansion_output')
        net = slim.separable_conv2d(net, num_outputs=None, kernel_size=(3, 3), depth_multiplier=1, stride=stride,
                                    rate=1, normalizer_fn=normalizer_fn, padding='SAME', scope='depthwise')
        net = tf.identity(net, name='depthwise_output')
        net = slim.conv2d(net, num_outputs, [1, 1], stride=1, scope='project', normalizer_fn=normalizer_fn,
                          activation_fn=tf.identity)
        if residual and stride == 1 and net.get_shape().as_list()[3] == input_tensor.get_shape().as_list()[3]:
            net += input_tensor
        return tf.identity(net, name='output')


# V2_DEF['spec']: (op, stride, num_outputs, extra params)
V2_SPEC = ([(slim.conv2d, 2, 32, dict(kernel_size=[3, 3])),
            (expanded_conv, 1, 16, dict(expansion_size=expand_input_by_factor(1, divisible_by=1)))]
           + [(expanded_conv, stride, depth, {}) for stride, depth in (
               (2, 24), (1, 24), (2, 32), (1, 32), (1, 32), (2, 64), (1, 64), (1, 64), (1, 64), (1, 96), (1, 96),
               (1, 96), (2, 160), (1, 160), (1, 160), (1, 320))]
           + [(slim.conv2d, 1, 1280, dict(kernel_size=[1, 1]))])


def mobilenet_base(inputs, depth_multiplier=1.0, is_training=False):
    """V2_DEF's layers, each num_outputs times the multiplier rounded by _make_divisible(d, 8, 8)."""
    with slim.arg_scope([slim.batch_norm], is_training=is_training, center=True, scale=True), \
            slim.arg_scope([slim.conv2d, slim.separable_conv2d], normalizer_fn=slim.batch_norm,
                           activation_fn=tf.nn.relu6, padding='SAME'):
        net = inputs
        for op, stride, num_outputs, params in V2_SPEC:
            net = op(net, num_outputs=_make_divisible(num_outputs * depth_multiplier, 8, 8), stride=stride,
                     **params)
    return net


def global_pool(input_tensor):
    shape = input_tensor.get_shape().as_list()
    output = tf.nn.avg_pool2d(input_tensor, ksize=[1, shape[1], shape[2], 1], strides=[1, 1, 1, 1],
                              padding='VALID')
    output.set_shape([None, 1, 1, None])
    return output


def mobilenet(inputs, num_classes=1001, depth_multiplier=1.0, is_training=False, prediction_fn=slim.softmax,
              scope='MobilenetV2'):
    """mobilenet_v2.mobilenet: the base, global average pool, dropout, 1x1 conv logits, softmax."""
    with tf.variable_scope(scope, 'Mobilenet') as scope:
        inputs = tf.identity(inputs, 'input')
        with tf.variable_scope(scope), tf.name_scope(scope.original_name_scope):
            net = mobilenet_base(inputs, depth_multiplier=float(depth_multiplier), is_training=is_training)
        net = tf.identity(net, name='embedding')
        with tf.variable_scope('Logits'):
            net = global_pool(net)
            net = slim.dropout(net, scope='Dropout', is_training=is_training)
            logits = slim.conv2d(net, num_classes, [1, 1], activation_fn=None, normalizer_fn=None,
                                 biases_initializer=tf.zeros_initializer(), scope='Conv2d_1c_1x1')
            logits = tf.squeeze(logits, [1, 2])
            logits = tf.identity(logits, name='output')
        end_points = {'Logits': logits, 'Predictions': prediction_fn(logits, 'Predictions')}
    return logits, end_points


def training_scope(is_training=True, weight_decay=0.00004, stddev=0.09, dropout_keep_prob=0.8, bn_decay=0.997):
    """Truncated normal weights, batch norm after every conv, l2 on convolutions (none on depthwise ones)."""
    with slim.arg_scope([slim.conv2d, slim.fully_connected, slim.separable_conv2d],
                        weights_initializer=tf.truncated_normal_initializer(stddev=stddev),
                        normalizer_fn=slim.batch_norm), \
            slim.arg_scope([slim.batch_norm], decay=bn_decay, is_training=is_training), \
            slim.arg_scope([slim.dropout], is_training=is_training, keep_prob=dropout_keep_prob), \
            slim.arg_scope([slim.conv2d], weights_regularizer=slim.l2_regularizer(weight_decay)), \
            slim.arg_scope([slim.separable_conv2d], weights_regularizer=None) as s:
        return s
