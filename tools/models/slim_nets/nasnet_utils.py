"""The cells of NASNet-A and PNASNet-5 as research/slim/nets/nasnet/nasnet_utils.py builds them (NasNetABaseCell
and its subclasses): each cell runs relu + 1x1 conv + beginning_bn on its input (hidden state 0), matches the
previous cell's output to it (hidden state 1: prev_1x1 + prev_bn, or a factorized reduction path1_conv/path2_conv/
final_path_bn where the resolution differs), applies five comb_iter_N (a left and a right operation on two hidden
states, added in `combine`) and concatenates the unused hidden states in cell_output. Scope names as Slim's.
Only what inference graphs use is kept: NHWC, ReLU (no bounded activations) and no drop path (nets_factory's
inference graphs set drop_path_keep_prob to 1, so Slim applies none)."""
import tensorflow.compat.v1 as tf
import tf_slim as slim


def calc_reduction_layers(num_cells, num_reduction_layers):
    """The indices of the cells before which a reduction happens: [4, 8] for 12 cells, [3, 6] for 9."""
    return [int(float(pool_num) / (num_reduction_layers + 1) * num_cells)
            for pool_num in range(1, num_reduction_layers + 1)]


def global_avg_pool(x):
    return tf.reduce_mean(x, [1, 2])


def factorized_reduction(net, output_filters, stride):
    """Halves the resolution without losing the odd pixels: two strided 1x1 paths, the second shifted by one pixel
    (zero padded right and bottom), concatenated and batch normalized; a 1x1 conv + batch norm when stride is 1."""
    if stride == 1:
        net = slim.conv2d(net, output_filters, 1, scope='path_conv')
        return slim.batch_norm(net, scope='path_bn')
    stride_spec = [1, stride, stride, 1]
    path1 = tf.nn.avg_pool(net, [1, 1, 1, 1], stride_spec, 'VALID')
    path1 = slim.conv2d(path1, int(output_filters / 2), 1, scope='path1_conv')
    path2 = tf.pad(net, [[0, 0], [0, 1], [0, 1], [0, 0]])[:, 1:, 1:, :]
    path2 = tf.nn.avg_pool(path2, [1, 1, 1, 1], stride_spec, 'VALID')
    path2 = slim.conv2d(path2, int(output_filters / 2) + int(output_filters % 2), 1, scope='path2_conv')
    final_path = tf.concat(values=[path1, path2], axis=3)
    return slim.batch_norm(final_path, scope='final_path_bn')


def _channels(net):
    return int(net.shape[3])


def _stacked_separable_conv(net, stride, operation, filter_size):
    """'separable_KxK_N': N times relu, separable conv (only the first one strided), batch norm."""
    kernel_size = int(operation.split('x')[0][-1])
    num_layers = int(operation.split('_')[-1])
    for layer_num in range(1, num_layers + 1):
        net = tf.nn.relu(net)
        net = slim.separable_conv2d(net, filter_size, kernel_size, depth_multiplier=1,
                                    scope='separable_{0}x{0}_{1}'.format(kernel_size, layer_num), stride=stride)
        net = slim.batch_norm(net, scope='bn_sep_{0}x{0}_{1}'.format(kernel_size, layer_num))
        stride = 1
    return net


def _pooling(net, stride, operation):
    """'avg_pool_KxK' or 'max_pool_KxK', SAME padding."""
    pooling_type = operation.split('_')[0]
    pooling_shape = int(operation.split('_')[-1].split('x')[0])
    pool = {'avg': slim.avg_pool2d, 'max': slim.max_pool2d}[pooling_type]
    return pool(net, pooling_shape, stride=stride, padding='SAME')


class NasNetABaseCell(object):
    """A cell: `operations` (two per comb_iter, left then right), applied to the hidden states of
    `hiddenstate_indices`; the hidden states not in `used_hiddenstates` are the output."""

    def __init__(self, num_conv_filters, operations, used_hiddenstates, hiddenstate_indices):
        self._num_conv_filters = num_conv_filters
        self._operations = operations
        self._used_hiddenstates = used_hiddenstates
        self._hiddenstate_indices = hiddenstate_indices
        self._filter_size = None

    def _reduce_prev_layer(self, prev_layer, curr_layer):
        """The previous cell's output matched to this cell's width and filter count."""
        if prev_layer is None:
            return curr_layer
        if int(curr_layer.shape[2]) != int(prev_layer.shape[2]):
            return factorized_reduction(tf.nn.relu(prev_layer), self._filter_size, stride=2)
        if self._filter_size != _channels(prev_layer):
            prev_layer = slim.conv2d(tf.nn.relu(prev_layer), self._filter_size, 1, scope='prev_1x1')
            return slim.batch_norm(prev_layer, scope='prev_bn')
        return prev_layer

    def _cell_base(self, net, prev_layer):
        prev_layer = self._reduce_prev_layer(prev_layer, net)
        net = slim.conv2d(tf.nn.relu(net), self._filter_size, 1, scope='1x1')
        net = slim.batch_norm(net, scope='beginning_bn')
        return [net, prev_layer]

    def __call__(self, net, scope=None, filter_scaling=1, stride=1, prev_layer=None):
        self._filter_size = int(self._num_conv_filters * filter_scaling)
        with tf.variable_scope(scope):
            net = self._cell_base(net, prev_layer)
            for iteration in range(5):
                with tf.variable_scope('comb_iter_{}'.format(iteration)):
                    left, right = self._hiddenstate_indices[2 * iteration:2 * iteration + 2]
                    with tf.variable_scope('left'):
                        h1 = self._apply_conv_operation(net[left], self._operations[2 * iteration], stride,
                                                        left < 2)
                    with tf.variable_scope('right'):
                        h2 = self._apply_conv_operation(net[right], self._operations[2 * iteration + 1], stride,
                                                        right < 2)
                    with tf.variable_scope('combine'):
                        net.append(h1 + h2)
            with tf.variable_scope('cell_output'):
                return self._combine_unused_states(net)

    def _apply_conv_operation(self, net, operation, stride, is_from_original_input):
        """Only the cell's two inputs are strided (in a reduction cell)."""
        if stride > 1 and not is_from_original_input:
            stride = 1
        input_filters = _channels(net)
        if 'separable' in operation:
            return _stacked_separable_conv(net, stride, operation, self._filter_size)
        if operation == 'none':
            if stride > 1 or input_filters != self._filter_size:
                net = slim.conv2d(tf.nn.relu(net), self._filter_size, 1, stride=stride, scope='1x1')
                net = slim.batch_norm(net, scope='bn_1')
            return net
        net = _pooling(net, stride, operation)
        if input_filters != self._filter_size:
            net = slim.conv2d(net, self._filter_size, 1, stride=1, scope='1x1')
            net = slim.batch_norm(net, scope='bn_1')
        return net

    def _combine_unused_states(self, net):
        """The unused hidden states, each reduced to the last one's height and filters where it differs,
        concatenated."""
        final_height = int(net[-1].shape[2])
        final_num_filters = _channels(net[-1])
        for idx, used in enumerate(self._used_hiddenstates):
            curr_height = int(net[idx].shape[2])
            if not used and (final_height != curr_height or final_num_filters != _channels(net[idx])):
                with tf.variable_scope('reduction_{}'.format(idx)):
                    net[idx] = factorized_reduction(net[idx], final_num_filters,
                                                    2 if final_height != curr_height else 1)
        states = [h for h, used in zip(net, self._used_hiddenstates) if not used]
        return tf.concat(values=states, axis=3)


class NasNetANormalCell(NasNetABaseCell):
    def __init__(self, num_conv_filters):
        super().__init__(num_conv_filters,
                         ['separable_5x5_2', 'separable_3x3_2', 'separable_5x5_2', 'separable_3x3_2',
                          'avg_pool_3x3', 'none', 'avg_pool_3x3', 'avg_pool_3x3', 'separable_3x3_2', 'none'],
                         [1, 0, 0, 0, 0, 0, 0], [0, 1, 1, 1, 0, 1, 1, 1, 0, 0])


class NasNetAReductionCell(NasNetABaseCell):
    def __init__(self, num_conv_filters):
        super().__init__(num_conv_filters,
                         ['separable_5x5_2', 'separable_7x7_2', 'max_pool_3x3', 'separable_7x7_2',
                          'avg_pool_3x3', 'separable_5x5_2', 'none', 'avg_pool_3x3', 'separable_3x3_2',
                          'max_pool_3x3'],
                         [1, 1, 1, 0, 0, 0, 0], [0, 1, 0, 1, 0, 1, 3, 2, 2, 0])


class PNasNetNormalCell(NasNetABaseCell):
    """PNASNet-5's cell (research/slim/nets/nasnet/pnasnet.py), a reduction where strided."""

    def __init__(self, num_conv_filters):
        super().__init__(num_conv_filters,
                         ['separable_5x5_2', 'max_pool_3x3', 'separable_7x7_2', 'max_pool_3x3',
                          'separable_5x5_2', 'separable_3x3_2', 'separable_3x3_2', 'max_pool_3x3',
                          'separable_3x3_2', 'none'],
                         [1, 1, 0, 0, 0, 0, 0], [1, 1, 0, 0, 0, 0, 4, 0, 1, 0])
