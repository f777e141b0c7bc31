#!/usr/bin/env python3
"""Generate testdata/shapes/: small TensorFlow graphs and the dtypes and static shapes TensorFlow infers for them.

These are the goldens of the Java static shape inference (dev.tfir.common.infer.ShapeInference). For every graph
the script writes

  NAME.pb          the GraphDef in binary, as Graph.as_graph_def() gives it (so without `_output_shapes`, but see
                   unmodelled_ops_output_shapes)
  NAME.shapes.txt  one line per node output, `name:port dtype shape`, in import order, e.g.
                   `conv/Conv2D:0 float32 [-1,112,112,64]`; dtype is TensorFlow's Python name (float32_ref for a
                   reference); shape has -1 for an unknown dim, `[]` for a scalar and `?` for an unknown rank.

The shapes are TensorFlow's own: the written GraphDef is imported again into a fresh tf.Graph
(tf.graph_util.import_graph_def, TensorFlow's C++ shape inference) and every `op.outputs[i].shape` and
`.dtype.name` is printed. Importing again, rather than reading the graph as built, keeps out what Python's
`set_shape` calls added while building, which the GraphDef does not hold.

The op-family graphs are built op by op (tf.raw_ops where the op name matters). unmodelled_ops holds ops the Java
side does not model; unmodelled_ops_output_shapes is the same graph written with `_output_shapes`
(as_graph_def(add_shapes=True)), from which the Java side must then get every shape. slim_inception_v1_inference_bnone
is an inference graph with variables; the other nets are frozen (convert_variables_to_constants on randomly
initialized variables) and then every float constant of more than 16 elements is written as a splat (one `float_val` for the whole shape, the form TensorFlow itself uses for
uniform tensors), which keeps the files small while the graph and all its shapes stay the same.

Usage:
  python tools/models/make_shape_fixtures.py            # all fixtures into testdata/shapes/
  python tools/models/make_shape_fixtures.py --only conv_pool,keras_mobilenet_b1
  python tools/models/make_shape_fixtures.py --list

Needs the environment of make_models.py (tensorflow-cpu 2.17.1, tf-slim 1.1.0, tf-keras 2.17.0); it borrows that
script's TensorFlow set-up.
"""

import argparse
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_models import SEED, _slim, _tf1_graph_mode, write_graph_def  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
OUT_DIR = REPO / 'testdata' / 'shapes'
SPLAT_ABOVE = 16  # float constants with more elements than this are written as one repeated value


# --------------------------------------------------------------------------------------------------------------
# Goldens
# --------------------------------------------------------------------------------------------------------------

def shape_text(shape):
    if shape.rank is None:
        return '?'
    return '[' + ','.join('-1' if d is None else str(d) for d in shape.as_list()) + ']'


def golden_lines(tf, graph_def):
    """TensorFlow's dtypes and shapes for every node output of graph_def, as imported into a fresh graph."""
    graph = tf.Graph()
    with graph.as_default():
        tf.graph_util.import_graph_def(graph_def, name='')
    return ['%s:%d %s %s' % (op.name, i, out.dtype.name, shape_text(out.shape))
            for op in graph.get_operations() for i, out in enumerate(op.outputs)]


def write_fixture(tf, name, made):
    """The fixture's graph and its goldens: those `made` gives with the graph (as_built), else the import's."""
    graph_def, lines = made if isinstance(made, tuple) else (made, golden_lines(tf, made))
    write_graph_def(graph_def, OUT_DIR / (name + '.pb'))
    (OUT_DIR / (name + '.shapes.txt')).write_text('\n'.join(lines) + '\n')
    return len(lines)


def splat_float_constants(tf, graph_def):
    """Replaces every float constant of more than SPLAT_ABOVE elements by a splat of the same dtype and shape."""
    for node in graph_def.node:
        if node.op != 'Const':
            continue
        tensor = node.attr['value'].tensor
        count = 1
        for d in tensor.tensor_shape.dim:
            count *= d.size
        if tensor.dtype != tf.float32.as_datatype_enum or count <= SPLAT_ABOVE:
            continue
        splat = tf.make_tensor_proto(0.01, tf.float32, [d.size for d in tensor.tensor_shape.dim])
        if len(splat.float_val) != 1:
            raise AssertionError('make_tensor_proto did not give a splat for ' + node.name)
        tensor.CopyFrom(splat)
    return graph_def


def frozen(tf, graph, outputs):
    """convert_variables_to_constants on randomly initialized variables (fixed seed), float weights splatted."""
    with graph.as_default(), tf.compat.v1.Session(graph=graph) as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        graph_def = tf.compat.v1.graph_util.convert_variables_to_constants(sess, graph.as_graph_def(), outputs)
    return splat_float_constants(tf, graph_def)


def built(tf, build, add_shapes=False):
    graph = tf.Graph()
    with graph.as_default():
        tf.compat.v1.set_random_seed(SEED)
        build(tf)
    return graph.as_graph_def(add_shapes=add_shapes)


def placeholder(tf, shape, name, dtype=None):
    return tf.compat.v1.placeholder(dtype or tf.float32, shape, name=name)


# --------------------------------------------------------------------------------------------------------------
# Op families
# --------------------------------------------------------------------------------------------------------------

UNARY = ['Identity', 'Relu', 'Relu6', 'Sigmoid', 'Tanh', 'Elu', 'Selu', 'Softplus', 'Softsign', 'Neg', 'Exp',
         'Log', 'Sqrt', 'Rsqrt', 'Square', 'Abs', 'Floor', 'Ceil', 'Round', 'Sign', 'Reciprocal', 'Erf',
         'StopGradient', 'ZerosLike', 'OnesLike', 'Snapshot']
BINARY = ['Add', 'AddV2', 'Sub', 'Mul', 'RealDiv', 'Div', 'Maximum', 'Minimum', 'SquaredDifference', 'Pow',
          'FloorDiv', 'FloorMod', 'DivNoNan']
COMPARISONS = ['Equal', 'NotEqual', 'Less', 'LessEqual', 'Greater', 'GreaterEqual']


def elementwise(tf):
    raw = tf.raw_ops
    a = placeholder(tf, [None, 4, 1, 3], 'a')
    b = placeholder(tf, [1, 5, 3], 'b')
    s = placeholder(tf, [], 'scalar')
    u = placeholder(tf, None, 'unknown_rank')
    d = placeholder(tf, [2, None], 'd')
    e = placeholder(tf, [None, 3], 'e')
    one = placeholder(tf, [1, None], 'one')
    for op in UNARY:
        getattr(raw, op)(**{_unary_arg(op): a}, name=op)
    raw.Relu(features=u, name='Relu_unknown_rank')
    raw.Softmax(logits=e, name='Softmax')
    raw.LogSoftmax(logits=e, name='LogSoftmax')
    raw.LeakyRelu(features=a, alpha=0.1, name='LeakyRelu')
    raw.Cast(x=a, DstT=tf.int32, name='Cast')
    raw.IsNan(x=a, name='IsNan')
    raw.LRN(input=placeholder(tf, [None, 8, 8, 16], 'lrn_in'), name='LRN')
    c = placeholder(tf, [5, 1, 1], 'c')
    pairs = {'ab': (a, b), 'as': (a, s), 'au': (a, u), 'de': (d, e), 'eone': (e, one), 'dc': (d, c)}
    for op in BINARY:
        for key, (x, y) in pairs.items():
            getattr(raw, op)(x=x, y=y, name='%s_%s' % (op, key))
    for op in COMPARISONS:
        getattr(raw, op)(x=a, y=b, name=op)
    raw.Equal(x=d, y=e, incompatible_shape_error=False, name='Equal_lenient')
    raw.NotEqual(x=a, y=b, incompatible_shape_error=False, name='NotEqual_lenient')
    raw.Equal(x=d, y=placeholder(tf, [4, 3], 'f'), incompatible_shape_error=False, name='Equal_incompatible')
    p = raw.Less(x=a, y=s, name='mask')
    q = raw.Greater(x=b, y=s, name='mask_b')
    raw.LogicalAnd(x=p, y=q, name='LogicalAnd')
    raw.LogicalOr(x=p, y=q, name='LogicalOr')
    raw.LogicalNot(x=p, name='LogicalNot')
    raw.BiasAdd(value=a, bias=placeholder(tf, [3], 'bias'), name='BiasAdd')
    raw.BiasAdd(value=placeholder(tf, [None, None, 4, 4], 'nchw'), bias=placeholder(tf, [6], 'bias6'),
                data_format='NCHW', name='BiasAdd_nchw')
    raw.BiasAdd(value=placeholder(tf, [None, None], 'no_channels'), bias=placeholder(tf, [7], 'bias7'),
                name='BiasAdd_unknown_channels')
    raw.AddN(inputs=[d, placeholder(tf, [None, 3], 'e2'), placeholder(tf, None, 'u2')], name='AddN')
    raw.Select(condition=placeholder(tf, [2], 'cond_vector', tf.bool), x=d, y=placeholder(tf, [None, 5], 'd5'),
               name='Select')
    raw.Select(condition=p, x=a, y=a, name='Select_same')
    raw.SelectV2(condition=placeholder(tf, [5, 1], 'cond51', tf.bool), t=b, e=s, name='SelectV2')
    raw.Select(condition=placeholder(tf, [], 'cond_scalar', tf.bool), x=d, y=e, name='Select_scalar')
    raw.Select(condition=placeholder(tf, [None, 3], 'cond_matrix', tf.bool), x=d, y=d, name='Select_matrix')
    raw.AddV2(x=placeholder(tf, [0, 3], 'empty'), y=e, name='AddV2_empty')
    raw.AddV2(x=placeholder(tf, [0, 3], 'empty2'), y=placeholder(tf, [1, 3], 'row'), name='AddV2_empty_row')


def _unary_arg(op):
    if op in ('Identity', 'StopGradient', 'Snapshot'):
        return 'input'
    return 'features' if op in ('Relu', 'Relu6', 'Elu', 'Selu', 'Softplus', 'Softsign') else 'x'


def conv_pool(tf):
    raw = tf.raw_ops
    x = placeholder(tf, [1, 28, 28, 3], 'x')
    xn = placeholder(tf, [1, 3, 28, 28], 'x_nchw')
    xu = placeholder(tf, [None, None, None, 3], 'x_unknown_hw')
    xr = placeholder(tf, None, 'x_unknown_rank')
    w = placeholder(tf, [3, 3, 3, 8], 'w')
    w5 = placeholder(tf, [5, 5, 3, 4], 'w5')
    wu = placeholder(tf, None, 'w_unknown')
    dw = placeholder(tf, [3, 3, 3, 2], 'dw')
    raw.Conv2D(input=x, filter=w, strides=[1, 1, 1, 1], padding='SAME', name='conv_same')
    raw.Conv2D(input=x, filter=w, strides=[1, 2, 2, 1], padding='SAME', name='conv_same_s2')
    raw.Conv2D(input=x, filter=w5, strides=[1, 3, 3, 1], padding='VALID', name='conv_valid_s3')
    raw.Conv2D(input=x, filter=w, strides=[1, 1, 1, 1], padding='VALID', dilations=[1, 2, 2, 1],
               name='conv_dilated')
    raw.Conv2D(input=x, filter=w5, strides=[1, 2, 1, 1], padding='EXPLICIT',
               explicit_paddings=[0, 0, 1, 2, 3, 0, 0, 0], name='conv_explicit')
    raw.Conv2D(input=xn, filter=w, strides=[1, 1, 2, 2], padding='SAME', data_format='NCHW', name='conv_nchw')
    raw.Conv2D(input=xu, filter=w, strides=[1, 2, 2, 1], padding='SAME', name='conv_unknown_hw')
    raw.Conv2D(input=x, filter=wu, strides=[1, 1, 1, 1], padding='VALID', name='conv_unknown_filter')
    raw.Conv2D(input=x, filter=wu, strides=[1, 2, 2, 1], padding='SAME', name='conv_unknown_filter_same')
    raw.Conv2D(input=xr, filter=w, strides=[1, 1, 1, 1], padding='SAME', name='conv_unknown_rank')
    raw.DepthwiseConv2dNative(input=x, filter=dw, strides=[1, 2, 2, 1], padding='SAME', name='depthwise')
    raw.DepthwiseConv2dNative(input=xn, filter=dw, strides=[1, 1, 1, 1], padding='VALID', data_format='NCHW',
                              dilations=[1, 1, 2, 2], name='depthwise_nchw')
    raw.DepthwiseConv2dNative(input=xu, filter=dw, strides=[1, 1, 1, 1], padding='VALID', name='depthwise_unknown')
    raw.MaxPool(input=x, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='VALID', name='maxpool_valid')
    raw.MaxPool(input=x, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME', name='maxpool_same')
    raw.MaxPool(input=xn, ksize=[1, 1, 2, 2], strides=[1, 1, 2, 2], padding='VALID', data_format='NCHW',
                name='maxpool_nchw')
    raw.MaxPool(input=xu, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding='SAME', name='maxpool_unknown')
    raw.AvgPool(value=x, ksize=[1, 5, 5, 1], strides=[1, 3, 3, 1], padding='VALID', name='avgpool_valid')
    raw.AvgPool(value=xn, ksize=[1, 1, 3, 3], strides=[1, 1, 1, 1], padding='SAME', data_format='NCHW',
                name='avgpool_nchw')
    raw.MaxPoolV2(input=x, ksize=tf.constant([1, 2, 2, 1]), strides=tf.constant([1, 2, 2, 1]), padding='SAME',
                  name='maxpool_v2')
    out = tf.constant([1, 56, 56, 3], name='deconv_shape')
    raw.Conv2DBackpropInput(input_sizes=out, filter=w, out_backprop=placeholder(tf, [1, 28, 28, 8], 'dy'),
                            strides=[1, 2, 2, 1], padding='SAME', name='deconv')
    dyn = tf.stack([tf.shape(xu)[0], 14, 14, 3], name='deconv_dynamic_shape')
    raw.Conv2DBackpropInput(input_sizes=dyn, filter=w, out_backprop=placeholder(tf, [None, 7, 7, 8], 'dy2'),
                            strides=[1, 2, 2, 1], padding='SAME', name='deconv_dynamic')
    raw.Conv2DBackpropInput(input_sizes=tf.constant([9, 9]), filter=w, out_backprop=placeholder(tf, [2, 3, 3, 8],
                            'dy3'), strides=[1, 3, 3, 1], padding='VALID', name='deconv_spatial_sizes')
    raw.MaxPool(input=x, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='EXPLICIT',
                explicit_paddings=[0, 0, 1, 1, 0, 2, 0, 0], name='maxpool_explicit')
    raw.MaxPool(input=x, ksize=[1, 1, 1, 3], strides=[1, 1, 1, 3], padding='VALID', name='maxpool_depth')
    raw.AvgPool(value=xr, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding='VALID', name='avgpool_unknown_rank')
    raw.Conv2D(input=xr, filter=w, strides=[1, 1, 1, 1], padding='VALID', data_format='NCHW',
               name='conv_nchw_unknown_rank')


def shape_ops(tf):
    raw = tf.raw_ops
    x = placeholder(tf, [2, 3, 4], 'x')
    p = placeholder(tf, [None, 7, 7, 3], 'p')
    q = placeholder(tf, [None, None, 5], 'q')
    u = placeholder(tf, None, 'u')
    k = placeholder(tf, [None], 'dynamic_ints', tf.int32)
    n = placeholder(tf, [], 'dynamic_int', tf.int32)
    tf.reshape(x, [-1, 12], name='reshape_minus1')
    tf.reshape(x, [4, 3, 2], name='reshape_full')
    tf.reshape(p, [-1, 147], name='reshape_batch')
    tf.reshape(p, [3, -1], name='reshape_unknown_both')
    tf.reshape(u, [2, -1, 3], name='reshape_unknown_rank_in')
    tf.reshape(x, k, name='reshape_dynamic')
    tf.reshape(x, placeholder(tf, [3], 'dynamic_3ints', tf.int32), name='reshape_dynamic_rank3')
    shape_p = tf.shape(p, name='shape_p')
    tf.reshape(p, tf.stack([shape_p[0], -1]), name='reshape_pack_batch')
    tf.reshape(q, tf.stack([shape_p[1] * 2, -1]), name='reshape_pack_folded')
    tf.reshape(q, tf.concat([tf.shape(q)[:2], [5]], 0), name='reshape_concat_partial')
    tf.reshape(q, tf.cast(tf.shape(q, out_type=tf.int64), tf.int32), name='reshape_cast_partial')
    tf.reshape(q, tf.identity(tf.shape(q)), name='reshape_identity_partial')
    tf.reshape(q, tf.shape(q)[1:], name='reshape_slice_partial')
    tf.shape(x, name='shape_full')
    tf.shape(u, name='shape_unknown')
    tf.shape(x, out_type=tf.int64, name='shape_int64')
    tf.size(p, name='size')
    tf.size(x, name='size_full')
    tf.rank(p, name='rank')
    raw.ShapeN(input=[x, p], name='shape_n')
    tf.squeeze(placeholder(tf, [1, 3, 1, 2], 's'), name='squeeze_all')
    tf.squeeze(placeholder(tf, [1, None, 1, 2], 's2'), axis=[0, -2], name='squeeze_dims')
    tf.squeeze(placeholder(tf, [1, None, 1], 's3'), name='squeeze_unknown')
    tf.squeeze(u, axis=[1], name='squeeze_unknown_rank')
    tf.expand_dims(x, 0, name='expand_0')
    tf.expand_dims(x, -1, name='expand_last')
    tf.expand_dims(x, n, name='expand_dynamic')
    tf.expand_dims(tf.constant(3), 0, name='expand_scalar')
    tf.stack([x, x], axis=0, name='pack_0')
    tf.stack([x, x, x], axis=-1, name='pack_last')
    tf.stack([p[:, 0], p[:, 1]], axis=1, name='pack_partial')
    tf.unstack(x, axis=1, name='unpack_1')
    tf.unstack(q, num=5, axis=-1, name='unpack_last')
    tf.concat([x, x], 1, name='concat_1')
    tf.concat([p, placeholder(tf, [None, None, 7, 2], 'r')], -1, name='concat_last')
    tf.concat([x, u], 0, name='concat_unknown_rank')
    raw.ConcatV2(values=[x, x], axis=n, name='concat_dynamic_axis')
    raw.Concat(concat_dim=tf.constant(0), values=[x, x], name='concat_v1')
    tf.pad(x, [[1, 1], [0, 2], [3, 0]], name='pad')
    tf.pad(p, [[0, 0], [1, 1], [1, 1], [0, 0]], constant_values=1.0, name='pad_v2')
    tf.pad(x, [[1, 1], [2, 2], [0, 0]], mode='REFLECT', name='mirror_pad')
    tf.pad(x, placeholder(tf, [3, 2], 'dynamic_paddings', tf.int32), name='pad_dynamic')
    tf.transpose(p, [0, 3, 1, 2], name='transpose')
    tf.transpose(x, name='transpose_default')
    tf.transpose(x, placeholder(tf, [3], 'dynamic_perm', tf.int32), name='transpose_dynamic')
    tf.transpose(u, [1, 0], name='transpose_unknown_rank')
    tf.strided_slice(x, [1], [3], name='ss_range')
    _ = (x[..., 0], x[:, tf.newaxis, 1:], x[-1], x[::-1, ::2], x[1:, ..., :-1],  # Python indexing: StridedSlice
         p[:, 1:6:2, ::3, tf.newaxis, 0], q[0, :, 2])
    tf.strided_slice(x, k[:1], [3], name='ss_dynamic_begin')
    tf.strided_slice(p, [0, 0], [1, 5], begin_mask=1, end_mask=1, name='ss_masked')
    tf.slice(x, [0, 1, 0], [2, -1, 3], name='slice')
    tf.slice(p, [0, 1, 2, 0], [-1, 2, -1, 2], name='slice_partial')
    tf.slice(x, [0, 0, 0], tf.stack([1, n, 2]), name='slice_dynamic_size')
    tf.fill([2, 3], 1.5, name='fill')
    tf.fill(tf.stack([shape_p[1], shape_p[0]]), 0, name='fill_partial')
    tf.fill(k, 0.0, name='fill_dynamic')
    tf.tile(x, [1, 2, 3], name='tile')
    tf.tile(p, tf.stack([2, shape_p[0], 1, 1]), name='tile_partial')
    tf.tile(x, placeholder(tf, [3], 'dynamic_multiples', tf.int32), name='tile_dynamic')
    tf.split(x, 2, axis=0, name='split')
    tf.split(p, 3, axis=-1, name='split_last')
    tf.split(x, [1, -1, 2], axis=2, name='split_v')
    tf.split(q, [2, 3], axis=2, name='split_v_partial')
    raw.Split(axis=n, value=x, num_split=2, name='split_dynamic')
    tf.compat.v1.placeholder_with_default(x, [None, 3, None], name='with_default')
    raw.IdentityN(input=[x, p, n], name='identity_n')
    tf.range(10, name='range')
    tf.range(2, 11, 3, name='range_step')
    tf.range(n, name='range_dynamic')
    tf.gather(x, [0, 2, 1, 0], axis=2, name='gather')
    tf.gather(p, k, axis=0, name='gather_dynamic_indices')
    tf.zeros_like(p, name='zeros_like')
    tf.ones([2, 5], name='ones')
    tf.reshape(p, [-1, tf.reduce_prod(tf.shape(p)[1:])], name='reshape_flatten')
    tf.reshape(q, [tf.shape(q)[0], -1], name='reshape_keep_batch')
    tf.reshape(x, tf.gather(tf.shape(x), [2, 1, 0]), name='reshape_gathered')
    tf.reshape(x, tf.constant(6, shape=[2]) - tf.constant([2, 0], dtype=tf.int32), name='reshape_splat')
    tf.reshape(x, tf.constant([4, 6], dtype=tf.int64), name='reshape_int64')
    tf.reshape(x, tf.concat([tf.shape(x)[-1:], [-1]], axis=-1), name='reshape_negative_axis_concat')
    tf.split(x, placeholder(tf, [3], 'dynamic_sizes', tf.int32), num=3, axis=1, name='split_v_dynamic')
    tf.expand_dims(u, 0, name='expand_unknown_rank')
    tf.transpose(u, [0], name='transpose_one_perm')
    _ = (q[:, 0], p[..., tf.newaxis], x[:, :, ::-2])  # more StridedSlice: shrink an unknown dim, new axis last
    tf.gather(x, [1, 0], axis=-1, name='gather_negative_axis')
    tf.gather(x, placeholder(tf, [2, 5], 'batch_indices', tf.int32), axis=1, batch_dims=1, name='gather_batch_dims')
    tf.concat([p, p], -2, name='concat_negative')
    tf.size(q, name='size_partial')
    raw.ShapeN(input=[q, u], name='shape_n_partial')
    partial = tf.concat([tf.shape(q), [7]], 0, name='partial_concat')
    tf.fill(tf.stack([partial[3] * 2, partial[2]]), 1.0, name='fill_from_partial_concat')
    packed = tf.stack([tf.shape(q)[0], 9], name='partial_pack')
    tf.fill(tf.stack([packed[1] + 1, 2]), 1.0, name='fill_from_partial_pack')
    tf.fill(tf.stack([tf.cast(tf.shape(q), tf.int64)[2] + 1, 2]), 1.0, name='fill_from_partial_cast')
    tf.fill(tf.stack([tf.shape(q)[1:][1], 3]), 1.0, name='fill_from_sliced_shape')


def reduce_matmul_norm(tf):
    raw = tf.raw_ops
    x = placeholder(tf, [None, 7, 7, 16], 'x')
    u = placeholder(tf, None, 'u')
    n = placeholder(tf, [], 'dynamic_axis', tf.int32)
    for op in ('Mean', 'Sum', 'Max', 'Min', 'Prod'):
        getattr(raw, op)(input=x, axis=[1, 2], keep_dims=True, name=op + '_keep')
        getattr(raw, op)(input=x, axis=[-1, 1], keep_dims=False, name=op)
    raw.Mean(input=x, axis=tf.constant(3), name='Mean_scalar_axis')
    raw.Mean(input=x, axis=placeholder(tf, [2], 'dynamic_axes', tf.int32), keep_dims=True, name='Mean_dynamic_keep')
    raw.Mean(input=x, axis=placeholder(tf, [2], 'dynamic_axes2', tf.int32), name='Mean_dynamic')
    raw.Mean(input=u, axis=[0], name='Mean_unknown_rank')
    raw.Sum(input=x, axis=tf.range(tf.rank(x)), name='Sum_all')
    b = placeholder(tf, [None, 4], 'flags', tf.bool)
    raw.Any(input=b, axis=[1], name='Any')
    raw.All(input=b, axis=[0], keep_dims=True, name='All')
    raw.ArgMax(input=x, dimension=3, name='ArgMax')
    raw.ArgMax(input=x, dimension=-3, output_type=tf.int32, name='ArgMax_int32')
    raw.ArgMin(input=x, dimension=n, name='ArgMin_dynamic')
    raw.ArgMax(input=placeholder(tf, [5], 'v'), dimension=0, name='ArgMax_vector')
    a = placeholder(tf, [None, 8], 'a')
    w = placeholder(tf, [8, 3], 'w')
    raw.MatMul(a=a, b=w, name='MatMul')
    raw.MatMul(a=w, b=a, transpose_a=True, transpose_b=True, name='MatMul_tt')
    raw.MatMul(a=u, b=w, name='MatMul_unknown')
    raw.BatchMatMulV2(x=placeholder(tf, [2, 1, 3, 4], 'bx'), y=placeholder(tf, [5, 4, 6], 'by'), name='BatchMatMulV2')
    raw.BatchMatMulV2(x=placeholder(tf, [None, 4, 3], 'bx2'), y=placeholder(tf, [6, 4], 'by2'), adj_x=True,
                      adj_y=True, name='BatchMatMulV2_adj')
    raw.BatchMatMulV2(x=u, y=placeholder(tf, [6, 4], 'by3'), name='BatchMatMulV2_unknown')
    raw.BatchMatMul(x=placeholder(tf, [None, 2, 3], 'bm_x'), y=placeholder(tf, [4, 3, 5], 'bm_y'), name='BatchMatMul')
    c = placeholder(tf, [16], 'c')
    cu = placeholder(tf, [None], 'c_unknown')
    raw.FusedBatchNorm(x=x, scale=c, offset=c, mean=c, variance=c, is_training=False, name='FusedBatchNorm')
    raw.FusedBatchNormV2(x=x, scale=c, offset=c, mean=cu, variance=cu, is_training=True, name='FusedBatchNormV2')
    raw.FusedBatchNormV3(x=placeholder(tf, [None, None, 5, 5], 'x_nchw'), scale=c, offset=c, mean=c, variance=c,
                         is_training=False, data_format='NCHW', name='FusedBatchNormV3_nchw')
    raw.FusedBatchNormV3(x=u, scale=cu, offset=c, mean=cu, variance=cu, is_training=True, name='FusedBatchNormV3')
    raw.Softmax(logits=raw.MatMul(a=a, b=w), name='Softmax')
    raw.BatchMatMulV3(x=placeholder(tf, [3, 2, 4], 'b3x'), y=placeholder(tf, [4, 5], 'b3y'), Tout=tf.float32,
                      name='BatchMatMulV3')
    raw.Mean(input=x, axis=tf.constant(-1), keep_dims=True, name='Mean_negative_scalar_keep')
    raw.Sum(input=x, axis=tf.constant([], dtype=tf.int32), name='Sum_no_axes')


def control_vars(tf):
    x = placeholder(tf, [None, 4], 'x')
    ref = tf.compat.v1.Variable(tf.zeros([4, 3]), use_resource=False, name='ref_var')
    tf.compat.v1.assign(ref, tf.ones([4, 3]), name='assign')
    tf.compat.v1.assign(ref, placeholder(tf, None, 'any_value'), validate_shape=False, name='assign_unvalidated')
    tf.compat.v1.assign_add(ref, tf.ones([4, 3]), name='assign_add')
    res = tf.compat.v1.Variable(tf.zeros([3, 2]), use_resource=True, name='res_var')
    y = tf.matmul(tf.matmul(x, ref), res, name='through_vars')
    flag = placeholder(tf, [], 'flag', tf.bool)
    tf.compat.v1.cond(flag, lambda: y * 2.0, lambda: y[:1], name='cond')
    tf.compat.v1.cond(flag, lambda: tf.reduce_sum(y), lambda: y, name='cond_rank')
    steps = placeholder(tf, [], 'steps', tf.int32)
    tf.compat.v1.while_loop(lambda i, v: i < steps, lambda i, v: (i + 1, v * 0.5), [tf.constant(0), y], name='loop')
    tf.group(y, name='done')


def unmodelled(tf):
    """Ops the Java inference does not model (ResizeBilinear, TopKV2) and modelled ops downstream of them."""
    x = placeholder(tf, [None, 8, 8, 3], 'x')
    resized = tf.compat.v1.image.resize_bilinear(x, [16, 16], name='resize')
    flat = tf.reshape(tf.nn.relu(resized), [-1, 768], name='flat')
    values, indices = tf.math.top_k(flat, k=5, name='top_k')
    tf.add(values, 1.0, name='shifted')
    tf.cast(indices, tf.float32, name='indices_as_float')
    tf.nn.relu(x, name='independent')


# --------------------------------------------------------------------------------------------------------------
# Nets
# --------------------------------------------------------------------------------------------------------------

def slim_net(name, batch, freeze=True):
    """A TF-Slim net as research/slim's nets_factory applies it (its arg_scope, is_training=False), frozen or as
    the inference graph (reference variables with their initializers, as export_inference_graph.py writes it)."""
    def make(tf):
        slim = _slim()
        from tf_slim.nets import alexnet, inception, overfeat, resnet_v1, vgg
        nets = {'inception_v1': (inception.inception_v1, inception.inception_v3_arg_scope, 224, 1001),
                'inception_v3': (inception.inception_v3, inception.inception_v3_arg_scope, 299, 1001),
                'resnet_v1_50': (resnet_v1.resnet_v1_50, resnet_v1.resnet_arg_scope, 224, 1000),
                'vgg_16': (vgg.vgg_16, vgg.vgg_arg_scope, 224, 1000),
                'alexnet_v2': (alexnet.alexnet_v2, alexnet.alexnet_v2_arg_scope, 224, 1000),
                'overfeat': (overfeat.overfeat, overfeat.overfeat_arg_scope, 231, 1000)}
        net, arg_scope, size, classes = nets[name]
        graph = tf.Graph()
        with graph.as_default():
            tf.compat.v1.set_random_seed(SEED)
            images = placeholder(tf, [batch, size, size, 3], 'input')
            with slim.arg_scope(arg_scope()):
                logits, _ = net(images, num_classes=classes, is_training=False)
        return frozen(tf, graph, [logits.op.name]) if freeze else graph.as_graph_def()
    return make


def keras_app(name, batch):
    """A Keras (tf_keras 2.17) application with random weights, built in inference mode, frozen."""
    def make(tf):
        import tf_keras
        graph = tf.Graph()
        with graph.as_default():
            tf.compat.v1.set_random_seed(SEED)
            tf_keras.backend.set_learning_phase(0)
            images = placeholder(tf, [batch, 224, 224, 3], 'input')
            model = getattr(tf_keras.applications, name)(weights=None, input_tensor=images)
        graph_def = frozen(tf, graph, [model.output.op.name])
        tf_keras.backend.clear_session()
        return graph_def
    return make


def detection_conv3d(tf):
    """The NMS family and the 3-D window ops, with known, dynamic and unknown shapes."""
    raw = tf.raw_ops
    boxes = placeholder(tf, [None, 4], 'boxes')
    scores = placeholder(tf, [None], 'scores')
    raw.NonMaxSuppression(boxes=boxes, scores=scores, max_output_size=5, iou_threshold=0.4, name='nms_v1')
    raw.NonMaxSuppressionV2(boxes=boxes, scores=scores, max_output_size=5, iou_threshold=0.5, name='nms_v2')
    raw.NonMaxSuppressionV3(boxes=placeholder(tf, [20, 4], 'boxes20'), scores=placeholder(tf, [20], 'scores20'),
                            max_output_size=5, iou_threshold=0.5, score_threshold=0.1, name='nms_v3')
    for pad in (False, True):
        raw.NonMaxSuppressionV4(boxes=boxes, scores=scores, max_output_size=6, iou_threshold=0.5,
                                score_threshold=0.1, pad_to_max_output_size=pad, name='nms_v4_pad%d' % pad)
        raw.NonMaxSuppressionV5(boxes=boxes, scores=scores, max_output_size=7, iou_threshold=0.5,
                                score_threshold=0.1, soft_nms_sigma=0.5, pad_to_max_output_size=pad,
                                name='nms_v5_pad%d' % pad)
    raw.NonMaxSuppressionV4(boxes=boxes, scores=scores, max_output_size=placeholder(tf, [], 'max_size', tf.int32),
                            iou_threshold=0.5, score_threshold=0.1, pad_to_max_output_size=True,
                            name='nms_v4_pad_unknown_size')
    batch_boxes = placeholder(tf, [None, 30, 1, 4], 'batch_boxes')
    batch_scores = placeholder(tf, [None, 30, 3], 'batch_scores')
    for pad, total in ((False, 10), (True, 100), (True, 5)):
        raw.CombinedNonMaxSuppression(boxes=batch_boxes, scores=batch_scores, max_output_size_per_class=4,
                                      max_total_size=total, iou_threshold=0.5, score_threshold=0.2,
                                      pad_per_class=pad, name='combined_pad%d_total%d' % (pad, total))
    raw.CombinedNonMaxSuppression(boxes=placeholder(tf, [2, 30, 3, 4], 'class_boxes'),
                                  scores=placeholder(tf, [2, None, 3], 'class_scores'), max_output_size_per_class=4,
                                  max_total_size=8, iou_threshold=0.5, score_threshold=0.2, name='combined_q3')
    x = placeholder(tf, [2, 7, 8, 6, 3], 'x3d')
    xn = placeholder(tf, [2, 3, 7, 8, 6], 'x3d_ncdhw')
    xu = placeholder(tf, [None, None, 8, None, 3], 'x3d_unknown')
    w = placeholder(tf, [3, 2, 3, 3, 4], 'w3d')
    raw.Conv3D(input=x, filter=w, strides=[1, 2, 2, 2, 1], padding='SAME', name='conv3d_same')
    raw.Conv3D(input=x, filter=w, strides=[1, 1, 2, 1, 1], padding='VALID', dilations=[1, 2, 1, 1, 1],
               name='conv3d_valid_dilated')
    raw.Conv3D(input=xn, filter=w, strides=[1, 1, 1, 2, 2], padding='SAME', data_format='NCDHW', name='conv3d_ncdhw')
    raw.Conv3D(input=xu, filter=w, strides=[1, 2, 2, 2, 1], padding='VALID', name='conv3d_unknown')
    raw.Conv3DBackpropInputV2(input_sizes=tf.constant([1, 9, 11, 8, 3]), filter=w,
                              out_backprop=placeholder(tf, [1, 4, 5, 3, 4], 'dy3d'), strides=[1, 2, 2, 2, 1],
                              padding='VALID', name='deconv3d')
    raw.Conv3DBackpropInputV2(input_sizes=tf.stack([tf.shape(xu)[0], 9, 11, 8, 3]), filter=w,
                              out_backprop=placeholder(tf, [None, 4, 5, 3, 4], 'dy3d_dynamic'),
                              strides=[1, 2, 2, 2, 1], padding='VALID', name='deconv3d_dynamic')
    for op in ('MaxPool3D', 'AvgPool3D'):
        getattr(raw, op)(input=x, ksize=[1, 2, 3, 2, 1], strides=[1, 2, 2, 2, 1], padding='SAME',
                         name=op.lower() + '_same')
        getattr(raw, op)(input=xn, ksize=[1, 1, 2, 3, 2], strides=[1, 1, 2, 2, 2], padding='VALID',
                         data_format='NCDHW', name=op.lower() + '_ncdhw')
        getattr(raw, op)(input=xu, ksize=[1, 2, 3, 2, 1], strides=[1, 1, 2, 2, 1], padding='VALID',
                         name=op.lower() + '_unknown')


def elementwise_math(tf):
    """The elementwise math and reductions convert builds from several ops, with broadcasting and unknown dims."""
    raw = tf.raw_ops
    a = placeholder(tf, [None, 4, 1, 3], 'a')
    b = placeholder(tf, [5, 3], 'b')
    u = placeholder(tf, None, 'u')
    ia = placeholder(tf, [2, None, 3], 'ia', tf.int32)
    ib = placeholder(tf, [3], 'ib', tf.int32)
    for op in ('Div', 'TruncateDiv', 'Mod', 'TruncateMod', 'DivNoNan', 'MulNoNan', 'Xlogy', 'Xlog1py', 'Xdivy'):
        getattr(raw, op)(x=a, y=b, name=op.lower())
        getattr(raw, op)(x=a, y=u, name=op.lower() + '_unknown')
    raw.Atan2(y=a, x=b, name='atan2')
    raw.ApproximateEqual(x=b, y=placeholder(tf, [None, 3], 'b2'), tolerance=0.1, name='approximate_equal')
    raw.ApproximateEqual(x=u, y=b, name='approximate_equal_unknown')
    for op in ('BitwiseAnd', 'BitwiseOr', 'BitwiseXor', 'LeftShift', 'RightShift'):
        getattr(raw, op)(x=ia, y=ib, name=op.lower())
    raw.Invert(x=ia, name='invert')
    raw.Erfc(x=a, name='erfc')
    raw.Rint(x=u, name='rint')
    raw.BiasAddV1(value=a, bias=placeholder(tf, [3], 'bias'), name='bias_add_v1')
    raw.EuclideanNorm(input=a, axis=[1, -1], keep_dims=True, name='euclidean_norm_keep')
    raw.EuclideanNorm(input=a, axis=0, name='euclidean_norm')
    raw.L2Loss(t=a, name='l2_loss')
    for op in ('UnsortedSegmentSum', 'UnsortedSegmentProd', 'UnsortedSegmentMax', 'UnsortedSegmentMin'):
        getattr(raw, op)(data=a, segment_ids=placeholder(tf, [None, 4], op + '_ids', tf.int32), num_segments=6,
                         name=op.lower())
    for op in ('SegmentSum', 'SegmentProd', 'SegmentMax', 'SegmentMin', 'SegmentMean'):
        getattr(raw, op)(data=a, segment_ids=placeholder(tf, [None], op + '_ids', tf.int32), name=op.lower())
    raw.SegmentSum(data=u, segment_ids=placeholder(tf, None, 'sorted_ids_unknown', tf.int64),
                   name='segment_sum_unknown')
    raw.UnsortedSegmentSum(data=u, segment_ids=placeholder(tf, [3], 'ids_unknown_data', tf.int32),
                           num_segments=placeholder(tf, [], 'segments', tf.int32), name='unsorted_segment_unknown')


def aliases_misc(tf):
    """v1 forms and small ops translated from a few OpenVINO ops: Concat, Reverse, LinSpace, Cross, ToBool, diagonals."""
    raw = tf.raw_ops
    a = placeholder(tf, [None, 4, 3], 'a')
    u = placeholder(tf, None, 'u')
    raw.CheckNumericsV2(tensor=a, message='m', name='check_numerics_v2')
    raw.GuaranteeConst(input=a, name='guarantee_const')
    raw.Concat(concat_dim=-1, values=[a, a], name='concat')
    raw.Concat(concat_dim=0, values=[a, u], name='concat_unknown')
    raw.Reverse(tensor=a, dims=[True, False, True], name='reverse')
    raw.Cross(a=a, b=placeholder(tf, [2, 4, 3], 'b'), name='cross')
    raw.LinSpace(start=placeholder(tf, [], 'start'), stop=placeholder(tf, [], 'stop'), num=5, name='lin_space')
    raw.LinSpace(start=1.0, stop=2.0, num=placeholder(tf, [], 'num', tf.int32), name='lin_space_unknown')
    raw.ToBool(input=a, name='to_bool')
    raw.ToBool(input=u, name='to_bool_unknown')
    raw.MatrixDiagPart(input=a, name='matrix_diag_part')
    raw.MatrixDiagPartV3(input=placeholder(tf, [None, 3, None], 'c'), k=0, padding_value=0.0, name='diag_part_v3')
    raw.MatrixSetDiag(input=a, diagonal=placeholder(tf, [None, 3], 'd'), name='matrix_set_diag')
    raw.MatrixSetDiagV2(input=u, diagonal=a, k=0, name='matrix_set_diag_v2')
    raw.Diag(diagonal=a, name='diag')
    raw.DiagPart(input=placeholder(tf, [2, None, None, 3], 'e'), name='diag_part')
    raw.MatrixInverse(input=placeholder(tf, [None, 3, 3], 'f'), name='matrix_inverse')
    raw.AdjustContrastv2(images=a, contrast_factor=1.5, name='adjust_contrast')
    raw.InTopKV2(predictions=placeholder(tf, [None, 5], 'g'), targets=placeholder(tf, None, 'h', tf.int32), k=2,
                 name='in_top_k')
    raw.DynamicStitch(indices=[tf.constant([0, 2, 5]), tf.constant([[1, 3], [4, 2]])],
                      data=[placeholder(tf, [3, None], 's0'), placeholder(tf, [2, 2, 4], 's1')], name='stitch')
    raw.ParallelDynamicStitch(indices=[tf.constant([1, 0]), placeholder(tf, [None], 'j', tf.int32)],
                              data=[placeholder(tf, [2], 's2'), placeholder(tf, [None], 's3')], name='stitch_unknown')
    raw.DynamicPartition(data=placeholder(tf, [4, None, 3], 'p0'),
                         partitions=tf.constant([[0, 1], [2, 0], [1, 1], [0, 2]]), num_partitions=3, name='partition')


def fourier(tf):
    """Fourier transforms (constant and computed fft_length, known, unknown and unknown-rank inputs) and complex ops."""
    raw = tf.raw_ops
    a = placeholder(tf, [None, 6, 16], 'a')
    u = placeholder(tf, None, 'u')
    length = placeholder(tf, [1], 'length', tf.int32)
    z = raw.Complex(real=a, imag=placeholder(tf, [16], 'im'), name='complex')
    raw.RFFT(input=a, fft_length=[10], name='rfft')
    raw.RFFT(input=a, fft_length=length, name='rfft_computed_length')
    raw.RFFT(input=u, fft_length=[7], name='rfft_unknown_rank')
    raw.RFFT2D(input=a, fft_length=[4, 9], name='rfft2d')
    raw.RFFT3D(input=a, fft_length=[3, 4, 5], name='rfft3d')
    raw.IRFFT(input=z, fft_length=[9], name='irfft')
    raw.IRFFT(input=z, fft_length=length, name='irfft_computed_length')
    raw.IRFFT2D(input=z, fft_length=[5, 8], name='irfft2d')
    raw.IRFFT3D(input=z, fft_length=[2, 3, 8], name='irfft3d')
    for op in ('FFT', 'FFT2D', 'FFT3D', 'IFFT', 'IFFT2D', 'IFFT3D'):
        getattr(raw, op)(input=z, name=op.lower())
    wide = raw.Complex(real=tf.cast(a, tf.float64), imag=tf.cast(a, tf.float64), Tout=tf.complex128,
                       name='complex128')
    raw.Real(input=z, name='real')
    raw.Imag(input=wide, Tout=tf.float64, name='imag128')
    raw.ComplexAbs(x=z, name='complex_abs')
    raw.Angle(input=raw.Complex(real=u, imag=u, name='complex_unknown'), name='angle_unknown')


def image_misc(tf):
    """Colour ops, boxes drawn, MaxPoolWithArgmax, ListDiff and Print."""
    raw = tf.raw_ops
    a = placeholder(tf, [None, 4, 3], 'a')
    n = placeholder(tf, [2, None, None, None], 'n')
    raw.RGBToHSV(images=a, name='rgb_to_hsv')
    raw.HSVToRGB(images=placeholder(tf, [5, None], 'k'), name='hsv_to_rgb_unknown_channels')
    raw.AdjustSaturation(images=a, scale=1.5, name='adjust_saturation')
    raw.AdjustHue(images=n, delta=0.25, name='adjust_hue')
    raw.DrawBoundingBoxes(images=n, boxes=placeholder(tf, [2, 3, 4], 'boxes'), name='draw')
    raw.DrawBoundingBoxesV2(images=placeholder(tf, [None, 6, 9, 1], 'g'), boxes=placeholder(tf, [None, 3, 4], 'b2'),
                            colors=placeholder(tf, [4, 4], 'colors'), name='draw_v2')
    raw.MaxPoolWithArgmax(input=placeholder(tf, [None, 7, 9, 3], 'p'), ksize=[1, 2, 3, 1], strides=[1, 2, 2, 1],
                          padding='SAME', name='argmax')
    raw.MaxPoolWithArgmax(input=placeholder(tf, [2, 7, None, 3], 'q'), ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1],
                          padding='VALID', Targmax=tf.int32, include_batch_in_index=True, name='argmax_i32')
    raw.ListDiff(x=placeholder(tf, [None], 'x', tf.int32), y=placeholder(tf, [3], 'y', tf.int32), name='list_diff')
    raw.ListDiff(x=placeholder(tf, [6], 'fx'), y=placeholder(tf, None, 'fy'), out_idx=tf.int64, name='list_diff_i64')
    raw.Print(input=a, data=[a], message='m', name='print')

def input_pipeline(tf):
    """TF1 queues dequeued every way (one element, many, up to n; n constant and fed; queues with and without
    component shapes, padding and shuffling ones) and a tf.data iterator: the ops whose outputs convert makes inputs."""
    fifo = tf.queue.FIFOQueue(8, [tf.float32, tf.int32], shapes=[[5], []], name='fifo')
    fifo.dequeue(name='one')
    fifo.dequeue_many(3, name='many')
    fifo.dequeue_up_to(4, name='up_to')
    fifo.dequeue_many(placeholder(tf, [], 'n', tf.int32), name='many_fed')
    tf.queue.FIFOQueue(8, [tf.float32], name='unshaped').dequeue(name='unshaped_one')
    tf.queue.PaddingFIFOQueue(8, [tf.int64], shapes=[[None, 2]], name='padding').dequeue_many(2, name='padded')
    tf.queue.RandomShuffleQueue(8, 2, [tf.float32], shapes=[[2, 3]], name='shuffle').dequeue_many(5, name='shuffled')
    dataset = tf.data.Dataset.from_tensor_slices(tf.zeros([4, 6])).batch(2)
    tf.compat.v1.data.make_one_shot_iterator(dataset).get_next(name='next')


def as_built(build):
    """A fixture whose goldens are the shapes TensorFlow's Python API gives the outputs as it builds the graph: a
    queue's dequeues take the queue's component shapes (set_shape), which the GraphDef does not record and
    TensorFlow's import, without the queue's handle data, leaves unknown."""
    def make(tf):
        graph = tf.Graph()
        with graph.as_default():
            build(tf)
        lines = ['%s:%d %s %s' % (op.name, i, out.dtype.name, shape_text(out.shape))
                 for op in graph.get_operations() for i, out in enumerate(op.outputs)]
        return graph.as_graph_def(), lines
    return make


def op_family(build, add_shapes=False):
    return lambda tf: built(tf, build, add_shapes)


FIXTURES = {
    'elementwise': op_family(elementwise),
    'conv_pool': op_family(conv_pool),
    'shape_ops': op_family(shape_ops),
    'reduce_matmul_norm': op_family(reduce_matmul_norm),
    'control_vars': op_family(control_vars),
    'detection_conv3d': op_family(detection_conv3d),
    'elementwise_math': op_family(elementwise_math),
    'aliases_misc': op_family(aliases_misc),
    'fourier': op_family(fourier),
    'image_misc': op_family(image_misc),
    'input_pipeline': as_built(input_pipeline),
    'unmodelled_ops': op_family(unmodelled),
    'unmodelled_ops_output_shapes': op_family(unmodelled, add_shapes=True),
    'slim_inception_v1_b1': slim_net('inception_v1', 1),
    'slim_inception_v1_inference_bnone': slim_net('inception_v1', None, freeze=False),
    'slim_inception_v3_bnone': slim_net('inception_v3', None),
    'slim_resnet_v1_50_b1': slim_net('resnet_v1_50', 1),
    'slim_vgg_16_b1': slim_net('vgg_16', 1),
    'slim_alexnet_v2_bnone': slim_net('alexnet_v2', None),
    'slim_overfeat_b1': slim_net('overfeat', 1),
    'keras_mobilenet_b1': keras_app('MobileNet', 1),
    'keras_mobilenet_v2_bnone': keras_app('MobileNetV2', None),
    'keras_resnet50_b1': keras_app('ResNet50', 1),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--only', help='comma-separated fixture names')
    parser.add_argument('--list', action='store_true', help='list the fixtures and exit')
    args = parser.parse_args()
    if args.list:
        print('\n'.join(FIXTURES))
        return
    names = [n.strip() for n in args.only.split(',')] if args.only else list(FIXTURES)
    unknown = [n for n in names if n not in FIXTURES]
    if unknown:
        sys.exit('make_shape_fixtures.py: unknown fixture(s) %s (see --list)' % ', '.join(unknown))
    tf = _tf1_graph_mode()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name in names:
        count = write_fixture(tf, name, FIXTURES[name](tf))
        size = (OUT_DIR / (name + '.pb')).stat().st_size
        print('made %s: %d outputs, %d bytes' % (name, count, size), flush=True)


if __name__ == '__main__':
    main()
