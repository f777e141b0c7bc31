"""Inception-ResNet-v2 (Szegedy et al. 2016, arXiv:1602.07261) as research/slim/nets/inception_resnet_v2.py builds
it: the stem (Conv2d_1a..4a, MaxPool_3a/5a), Mixed_5b, 10 block35 (Repeat/block35_N, scale 0.17), Mixed_6a,
20 block17 (Repeat_1/block17_N, 0.10), Mixed_7a, 9 block8 (Repeat_2/block8_N, 0.20) and a last Block8 without
activation, Conv2d_7b_1x1, AuxLogits from the 20th block17, Logits/AvgPool_1a_8x8, Logits/Dropout, Logits/Logits
(fully connected), Logits/Predictions; scope names as Slim's (slim.repeat names each block after its function).
Only what inference graphs use is kept (output_stride 16, VALID stem padding, ReLU)."""
import tensorflow.compat.v1 as tf
import tf_slim as slim

POOLS_AND_CONVS = [slim.conv2d, slim.max_pool2d, slim.avg_pool2d]


def _residual(net, branches, scale, activation_fn):
    """The block's tail: concat of the branches, linear 1x1 up to the input's depth, scaled, added, activated."""
    mixed = tf.concat(axis=3, values=branches)
    up = slim.conv2d(mixed, net.get_shape()[3], 1, normalizer_fn=None, activation_fn=None, scope='Conv2d_1x1')
    net += up * scale
    return activation_fn(net) if activation_fn else net


def block35(net, scale=1.0, activation_fn=tf.nn.relu, scope=None):
    """The 35x35 residual block (Inception-ResNet-A)."""
    with tf.variable_scope(scope, 'Block35', [net]):
        with tf.variable_scope('Branch_0'):
            branch_0 = slim.conv2d(net, 32, 1, scope='Conv2d_1x1')
        with tf.variable_scope('Branch_1'):
            branch_1 = slim.conv2d(net, 32, 1, scope='Conv2d_0a_1x1')
            branch_1 = slim.conv2d(branch_1, 32, 3, scope='Conv2d_0b_3x3')
        with tf.variable_scope('Branch_2'):
            branch_2 = slim.conv2d(net, 32, 1, scope='Conv2d_0a_1x1')
            branch_2 = slim.conv2d(branch_2, 48, 3, scope='Conv2d_0b_3x3')
            branch_2 = slim.conv2d(branch_2, 64, 3, scope='Conv2d_0c_3x3')
        return _residual(net, [branch_0, branch_1, branch_2], scale, activation_fn)


# Branch_1 of block17 and block8: (depth, kernel, scope) of each conv
BLOCK17_BRANCH_1 = ((128, 1, 'Conv2d_0a_1x1'), (160, [1, 7], 'Conv2d_0b_1x7'), (192, [7, 1], 'Conv2d_0c_7x1'))
BLOCK8_BRANCH_1 = ((192, 1, 'Conv2d_0a_1x1'), (224, [1, 3], 'Conv2d_0b_1x3'), (256, [3, 1], 'Conv2d_0c_3x1'))


def _two_branch_block(net, branch_1_convs, scale, activation_fn):
    """Branch_0 a 1x1 conv of 192, Branch_1 `branch_1_convs` in turn, then the residual tail."""
    with tf.variable_scope('Branch_0'):
        branch_0 = slim.conv2d(net, 192, 1, scope='Conv2d_1x1')
    with tf.variable_scope('Branch_1'):
        branch_1 = net
        for depth, kernel, scope in branch_1_convs:
            branch_1 = slim.conv2d(branch_1, depth, kernel, scope=scope)
    return _residual(net, [branch_0, branch_1], scale, activation_fn)


def block17(net, scale=1.0, activation_fn=tf.nn.relu, scope=None):
    """The 17x17 residual block (Inception-ResNet-B)."""
    with tf.variable_scope(scope, 'Block17', [net]):
        return _two_branch_block(net, BLOCK17_BRANCH_1, scale, activation_fn)


def block8(net, scale=1.0, activation_fn=tf.nn.relu, scope=None):
    """The 8x8 residual block (Inception-ResNet-C)."""
    with tf.variable_scope(scope, 'Block8', [net]):
        return _two_branch_block(net, BLOCK8_BRANCH_1, scale, activation_fn)


def inception_resnet_v2_base(inputs, scope=None, activation_fn=tf.nn.relu):
    """The stem and the blocks up to Conv2d_7b_1x1; returns it and PreAuxLogits (the auxiliary head's input)."""
    with tf.variable_scope(scope, 'InceptionResnetV2', [inputs]), \
            slim.arg_scope(POOLS_AND_CONVS, stride=1, padding='SAME'):
        net = slim.conv2d(inputs, 32, 3, stride=2, padding='VALID', scope='Conv2d_1a_3x3')
        net = slim.conv2d(net, 32, 3, padding='VALID', scope='Conv2d_2a_3x3')
        net = slim.conv2d(net, 64, 3, scope='Conv2d_2b_3x3')
        net = slim.max_pool2d(net, 3, stride=2, padding='VALID', scope='MaxPool_3a_3x3')
        net = slim.conv2d(net, 80, 1, padding='VALID', scope='Conv2d_3b_1x1')
        net = slim.conv2d(net, 192, 3, padding='VALID', scope='Conv2d_4a_3x3')
        net = slim.max_pool2d(net, 3, stride=2, padding='VALID', scope='MaxPool_5a_3x3')
        with tf.variable_scope('Mixed_5b'):
            with tf.variable_scope('Branch_0'):
                branch_0 = slim.conv2d(net, 96, 1, scope='Conv2d_1x1')
            with tf.variable_scope('Branch_1'):
                branch_1 = slim.conv2d(net, 48, 1, scope='Conv2d_0a_1x1')
                branch_1 = slim.conv2d(branch_1, 64, 5, scope='Conv2d_0b_5x5')
            with tf.variable_scope('Branch_2'):
                branch_2 = slim.conv2d(net, 64, 1, scope='Conv2d_0a_1x1')
                branch_2 = slim.conv2d(branch_2, 96, 3, scope='Conv2d_0b_3x3')
                branch_2 = slim.conv2d(branch_2, 96, 3, scope='Conv2d_0c_3x3')
            with tf.variable_scope('Branch_3'):
                branch_3 = slim.avg_pool2d(net, 3, stride=1, padding='SAME', scope='AvgPool_0a_3x3')
                branch_3 = slim.conv2d(branch_3, 64, 1, scope='Conv2d_0b_1x1')
            net = tf.concat([branch_0, branch_1, branch_2, branch_3], 3)
        net = slim.repeat(net, 10, block35, scale=0.17, activation_fn=activation_fn)
        with tf.variable_scope('Mixed_6a'):
            with tf.variable_scope('Branch_0'):
                branch_0 = slim.conv2d(net, 384, 3, stride=2, padding='VALID', scope='Conv2d_1a_3x3')
            with tf.variable_scope('Branch_1'):
                branch_1 = slim.conv2d(net, 256, 1, scope='Conv2d_0a_1x1')
                branch_1 = slim.conv2d(branch_1, 256, 3, scope='Conv2d_0b_3x3')
                branch_1 = slim.conv2d(branch_1, 384, 3, stride=2, padding='VALID', scope='Conv2d_1a_3x3')
            with tf.variable_scope('Branch_2'):
                branch_2 = slim.max_pool2d(net, 3, stride=2, padding='VALID', scope='MaxPool_1a_3x3')
            net = tf.concat([branch_0, branch_1, branch_2], 3)
        net = slim.repeat(net, 20, block17, scale=0.10, activation_fn=activation_fn)
        pre_aux_logits = net
        with tf.variable_scope('Mixed_7a'):
            with tf.variable_scope('Branch_0'):
                branch_0 = slim.conv2d(net, 256, 1, scope='Conv2d_0a_1x1')
                branch_0 = slim.conv2d(branch_0, 384, 3, stride=2, padding='VALID', scope='Conv2d_1a_3x3')
            with tf.variable_scope('Branch_1'):
                branch_1 = slim.conv2d(net, 256, 1, scope='Conv2d_0a_1x1')
                branch_1 = slim.conv2d(branch_1, 288, 3, stride=2, padding='VALID', scope='Conv2d_1a_3x3')
            with tf.variable_scope('Branch_2'):
                branch_2 = slim.conv2d(net, 256, 1, scope='Conv2d_0a_1x1')
                branch_2 = slim.conv2d(branch_2, 288, 3, scope='Conv2d_0b_3x3')
                branch_2 = slim.conv2d(branch_2, 320, 3, stride=2, padding='VALID', scope='Conv2d_1a_3x3')
            with tf.variable_scope('Branch_3'):
                branch_3 = slim.max_pool2d(net, 3, stride=2, padding='VALID', scope='MaxPool_1a_3x3')
            net = tf.concat([branch_0, branch_1, branch_2, branch_3], 3)
        net = slim.repeat(net, 9, block8, scale=0.20, activation_fn=activation_fn)
        net = block8(net, activation_fn=None)
        net = slim.conv2d(net, 1536, 1, scope='Conv2d_7b_1x1')
    return net, pre_aux_logits


def inception_resnet_v2(inputs, num_classes=1001, is_training=True, dropout_keep_prob=0.8,
                        scope='InceptionResnetV2', create_aux_logits=True, activation_fn=tf.nn.relu):
    """The classifier: base, AuxLogits (export_inference_graph keeps the default create_aux_logits), 8x8 average
    pool, flatten, dropout, fully connected Logits, softmax Predictions."""
    with tf.variable_scope(scope, 'InceptionResnetV2', [inputs]) as scope:
        with slim.arg_scope([slim.batch_norm, slim.dropout], is_training=is_training):
            net, pre_aux_logits = inception_resnet_v2_base(inputs, scope=scope, activation_fn=activation_fn)
            if create_aux_logits and num_classes:
                with tf.variable_scope('AuxLogits'):
                    aux = slim.avg_pool2d(pre_aux_logits, 5, stride=3, padding='VALID', scope='Conv2d_1a_3x3')
                    aux = slim.conv2d(aux, 128, 1, scope='Conv2d_1b_1x1')
                    aux = slim.conv2d(aux, 768, aux.get_shape()[1:3], padding='VALID', scope='Conv2d_2a_5x5')
                    aux = slim.flatten(aux)
                    slim.fully_connected(aux, num_classes, activation_fn=None, scope='Logits')
            with tf.variable_scope('Logits'):
                net = slim.avg_pool2d(net, net.get_shape()[1:3], padding='VALID', scope='AvgPool_1a_8x8')
                net = slim.flatten(net)
                net = slim.dropout(net, dropout_keep_prob, is_training=is_training, scope='Dropout')
                logits = slim.fully_connected(net, num_classes, activation_fn=None, scope='Logits')
                predictions = tf.nn.softmax(logits, name='Predictions')
    return logits, {'Logits': logits, 'Predictions': predictions}


def inception_resnet_v2_arg_scope(weight_decay=0.00004, batch_norm_decay=0.9997, batch_norm_epsilon=0.001,
                                  activation_fn=tf.nn.relu):
    """l2 on conv and fully connected weights and biases; batch norm without scale (gamma) after every conv."""
    batch_norm_params = {'decay': batch_norm_decay, 'epsilon': batch_norm_epsilon,
                         'updates_collections': tf.GraphKeys.UPDATE_OPS, 'fused': None, 'scale': False}
    with slim.arg_scope([slim.conv2d, slim.fully_connected], weights_regularizer=slim.l2_regularizer(weight_decay),
                        biases_regularizer=slim.l2_regularizer(weight_decay)), \
            slim.arg_scope([slim.conv2d], activation_fn=activation_fn, normalizer_fn=slim.batch_norm,
                           normalizer_params=batch_norm_params) as scope:
        return scope
