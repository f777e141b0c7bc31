"""MobileNet v1 (Howard et al. 2017, arXiv:1704.04861) as research/slim/nets/mobilenet_v1.py builds it: the same
layer list, scope names (MobilenetV1/Conv2d_0, Conv2d_N_depthwise / Conv2d_N_pointwise, Logits/AvgPool_1a,
Logits/Conv2d_1c_1x1, Predictions), depth multiplier and arg scope. Only what inference graphs use is kept (no
output_stride / explicit padding / global_pool options)."""
import collections

import tensorflow.compat.v1 as tf
import tf_slim as slim

Conv = collections.namedtuple('Conv', ['kernel', 'stride', 'depth'])
DepthSepConv = collections.namedtuple('DepthSepConv', ['kernel', 'stride', 'depth'])

MOBILENETV1_CONV_DEFS = [Conv(kernel=[3, 3], stride=2, depth=32)] + [
    DepthSepConv(kernel=[3, 3], stride=stride, depth=depth)
    for stride, depth in ((1, 64), (2, 128), (1, 128), (2, 256), (1, 256), (2, 512), (1, 512), (1, 512), (1, 512),
                          (1, 512), (1, 512), (2, 1024), (1, 1024))]

# the published checkpoints: mobilenet_v1_{multiplier}_{resolution}
DEPTH_MULTIPLIERS = ('1.0', '0.75', '0.5', '0.25')
RESOLUTIONS = (224, 192, 160, 128)


def mobilenet_v1_base(inputs, min_depth=8, depth_multiplier=1.0, scope=None):
    """Conv2d_0 to Conv2d_13_pointwise."""
    def depth(d):
        return max(int(d * depth_multiplier), min_depth)

    with tf.variable_scope(scope, 'MobilenetV1', [inputs]):
        with slim.arg_scope([slim.conv2d, slim.separable_conv2d], padding='SAME'):
            net = inputs
            for i, conv_def in enumerate(MOBILENETV1_CONV_DEFS):
                end_point_base = 'Conv2d_%d' % i
                if isinstance(conv_def, Conv):
                    net = slim.conv2d(net, depth(conv_def.depth), conv_def.kernel, stride=conv_def.stride,
                                      scope=end_point_base)
                else:
                    net = slim.separable_conv2d(net, None, conv_def.kernel, depth_multiplier=1,
                                                stride=conv_def.stride, rate=1, scope=end_point_base + '_depthwise')
                    net = slim.conv2d(net, depth(conv_def.depth), [1, 1], stride=1,
                                      scope=end_point_base + '_pointwise')
    return net


def mobilenet_v1(inputs, num_classes=1000, dropout_keep_prob=0.999, is_training=True, min_depth=8,
                 depth_multiplier=1.0, prediction_fn=slim.softmax, spatial_squeeze=True, scope='MobilenetV1'):
    """The classifier: base, 7x7 (or smaller) average pool, dropout, 1x1 conv logits, squeeze, softmax."""
    with tf.variable_scope(scope, 'MobilenetV1', [inputs]) as scope:
        with slim.arg_scope([slim.batch_norm, slim.dropout], is_training=is_training):
            net = mobilenet_v1_base(inputs, scope=scope, min_depth=min_depth,
                                    depth_multiplier=float(depth_multiplier))
            with tf.variable_scope('Logits'):
                kernel_size = _reduced_kernel_size_for_small_input(net, [7, 7])
                net = slim.avg_pool2d(net, kernel_size, padding='VALID', scope='AvgPool_1a')
                net = slim.dropout(net, keep_prob=dropout_keep_prob, scope='Dropout_1b')
                logits = slim.conv2d(net, num_classes, [1, 1], activation_fn=None, normalizer_fn=None,
                                     scope='Conv2d_1c_1x1')
                if spatial_squeeze:
                    logits = tf.squeeze(logits, [1, 2], name='SpatialSqueeze')
            end_points = {'Logits': logits, 'Predictions': prediction_fn(logits, scope='Predictions')}
    return logits, end_points


def _reduced_kernel_size_for_small_input(input_tensor, kernel_size):
    shape = input_tensor.get_shape().as_list()
    if shape[1] is None or shape[2] is None:
        return kernel_size
    return [min(shape[1], kernel_size[0]), min(shape[2], kernel_size[1])]


def mobilenet_v1_arg_scope(is_training=True, weight_decay=0.00004, stddev=0.09, batch_norm_decay=0.9997,
                           batch_norm_epsilon=0.001):
    """Truncated normal weights, ReLU6, batch norm (center and scale) after every convolution."""
    batch_norm_params = {'center': True, 'scale': True, 'decay': batch_norm_decay, 'epsilon': batch_norm_epsilon,
                         'is_training': is_training}
    with slim.arg_scope([slim.conv2d, slim.separable_conv2d],
                        weights_initializer=tf.truncated_normal_initializer(stddev=stddev),
                        activation_fn=tf.nn.relu6, normalizer_fn=slim.batch_norm):
        with slim.arg_scope([slim.batch_norm], **batch_norm_params):
            with slim.arg_scope([slim.conv2d], weights_regularizer=slim.l2_regularizer(weight_decay)):
                with slim.arg_scope([slim.separable_conv2d], weights_regularizer=None) as sc:
                    return sc
