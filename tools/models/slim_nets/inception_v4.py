"""Inception-v4 (Szegedy et al. 2016, arXiv:1602.07261) as research/slim/nets/inception_v4.py builds it: the stem
(Conv2d_1a..2b, Mixed_3a/4a/5a), 4 Inception-A (Mixed_5b..e), Reduction-A (Mixed_6a), 7 Inception-B (Mixed_6b..h),
Reduction-B (Mixed_7a), 3 Inception-C (Mixed_7b..d), AuxLogits from Mixed_6h, Logits/AvgPool_1a,
Logits/PreLogitsFlatten, Logits/Logits, Logits/Predictions; scope names as Slim's."""
import tensorflow.compat.v1 as tf
import tf_slim as slim

SAME_STRIDE_1 = dict(stride=1, padding='SAME')
POOLS_AND_CONVS = [slim.conv2d, slim.avg_pool2d, slim.max_pool2d]


def _branches(*branches):
    return tf.concat(axis=3, values=list(branches))


def block_inception_a(inputs, scope=None):
    with slim.arg_scope(POOLS_AND_CONVS, **SAME_STRIDE_1), tf.variable_scope(scope, 'BlockInceptionA', [inputs]):
        with tf.variable_scope('Branch_0'):
            branch_0 = slim.conv2d(inputs, 96, [1, 1], scope='Conv2d_0a_1x1')
        with tf.variable_scope('Branch_1'):
            branch_1 = slim.conv2d(inputs, 64, [1, 1], scope='Conv2d_0a_1x1')
            branch_1 = slim.conv2d(branch_1, 96, [3, 3], scope='Conv2d_0b_3x3')
        with tf.variable_scope('Branch_2'):
            branch_2 = slim.conv2d(inputs, 64, [1, 1], scope='Conv2d_0a_1x1')
            branch_2 = slim.conv2d(branch_2, 96, [3, 3], scope='Conv2d_0b_3x3')
            branch_2 = slim.conv2d(branch_2, 96, [3, 3], scope='Conv2d_0c_3x3')
        with tf.variable_scope('Branch_3'):
            branch_3 = slim.avg_pool2d(inputs, [3, 3], scope='AvgPool_0a_3x3')
            branch_3 = slim.conv2d(branch_3, 96, [1, 1], scope='Conv2d_0b_1x1')
        return _branches(branch_0, branch_1, branch_2, branch_3)


def block_reduction_a(inputs, scope=None):
    with slim.arg_scope(POOLS_AND_CONVS, **SAME_STRIDE_1), tf.variable_scope(scope, 'BlockReductionA', [inputs]):
        with tf.variable_scope('Branch_0'):
            branch_0 = slim.conv2d(inputs, 384, [3, 3], stride=2, padding='VALID', scope='Conv2d_1a_3x3')
        with tf.variable_scope('Branch_1'):
            branch_1 = slim.conv2d(inputs, 192, [1, 1], scope='Conv2d_0a_1x1')
            branch_1 = slim.conv2d(branch_1, 224, [3, 3], scope='Conv2d_0b_3x3')
            branch_1 = slim.conv2d(branch_1, 256, [3, 3], stride=2, padding='VALID', scope='Conv2d_1a_3x3')
        with tf.variable_scope('Branch_2'):
            branch_2 = slim.max_pool2d(inputs, [3, 3], stride=2, padding='VALID', scope='MaxPool_1a_3x3')
        return _branches(branch_0, branch_1, branch_2)


def block_inception_b(inputs, scope=None):
    with slim.arg_scope(POOLS_AND_CONVS, **SAME_STRIDE_1), tf.variable_scope(scope, 'BlockInceptionB', [inputs]):
        with tf.variable_scope('Branch_0'):
            branch_0 = slim.conv2d(inputs, 384, [1, 1], scope='Conv2d_0a_1x1')
        with tf.variable_scope('Branch_1'):
            branch_1 = slim.conv2d(inputs, 192, [1, 1], scope='Conv2d_0a_1x1')
            branch_1 = slim.conv2d(branch_1, 224, [1, 7], scope='Conv2d_0b_1x7')
            branch_1 = slim.conv2d(branch_1, 256, [7, 1], scope='Conv2d_0c_7x1')
        with tf.variable_scope('Branch_2'):
            branch_2 = slim.conv2d(inputs, 192, [1, 1], scope='Conv2d_0a_1x1')
            branch_2 = slim.conv2d(branch_2, 192, [7, 1], scope='Conv2d_0b_7x1')
            branch_2 = slim.conv2d(branch_2, 224, [1, 7], scope='Conv2d_0c_1x7')
            branch_2 = slim.conv2d(branch_2, 224, [7, 1], scope='Conv2d_0d_7x1')
            branch_2 = slim.conv2d(branch_2, 256, [1, 7], scope='Conv2d_0e_1x7')
        with tf.variable_scope('Branch_3'):
            branch_3 = slim.avg_pool2d(inputs, [3, 3], scope='AvgPool_0a_3x3')
            branch_3 = slim.conv2d(branch_3, 128, [1, 1], scope='Conv2d_0b_1x1')
        return _branches(branch_0, branch_1, branch_2, branch_3)


def block_reduction_b(inputs, scope=None):
    with slim.arg_scope(POOLS_AND_CONVS, **SAME_STRIDE_1), tf.variable_scope(scope, 'BlockReductionB', [inputs]):
        with tf.variable_scope('Branch_0'):
            branch_0 = slim.conv2d(inputs, 192, [1, 1], scope='Conv2d_0a_1x1')
            branch_0 = slim.conv2d(branch_0, 192, [3, 3], stride=2, padding='VALID', scope='Conv2d_1a_3x3')
        with tf.variable_scope('Branch_1'):
            branch_1 = slim.conv2d(inputs, 256, [1, 1], scope='Conv2d_0a_1x1')
            branch_1 = slim.conv2d(branch_1, 256, [1, 7], scope='Conv2d_0b_1x7')
            branch_1 = slim.conv2d(branch_1, 320, [7, 1], scope='Conv2d_0c_7x1')
            branch_1 = slim.conv2d(branch_1, 320, [3, 3], stride=2, padding='VALID', scope='Conv2d_1a_3x3')
        with tf.variable_scope('Branch_2'):
            branch_2 = slim.max_pool2d(inputs, [3, 3], stride=2, padding='VALID', scope='MaxPool_1a_3x3')
        return _branches(branch_0, branch_1, branch_2)


def block_inception_c(inputs, scope=None):
    with slim.arg_scope(POOLS_AND_CONVS, **SAME_STRIDE_1), tf.variable_scope(scope, 'BlockInceptionC', [inputs]):
        with tf.variable_scope('Branch_0'):
            branch_0 = slim.conv2d(inputs, 256, [1, 1], scope='Conv2d_0a_1x1')
        with tf.variable_scope('Branch_1'):
            branch_1 = slim.conv2d(inputs, 384, [1, 1], scope='Conv2d_0a_1x1')
            branch_1 = _branches(slim.conv2d(branch_1, 256, [1, 3], scope='Conv2d_0b_1x3'),
                                 slim.conv2d(branch_1, 256, [3, 1], scope='Conv2d_0c_3x1'))
        with tf.variable_scope('Branch_2'):
            branch_2 = slim.conv2d(inputs, 384, [1, 1], scope='Conv2d_0a_1x1')
            branch_2 = slim.conv2d(branch_2, 448, [3, 1], scope='Conv2d_0b_3x1')
            branch_2 = slim.conv2d(branch_2, 512, [1, 3], scope='Conv2d_0c_1x3')
            branch_2 = _branches(slim.conv2d(branch_2, 256, [1, 3], scope='Conv2d_0d_1x3'),
                                 slim.conv2d(branch_2, 256, [3, 1], scope='Conv2d_0e_3x1'))
        with tf.variable_scope('Branch_3'):
            branch_3 = slim.avg_pool2d(inputs, [3, 3], scope='AvgPool_0a_3x3')
            branch_3 = slim.conv2d(branch_3, 256, [1, 1], scope='Conv2d_0b_1x1')
        return _branches(branch_0, branch_1, branch_2, branch_3)


def inception_v4_base(inputs, scope=None):
    """The stem and the 17 blocks; returns the last block and Mixed_6h (the auxiliary head's input)."""
    with tf.variable_scope(scope, 'InceptionV4', [inputs]), slim.arg_scope(POOLS_AND_CONVS, **SAME_STRIDE_1):
        net = slim.conv2d(inputs, 32, [3, 3], stride=2, padding='VALID', scope='Conv2d_1a_3x3')
        net = slim.conv2d(net, 32, [3, 3], padding='VALID', scope='Conv2d_2a_3x3')
        net = slim.conv2d(net, 64, [3, 3], scope='Conv2d_2b_3x3')
        with tf.variable_scope('Mixed_3a'):
            with tf.variable_scope('Branch_0'):
                branch_0 = slim.max_pool2d(net, [3, 3], stride=2, padding='VALID', scope='MaxPool_0a_3x3')
            with tf.variable_scope('Branch_1'):
                branch_1 = slim.conv2d(net, 96, [3, 3], stride=2, padding='VALID', scope='Conv2d_0a_3x3')
            net = _branches(branch_0, branch_1)
        with tf.variable_scope('Mixed_4a'):
            with tf.variable_scope('Branch_0'):
                branch_0 = slim.conv2d(net, 64, [1, 1], scope='Conv2d_0a_1x1')
                branch_0 = slim.conv2d(branch_0, 96, [3, 3], padding='VALID', scope='Conv2d_1a_3x3')
            with tf.variable_scope('Branch_1'):
                branch_1 = slim.conv2d(net, 64, [1, 1], scope='Conv2d_0a_1x1')
                branch_1 = slim.conv2d(branch_1, 64, [1, 7], scope='Conv2d_0b_1x7')
                branch_1 = slim.conv2d(branch_1, 64, [7, 1], scope='Conv2d_0c_7x1')
                branch_1 = slim.conv2d(branch_1, 96, [3, 3], padding='VALID', scope='Conv2d_1a_3x3')
            net = _branches(branch_0, branch_1)
        with tf.variable_scope('Mixed_5a'):
            with tf.variable_scope('Branch_0'):
                branch_0 = slim.conv2d(net, 192, [3, 3], stride=2, padding='VALID', scope='Conv2d_1a_3x3')
            with tf.variable_scope('Branch_1'):
                branch_1 = slim.max_pool2d(net, [3, 3], stride=2, padding='VALID', scope='MaxPool_1a_3x3')
            net = _branches(branch_0, branch_1)
        for index in range(4):
            net = block_inception_a(net, 'Mixed_5' + chr(ord('b') + index))
        net = block_reduction_a(net, 'Mixed_6a')
        for index in range(7):
            net = block_inception_b(net, 'Mixed_6' + chr(ord('b') + index))
        mixed_6h = net
        net = block_reduction_b(net, 'Mixed_7a')
        for index in range(3):
            net = block_inception_c(net, 'Mixed_7' + chr(ord('b') + index))
    return net, mixed_6h


def inception_v4(inputs, num_classes=1001, is_training=True, dropout_keep_prob=0.8, scope='InceptionV4',
                 create_aux_logits=True):
    with tf.variable_scope(scope, 'InceptionV4', [inputs]) as scope:
        with slim.arg_scope([slim.batch_norm, slim.dropout], is_training=is_training):
            net, mixed_6h = inception_v4_base(inputs, scope=scope)
            with slim.arg_scope(POOLS_AND_CONVS, **SAME_STRIDE_1):
                if create_aux_logits and num_classes:
                    with tf.variable_scope('AuxLogits'):
                        aux = slim.avg_pool2d(mixed_6h, [5, 5], stride=3, padding='VALID', scope='AvgPool_1a_5x5')
                        aux = slim.conv2d(aux, 128, [1, 1], scope='Conv2d_1b_1x1')
                        aux = slim.conv2d(aux, 768, aux.get_shape()[1:3], padding='VALID', scope='Conv2d_2a')
                        aux = slim.flatten(aux)
                        slim.fully_connected(aux, num_classes, activation_fn=None, scope='Aux_logits')
                with tf.variable_scope('Logits'):
                    net = slim.avg_pool2d(net, net.get_shape()[1:3], padding='VALID', scope='AvgPool_1a')
                    net = slim.dropout(net, dropout_keep_prob, scope='Dropout_1b')
                    net = slim.flatten(net, scope='PreLogitsFlatten')
                    logits = slim.fully_connected(net, num_classes, activation_fn=None, scope='Logits')
                    predictions = tf.nn.softmax(logits, name='Predictions')
    return logits, {'Logits': logits, 'Predictions': predictions}
