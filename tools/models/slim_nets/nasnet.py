"""NASNet-A Mobile (Zoph et al. 2017, arXiv:1707.07012) as research/slim/nets/nasnet/nasnet.py's
build_nasnet_mobile builds it (mobile_imagenet_config: 12 cells of 44 filters, stem multiplier 1): the ImageNet
stem (conv0, conv0_bn, reduction cells cell_stem_0 and cell_stem_1 at filter scaling 1/4 and 1/2), normal cells
cell_0 .. cell_11 with reduction cells reduction_cell_0 and reduction_cell_1 before cell_4 and cell_8 (each doubling
the filters), final_layer (relu, global mean, dropout, fully connected FC, softmax `predictions`). No top scope,
as Slim's. The auxiliary head is built only when training, so inference graphs have none. The cells are in
nasnet_utils.py."""
import tensorflow.compat.v1 as tf
import tf_slim as slim

from slim_nets import nasnet_utils

NUM_CELLS = 12
NUM_CONV_FILTERS = 44
NUM_REDUCTION_LAYERS = 2
FILTER_SCALING_RATE = 2.0
DENSE_DROPOUT_KEEP_PROB = 0.5


def nasnet_mobile_arg_scope(weight_decay=4e-5, batch_norm_decay=0.9997, batch_norm_epsilon=1e-3):
    """Fan-out variance scaling weights, l2, fully connected scope FC without activation, convolutions without
    activation or biases (each followed by an explicit batch norm with scale, fused)."""
    batch_norm_params = {'decay': batch_norm_decay, 'epsilon': batch_norm_epsilon, 'scale': True, 'fused': True}
    with slim.arg_scope([slim.fully_connected, slim.conv2d, slim.separable_conv2d],
                        weights_regularizer=slim.l2_regularizer(weight_decay),
                        weights_initializer=slim.variance_scaling_initializer(mode='FAN_OUT')), \
            slim.arg_scope([slim.fully_connected], activation_fn=None, scope='FC'), \
            slim.arg_scope([slim.conv2d, slim.separable_conv2d], activation_fn=None, biases_initializer=None), \
            slim.arg_scope([slim.batch_norm], **batch_norm_params) as sc:
        return sc


def imagenet_stem(inputs, stem_cell):
    """conv0 (3x3 stride 2 VALID, 32 filters) + conv0_bn, then cell_stem_0 and cell_stem_1 (stride 2); returns
    the last output and the list of cell outputs [None, conv0_bn, cell_stem_0, cell_stem_1]."""
    net = slim.conv2d(inputs, 32, [3, 3], stride=2, scope='conv0', padding='VALID')
    net = slim.batch_norm(net, scope='conv0_bn')
    cell_outputs = [None, net]
    filter_scaling = 1.0 / FILTER_SCALING_RATE ** 2
    for cell_num in range(2):
        net = stem_cell(net, scope='cell_stem_{}'.format(cell_num), filter_scaling=filter_scaling, stride=2,
                        prev_layer=cell_outputs[-2])
        cell_outputs.append(net)
        filter_scaling *= FILTER_SCALING_RATE
    return net, cell_outputs


def final_layer(net, num_classes):
    """relu, global average, dropout, the fully connected logits (FC) and the softmax `predictions`."""
    with tf.variable_scope('final_layer'):
        net = nasnet_utils.global_avg_pool(tf.nn.relu(net))
        net = slim.dropout(net, DENSE_DROPOUT_KEEP_PROB, scope='dropout')
        logits = slim.fully_connected(net, num_classes)
        predictions = tf.nn.softmax(logits, name='predictions')
    return logits, {'Logits': logits, 'Predictions': predictions}


def build_nasnet_mobile(images, num_classes, is_training=True):
    normal_cell = nasnet_utils.NasNetANormalCell(NUM_CONV_FILTERS)
    reduction_cell = nasnet_utils.NasNetAReductionCell(NUM_CONV_FILTERS)
    with slim.arg_scope([slim.dropout, slim.batch_norm], is_training=is_training):
        reduction_indices = nasnet_utils.calc_reduction_layers(NUM_CELLS, NUM_REDUCTION_LAYERS)
        net, cell_outputs = imagenet_stem(images, reduction_cell)
        filter_scaling = 1.0
        for cell_num in range(NUM_CELLS):
            if cell_num in reduction_indices:
                filter_scaling *= FILTER_SCALING_RATE
                net = reduction_cell(net, scope='reduction_cell_{}'.format(reduction_indices.index(cell_num)),
                                     filter_scaling=filter_scaling, stride=2, prev_layer=cell_outputs[-2])
                cell_outputs.append(net)
            net = normal_cell(net, scope='cell_{}'.format(cell_num), filter_scaling=filter_scaling, stride=1,
                              prev_layer=cell_outputs[-2])
            cell_outputs.append(net)
        return final_layer(net, num_classes)
