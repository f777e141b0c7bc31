"""PNASNet-5 Mobile (Liu et al. 2017, arXiv:1712.00559) as research/slim/nets/nasnet/pnasnet.py's
build_pnasnet_mobile builds it (mobile_imagenet_config: 9 cells of 54 filters, stem multiplier 1, each cell's
previous input taken from two cells back): NASNet's ImageNet stem with PNASNet's cell as cell_stem_0/1, cells
cell_0 .. cell_8 of which cell_3 and cell_6 are strided (reductions, doubling the filters), NASNet's final_layer
(FC, `predictions`). No top scope; no auxiliary head in inference graphs. Uses nasnet_mobile_arg_scope, as
pnasnet_mobile_arg_scope does."""
import tf_slim as slim

from slim_nets import nasnet, nasnet_utils

NUM_CELLS = 9
NUM_CONV_FILTERS = 54


def build_pnasnet_mobile(images, num_classes, is_training=True):
    cell = nasnet_utils.PNasNetNormalCell(NUM_CONV_FILTERS)
    with slim.arg_scope([slim.dropout, slim.batch_norm], is_training=is_training):
        reduction_indices = nasnet_utils.calc_reduction_layers(NUM_CELLS, nasnet.NUM_REDUCTION_LAYERS)
        net, cell_outputs = nasnet.imagenet_stem(images, cell)
        filter_scaling = 1.0
        for cell_num in range(NUM_CELLS):
            is_reduction = cell_num in reduction_indices
            if is_reduction:
                filter_scaling *= nasnet.FILTER_SCALING_RATE
            net = cell(net, scope='cell_{}'.format(cell_num), filter_scaling=filter_scaling,
                       stride=2 if is_reduction else 1, prev_layer=cell_outputs[-2])
            cell_outputs.append(net)
        return nasnet.final_layer(net, num_classes)
