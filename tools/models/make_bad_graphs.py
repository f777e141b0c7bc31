#!/usr/bin/env python3
"""Generate testdata/bad/graphs/: small GraphDefs that TensorFlow rejects when it builds or imports them.

Each graph is first built valid by real TensorFlow (graph mode, tf.raw_ops where the op name matters), then one
attribute or constant of one node is edited in the GraphDef proto before writing (TensorFlow would refuse to build
the bad node itself): a zero stride, a permutation of the wrong axes, a MatMul of [1,4] x [7,3]... The script then
imports every graph into a fresh tf.Graph (tf.graph_util.import_graph_def: TensorFlow's own validation and shape
functions) and, where that passes, runs it on zeros (a few attributes, such as a pooling window of size 0 or a
repeated axis in a permutation, are only checked by the op's kernel); it fails unless TensorFlow rejects the graph
one way or the other. TensorFlow's message goes to NAME.tf_error.txt (one line), so each fixture carries the proof
that TensorFlow refuses it, and what TensorFlow says.

Writes, for every case NAME:
  NAME.pb            the binary GraphDef
  NAME.tf_error.txt  TensorFlow's error when importing it

and, beside the directory, testdata/bad/*_unknown_input.pb: valid graphs whose input has an unknown shape, which
convert's --input_shape makes invalid (a MatMul of [1,5] x [4,3], a Concat of [1,5] and [2,4] along axis 0, a 3x3
VALID MaxPool over 2x2); testdata/bad/const_zeros_16gb.pb: a valid Const of [65536,65536] float32 zeros (no values
listed), more than convert holds in one constant; testdata/bad/unknown_field.pbtxt: a text GraphDef whose first node has a field NodeDef does
not have (`foo: 1`; protobuf's text parser rejects it with a message of two lines), and testdata/bad/addn.pb, a
valid seed for a hostile size: `sum = AddN(input, input)` of a [1,4] Placeholder; the
tests give it 200,000 inputs (the same edit of the GraphDef as here) to check that convert stays linear in them.

The bad node is always named `bad` (the escaping case: `bad` followed by a raw newline and `line`), so the tests can
check that the error names it. Consts whose shape overflows 64 bits cannot be imported by TensorFlow at all; their
message is TensorFlow's too.

Usage:
  python tools/models/make_bad_graphs.py            # all cases into testdata/bad/graphs/
  python tools/models/make_bad_graphs.py --list
  python tools/models/make_bad_graphs.py --only conv2d_zero_stride,matmul_inner_dims

Needs the environment of make_models.py (tensorflow-cpu 2.17.1).
"""

import argparse
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_models import _tf1_graph_mode, write_graph_def  # noqa: E402

import numpy as np  # noqa: E402
from google.protobuf import text_format  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
OUT_DIR = REPO / 'testdata' / 'bad' / 'graphs'
BAD = 'bad'

tf = _tf1_graph_mode()


# --------------------------------------------------------------------------------------------------------------
# Building blocks: a valid graph, then one edit
# --------------------------------------------------------------------------------------------------------------

def _graph(build):
    """The GraphDef of what build() adds to a fresh graph."""
    graph = tf.Graph()
    with graph.as_default():
        build()
    return graph.as_graph_def()


def _node(graph_def, name=BAD):
    return next(n for n in graph_def.node if n.name == name)


def _set_ints(graph_def, attr, values, name=BAD):
    node = _node(graph_def, name)
    del node.attr[attr].list.i[:]
    node.attr[attr].list.i.extend(values)
    return graph_def


def _set_int(graph_def, attr, value, name=BAD):
    _node(graph_def, name).attr[attr].i = value
    return graph_def


def _set_const(graph_def, name, values, dtype=None):
    """Replaces the value of the Const `name` with `values` (a numpy-convertible array)."""
    node = _node(graph_def, name)
    dtype = dtype or tf.as_dtype(node.attr['dtype'].type)
    node.attr['value'].tensor.CopyFrom(tf.make_tensor_proto(values, dtype=dtype))
    return graph_def


def _image(shape=(1, 8, 8, 3)):
    return tf.compat.v1.placeholder(tf.float32, shape, name='input')


def _filters(shape=(3, 3, 3, 4)):
    return tf.constant(0.5, tf.float32, shape, name='filters')


def _conv(**attrs):
    def build():
        args = dict(strides=[1, 1, 1, 1], padding='SAME')
        args.update(attrs)
        tf.raw_ops.Conv2D(input=_image(), filter=_filters(), name=BAD, **args)
    return _graph(build)


def _pool(op, **attrs):
    def build():
        args = dict(ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding='VALID')
        args.update(attrs)
        args['value' if op == 'AvgPool' else 'input'] = _image()
        getattr(tf.raw_ops, op)(name=BAD, **args)
    return _graph(build)


def _matrix(shape=(1, 4)):
    return tf.compat.v1.placeholder(tf.float32, shape, name='input')


def _unary_on_matrix(build_bad):
    return _graph(lambda: build_bad(_matrix()))


# --------------------------------------------------------------------------------------------------------------
# The cases: name -> GraphDef with one bad node
# --------------------------------------------------------------------------------------------------------------

def conv2d_zero_stride():
    return _set_ints(_conv(), 'strides', [1, 0, 1, 1])


def conv2d_strides_length():
    return _set_ints(_conv(), 'strides', [1, 1, 1])


def conv2d_zero_dilation():
    return _set_ints(_conv(), 'dilations', [1, 0, 1, 1])


def conv2d_filter_depth():
    return _set_const(_conv(), 'filters', np.full([3, 3, 5, 4], 0.5, np.float32))


def depthwise_zero_stride():
    def build():
        tf.raw_ops.DepthwiseConv2dNative(input=_image(), filter=_filters((3, 3, 3, 2)), strides=[1, 1, 1, 1],
                                         padding='SAME', name=BAD)
    return _set_ints(_graph(build), 'strides', [1, 1, 0, 1])


def maxpool_zero_ksize():
    return _set_ints(_pool('MaxPool'), 'ksize', [1, 0, 2, 1])


def avgpool_zero_stride():
    return _set_ints(_pool('AvgPool'), 'strides', [1, 2, 0, 1])


def maxpool_window_too_big():
    return _set_ints(_pool('MaxPool'), 'ksize', [1, 9, 9, 1])


def _split():
    return _graph(lambda: tf.raw_ops.Split(axis=tf.constant(1, name='axis'), value=_matrix(), num_split=2, name=BAD))


def split_zero():
    return _set_int(_split(), 'num_split', 0)


def split_uneven():
    return _set_int(_split(), 'num_split', 3)


def split_axis():
    return _set_const(_split(), 'axis', 5, tf.int32)


def splitv_sizes():
    def build():
        tf.raw_ops.SplitV(value=_matrix(), size_splits=tf.constant([1, 3], name='sizes'),
                          axis=tf.constant(1, name='axis'), num_split=2, name=BAD)
    return _set_const(_graph(build), 'sizes', [1, 2], tf.int32)


def unpack_num():
    def build():
        tf.raw_ops.Unpack(value=_matrix((2, 4)), num=2, axis=0, name=BAD)
    return _set_int(_graph(build), 'num', 3)


def _transpose(perm):
    graph_def = _graph(lambda: tf.raw_ops.Transpose(x=_matrix(), perm=tf.constant([1, 0], name='perm'), name=BAD))
    return _set_const(graph_def, 'perm', perm, tf.int32)


def transpose_perm_out_of_range():
    return _transpose([5, 5])


def transpose_perm_repeated():
    return _transpose([0, 0])


def matmul_inner_dims():
    def build():
        tf.raw_ops.MatMul(a=_matrix(), b=tf.constant(0.5, tf.float32, [4, 3], name='weights'), name=BAD)
    return _set_const(_graph(build), 'weights', [[0.5] * 3] * 7, tf.float32)


def matmul_transpose_b():
    def build():
        tf.raw_ops.MatMul(a=_matrix(), b=tf.constant(0.5, tf.float32, [3, 4], name='weights'), transpose_b=True,
                          name=BAD)
    graph_def = _graph(build)
    _node(graph_def).attr['transpose_b'].b = False
    return graph_def


def batch_matmul_inner_dims():
    def build():
        tf.raw_ops.BatchMatMulV2(x=_matrix((2, 1, 4)), y=tf.constant(0.5, tf.float32, [4, 3], name='weights'),
                                 name=BAD)
    return _set_const(_graph(build), 'weights', [[0.5] * 3] * 5, tf.float32)


def _pad(paddings):
    graph_def = _graph(lambda: tf.raw_ops.Pad(input=_matrix(), paddings=tf.constant([[0, 0], [1, 1]],
                                                                                    name='paddings'), name=BAD))
    return _set_const(graph_def, 'paddings', paddings, tf.int32)


def pad_negative():
    return _pad([[-1, 0], [0, 0]])


def pad_shape():
    return _pad([[0, 0], [1, 1], [2, 2]])


def mirror_pad_too_big():
    def build():
        tf.raw_ops.MirrorPad(input=_matrix(), paddings=tf.constant([[0, 0], [1, 1]], name='paddings'),
                             mode='REFLECT', name=BAD)
    return _set_const(_graph(build), 'paddings', [[0, 0], [4, 0]], tf.int32)


def _reshape(shape):
    graph_def = _graph(lambda: tf.raw_ops.Reshape(tensor=_matrix(), shape=tf.constant([2, 2], name='shape'), name=BAD))
    return _set_const(graph_def, 'shape', shape, tf.int32)


def reshape_count():
    return _reshape([3, 2])


def reshape_two_unknown():
    return _reshape([-1, -1])


def _concat():
    return _graph(lambda: tf.raw_ops.ConcatV2(values=[_matrix(), tf.constant(0.5, tf.float32, [2, 4], name='other')],
                                              axis=tf.constant(0, name='axis'), name=BAD))


def concat_dims():
    return _set_const(_concat(), 'other', [[0.5] * 3] * 2, tf.float32)


def concat_axis():
    return _set_const(_concat(), 'axis', 2, tf.int32)


def pack_shapes():
    def build():
        tf.raw_ops.Pack(values=[_matrix(), tf.constant(0.5, tf.float32, [1, 4], name='other')], name=BAD)
    return _set_const(_graph(build), 'other', [[0.5] * 3], tf.float32)


def mean_axis():
    def build():
        tf.raw_ops.Mean(input=_matrix(), axis=tf.constant([1], name='axes'), name=BAD)
    return _set_const(_graph(build), 'axes', [7], tf.int32)


def argmax_axis():
    def build():
        tf.raw_ops.ArgMax(input=_matrix(), dimension=tf.constant(1, name='dimension'), name=BAD)
    return _set_const(_graph(build), 'dimension', 2, tf.int32)


def squeeze_not_one():
    def build():
        tf.raw_ops.Squeeze(input=_matrix(), axis=[0], name=BAD)
    return _set_ints(_graph(build), 'squeeze_dims', [1])


def expand_dims_axis():
    def build():
        tf.raw_ops.ExpandDims(input=_matrix(), axis=tf.constant(0, name='axis'), name=BAD)
    return _set_const(_graph(build), 'axis', 4, tf.int32)


def gather_axis():
    def build():
        tf.raw_ops.GatherV2(params=_matrix(), indices=tf.constant([0], name='indices'),
                            axis=tf.constant(1, name='axis'), name=BAD)
    return _set_const(_graph(build), 'axis', 3, tf.int32)


def strided_slice_zero_stride():
    def build():
        tf.raw_ops.StridedSlice(input=_matrix(), begin=tf.constant([0, 0], name='begin'),
                                end=tf.constant([1, 2], name='end'), strides=tf.constant([1, 1], name='strides'),
                                name=BAD)
    return _set_const(_graph(build), 'strides', [1, 0], tf.int32)


def bias_add_size():
    def build():
        tf.raw_ops.BiasAdd(value=_matrix(), bias=tf.constant(0.5, tf.float32, [4], name='bias'), name=BAD)
    return _set_const(_graph(build), 'bias', [0.5] * 3, tf.float32)


def add_shapes():
    def build():
        tf.raw_ops.AddV2(x=_matrix(), y=tf.constant(0.5, tf.float32, [4], name='other'), name=BAD)
    return _set_const(_graph(build), 'other', [0.5] * 3, tf.float32)


def ensure_shape_mismatch():
    graph_def = _graph(lambda: tf.raw_ops.EnsureShape(input=_matrix(), shape=[1, 4], name=BAD))
    shape = _node(graph_def).attr['shape'].shape
    shape.dim[1].size = 3
    return graph_def


def _huge_const(with_content, dims=(1 << 40, 1 << 40)):
    def build():
        tf.identity(tf.constant(0.5, tf.float32, [2, 2], name=BAD), name='output')
    graph_def = _graph(build)
    tensor = _node(graph_def).attr['value'].tensor
    tensor.ClearField('float_val')
    tensor.ClearField('tensor_content')
    del tensor.tensor_shape.dim[:]
    for size in dims:
        tensor.tensor_shape.dim.add(size=size)
    if with_content:
        tensor.tensor_content = bytes(16)
    return graph_def


def const_shape_overflow():
    return _huge_const(True)


def const_shape_overflow_no_content():
    return _huge_const(False)


def name_with_newline():
    graph_def = conv2d_zero_stride()
    _node(graph_def).name = BAD + '\nline'
    return graph_def


CASES = {f.__name__: f for f in [
    conv2d_zero_stride, conv2d_strides_length, conv2d_zero_dilation, conv2d_filter_depth, depthwise_zero_stride,
    maxpool_zero_ksize, avgpool_zero_stride, maxpool_window_too_big,
    split_zero, split_uneven, split_axis, splitv_sizes, unpack_num,
    transpose_perm_out_of_range, transpose_perm_repeated,
    matmul_inner_dims, matmul_transpose_b, batch_matmul_inner_dims,
    pad_negative, pad_shape, mirror_pad_too_big,
    reshape_count, reshape_two_unknown, concat_dims, concat_axis, pack_shapes,
    mean_axis, argmax_axis, squeeze_not_one, expand_dims_axis, gather_axis, strided_slice_zero_stride,
    bias_add_size, add_shapes, ensure_shape_mismatch,
    const_shape_overflow, const_shape_overflow_no_content,
    name_with_newline,
]}


def addn_seed():
    def build():
        x = _matrix()
        tf.raw_ops.AddN(inputs=[x, x], name='sum')
    return _graph(build)


# Valid graphs with an input of unknown shape, which convert's --input_shape [1,5] (or [1,2,2,3]) makes invalid:
# checked by convert's own translation, on the shapes it is given, not by the graph's shape inference.
UNKNOWN_INPUT_CASES = {
    'matmul_unknown_input': lambda: tf.raw_ops.MatMul(a=_matrix((None, None)),
                                                      b=tf.constant(0.5, tf.float32, [4, 3], name='weights'),
                                                      name=BAD),
    'concat_unknown_input': lambda: tf.raw_ops.ConcatV2(
        values=[_matrix((None, None)), tf.constant(0.5, tf.float32, [2, 4], name='other')],
        axis=tf.constant(0, name='axis'), name=BAD),
    'maxpool_unknown_input': lambda: tf.raw_ops.MaxPool(input=_image((None, None, None, 3)), ksize=[1, 3, 3, 1],
                                                        strides=[1, 1, 1, 1], padding='VALID', name=BAD),
}


def tf_error(graph_def):
    """TensorFlow's one-line error when importing the graph or, if it imports, when running it on zeros (some
    attributes are checked by the op's kernel, not its shape function); None when TensorFlow accepts both."""
    try:
        with tf.Graph().as_default() as graph:
            tf.graph_util.import_graph_def(graph_def, name='')
            ops = graph.get_operations()
            read = {t.op.name for op in ops for t in op.inputs}
            fetches = [op.outputs[0] for op in ops if op.name not in read and op.outputs]
            feeds = {op.outputs[0]: np.zeros(op.outputs[0].shape, op.outputs[0].dtype.as_numpy_dtype)
                     for op in ops if op.type == 'Placeholder'}
            with tf.compat.v1.Session(graph=graph) as session:
                session.run(fetches, feeds)
    except Exception as error:  # noqa: BLE001 - any rejection will do, its text is recorded
        return ' '.join(str(error).split())
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--only', help='comma-separated case names')
    parser.add_argument('--list', action='store_true', help='list the cases and exit')
    args = parser.parse_args()
    if args.list:
        print('\n'.join(CASES))
        return
    names = args.only.split(',') if args.only else list(CASES)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    accepted = []
    for name in names:
        graph_def = CASES[name]()
        error = tf_error(graph_def)
        if error is None:
            accepted.append(name)
            continue
        write_graph_def(graph_def, OUT_DIR / f'{name}.pb')
        (OUT_DIR / f'{name}.tf_error.txt').write_text(error + '\n')
        print(f'{name}: {error[:150]}')
    if not args.only:
        write_graph_def(addn_seed(), OUT_DIR.parent / 'addn.pb')
        write_graph_def(_huge_const(False, (1 << 16, 1 << 16)), OUT_DIR.parent / 'const_zeros_16gb.pb')
        for name, build in UNKNOWN_INPUT_CASES.items():
            write_graph_def(_graph(build), OUT_DIR.parent / f'{name}.pb')
        text = text_format.MessageToString(_graph(lambda: tf.identity(_matrix(), name='output')))
        (OUT_DIR.parent / 'unknown_field.pbtxt').write_text(text.replace('\n', '\n  foo: 1\n', 1))
    if accepted:
        sys.exit('TensorFlow accepts (not written): ' + ', '.join(accepted))


if __name__ == '__main__':
    main()
