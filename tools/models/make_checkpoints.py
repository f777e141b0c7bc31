#!/usr/bin/env python3
"""Generate tfir's checkpoint fixtures, and their golden values, with real TensorFlow.

Every checkpoint is written by TensorFlow itself (tf.compat.v1.train.Saver in V1 and V2 format, the SaveSlices /
SaveV2 ops, tf.train.Checkpoint, tf.saved_model.save), with fixed seeds. Every golden value is read back by
TensorFlow itself: tf.train.load_checkpoint (py_checkpoint_reader), or, where that reader refuses (V1 half /
uint16 / complex tensors, V1 partitioned tensors: "Data type not supported", "Sliced checkpoints are not
supported"), the Restore op, which is what tf.compat.v1.train.Saver.restore runs for V1 files. Never from tfir.

A few fixtures are derived from TensorFlow's files by this script, byte by byte, and say so:
  * *_snappy: the same SSTable entries rewritten with Snappy-compressed blocks (python-snappy); their goldens are
    still TensorFlow's reading of the rewritten file, so TensorFlow itself vouches for them;
  * bad/*: damaged copies (truncated, a flipped byte, a missing shard, an oversized entry, renamed files).

Golden files (golden/<case>.tsv), one line per tensor as TensorFlow lists it:
    # case: <case>   open: <path to give the reader, relative to the output dir>   tensors: <n>
    <name> TAB <dtype name> TAB <shape, e.g. [4,3] or []> TAB <sha256 of the value's bytes>
The bytes are np.ascontiguousarray(value).tobytes() (little-endian, row-major); for strings, the concatenation
over the elements (row-major) of a 4-byte little-endian length and the element's bytes.

Usage:
  python tools/models/make_checkpoints.py            # small cases + bad cases into testdata/checkpoints/
  python tools/models/make_checkpoints.py --big      # TF-Slim inception_v1 / resnet_v1_50, V1 and V2, into
                                                     #   ${TFIR_BIG:-target/big-models}/checkpoints
  python tools/models/make_checkpoints.py --only v2_dtypes,v1_dtypes --out /tmp/x
  python tools/models/make_checkpoints.py --list

Needs tensorflow-cpu 2.17, tf-slim 1.1.0, tf_keras 2.17 (tools/python/requirements.txt) and python-snappy 0.7.3 (for
the *_snappy cases and snappy/; not for --big).
"""

import argparse
import hashlib
import os
import shutil
import struct
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_models import _slim, _tf, _tf1_graph_mode, _varint  # noqa: E402  (the shared TF set-up, protobuf varints)

REPO = Path(__file__).resolve().parents[2]
CHECKPOINTS_DIR = REPO / 'testdata' / 'checkpoints'
SEED = 20240601


# --------------------------------------------------------------------------------------------------------------
# TensorFlow set-up (only inside a worker process)
# --------------------------------------------------------------------------------------------------------------

def _snappy():
    try:
        import snappy
    except ImportError:
        sys.exit('make_checkpoints.py: the Snappy cases need python-snappy (pip install python-snappy==0.7.3)')
    return snappy


def _two_cpu_config(tf):
    return tf.compat.v1.ConfigProto(device_count={'CPU': 2})


def _saver_save(tf, graph, prefix, version, sharded=False, config=None, var_list=None):
    """tf.compat.v1.train.Saver(...).save on freshly initialized variables; relative paths in `checkpoint`."""
    with graph.as_default():
        init = tf.compat.v1.global_variables_initializer()
        saver = tf.compat.v1.train.Saver(var_list=var_list, sharded=sharded, save_relative_paths=True,
                                         write_version=getattr(tf.compat.v1.train.SaverDef, version))
        with tf.compat.v1.Session(graph=graph, config=config) as sess:
            sess.run(init)
            return saver.save(sess, str(prefix), write_meta_graph=False)


# --------------------------------------------------------------------------------------------------------------
# Small cases (committed)
# --------------------------------------------------------------------------------------------------------------

def small_slim_graph(tf):
    """A small TF-Slim conv net in the style of inception_v1 (conv + batch norm without scale, a logits conv with
    biases, global_step): the variable names and kinds of a TF-Slim training checkpoint."""
    slim = _slim()
    graph = tf.Graph()
    with graph.as_default():
        tf.compat.v1.set_random_seed(SEED)
        images = tf.compat.v1.placeholder(tf.float32, [None, 16, 16, 3], name='input')
        tf.compat.v1.train.get_or_create_global_step()
        with tf.compat.v1.variable_scope('SmallNet'):
            with slim.arg_scope([slim.conv2d], normalizer_fn=slim.batch_norm, padding='SAME'):
                net = slim.conv2d(images, 8, [3, 3], scope='Conv2d_1a_3x3')
                net = slim.max_pool2d(net, [2, 2], scope='MaxPool_2a_2x2')
                with tf.compat.v1.variable_scope('Mixed_3b'):
                    with tf.compat.v1.variable_scope('Branch_0'):
                        b0 = slim.conv2d(net, 4, [1, 1], scope='Conv2d_0a_1x1')
                    with tf.compat.v1.variable_scope('Branch_1'):
                        b1 = slim.conv2d(net, 4, [1, 1], scope='Conv2d_0a_1x1')
                        b1 = slim.conv2d(b1, 6, [3, 3], scope='Conv2d_0b_3x3')
                    net = tf.concat([b0, b1], 3)
                net = tf.reduce_mean(net, [1, 2], keepdims=True)
                slim.conv2d(net, 10, [1, 1], normalizer_fn=None, activation_fn=None, scope='Logits/Conv2d_0c_1x1')
    return graph


def make_v1_small(out):
    """The small TF-Slim net saved by Saver(write_version=V1): one V1 file, like TF-Slim's inception_v1.ckpt."""
    tf = _tf1_graph_mode()
    _saver_save(tf, small_slim_graph(tf), out / 'model.ckpt', 'V1')
    (out / 'checkpoint').unlink()
    return 'v1_small/model.ckpt'


def make_v2_small(out):
    """The small TF-Slim net saved by Saver (V2): model.ckpt.index + model.ckpt.data-00000-of-00001 + checkpoint."""
    tf = _tf1_graph_mode()
    _saver_save(tf, small_slim_graph(tf), out / 'model.ckpt', 'V2')
    return 'v2_small'


def _dtype_values(tf, np, v1):
    """name -> tf.Tensor of every dtype the format can hold, with awkward values (NaN, -0.0, extremes)."""
    rng = np.random.default_rng(SEED)
    values = {
        'float32/matrix': rng.standard_normal((3, 5)).astype(np.float32),
        'float32/specials': np.array([np.nan, np.inf, -np.inf, -0.0, 1e-45, 3.4028235e38], np.float32),
        'float32/scalar': np.float32(1.5),
        'float32/empty': np.zeros((0, 3), np.float32),
        'float64/vector': rng.standard_normal(7),
        'float16/tensor': np.array([[1, -2, 0.5], [65504, -0.0, np.inf], [np.nan, 6e-8, 0.1]], np.float16),
        'int8/v': np.array([-128, -1, 0, 1, 127], np.int8),
        'int16/v': np.array([-32768, -1, 0, 1, 32767], np.int16),
        'int32/v': np.array([-2 ** 31, -1, 0, 1, 2 ** 31 - 1], np.int32),
        'int32/rank4': rng.integers(-1000, 1000, (2, 1, 3, 2)).astype(np.int32),
        'int64/v': np.array([-2 ** 63, -1, 0, 1, 2 ** 63 - 1, 300], np.int64),
        'int64/scalar': np.int64(42),
        'uint8/v': np.array([0, 1, 128, 255], np.uint8),
        'uint16/v': np.array([0, 1, 32768, 65535], np.uint16),
        'bool/v': np.array([[True, False, True], [False, False, True]]),
        'complex64/v': np.array([1 + 2j, -3.5 - 0.25j, np.nan + 0j], np.complex64),
        'complex128/v': np.array([1 + 2j, -1e300 + 1e-300j], np.complex128),
        'string/v': np.array([b'a', b'', b'hello world', b'\x00\xff\x00', b'x' * 300], object),
        'string/scalar': np.array(b'just one', object),
        'string/matrix': np.array([[b'r0c0', b'r0c1'], [b'\xc3\xa4', b'r1c1']], object),
        'scope/\u00fcnicode name': np.array([1.0, 2.0], np.float32),
    }
    if not v1:  # TensorSliceWriter refuses these ("not supported"); the V2 bundle writes any memcpy-able type
        values['bfloat16/v'] = tf.constant([1.0, -2.0, 0.1, 3e38, -0.0], tf.bfloat16)
        values['uint32/v'] = np.array([0, 1, 2 ** 31, 2 ** 32 - 1], np.uint32)
        values['uint64/v'] = np.array([0, 1, 2 ** 63, 2 ** 64 - 1], np.uint64)
    return {name: v if tf.is_tensor(v) else tf.constant(v) for name, v in values.items()}


def make_v1_dtypes(out):
    """Every dtype a V1 file holds (float16 in half_val, strings, bool, int64, complex...), by the SaveSlices op,
    i.e. TensorSliceWriter, which Saver(write_version=V1) runs."""
    tf = _tf()
    import numpy as np
    values = _dtype_values(tf, np, v1=True)
    names = sorted(values)
    tf.raw_ops.SaveSlices(filename=str(out / 'dtypes.ckpt'), tensor_names=names, shapes_and_slices=[''] * len(names),
                          data=[values[n] for n in names])
    return 'v1_dtypes/dtypes.ckpt'


def make_v2_dtypes(out):
    """Every dtype (plus bfloat16, uint32, uint64) in a V2 bundle, by the SaveV2 op; opened by its prefix."""
    tf = _tf()
    import numpy as np
    values = _dtype_values(tf, np, v1=False)
    names = sorted(values)
    tf.raw_ops.SaveV2(prefix=str(out / 'dtypes'), tensor_names=names, shape_and_slices=[''] * len(names),
                      tensors=[values[n] for n in names])
    return 'v2_dtypes/dtypes'


def partitioned_graph(tf):
    graph = tf.Graph()
    with graph.as_default():
        tf.compat.v1.set_random_seed(SEED)
        tf.compat.v1.get_variable('embedding', [10, 4], partitioner=tf.compat.v1.fixed_size_partitioner(3))
        tf.compat.v1.get_variable('wide/kernel', [3, 7], partitioner=tf.compat.v1.fixed_size_partitioner(2, axis=1))
        tf.compat.v1.get_variable('cube', [4, 3, 2], dtype=tf.float64,
                                  partitioner=tf.compat.v1.fixed_size_partitioner(2, axis=0))
        tf.compat.v1.get_variable('ids', [6], dtype=tf.int64, initializer=tf.compat.v1.constant_initializer(7),
                                  partitioner=tf.compat.v1.fixed_size_partitioner(4))
        tf.compat.v1.get_variable('plain', [2, 2])
    return graph


def make_v1_partitioned(out):
    """Partitioned variables (tf.compat.v1.fixed_size_partitioner, on axis 0 and axis 1), Saver V1: one V1 file
    whose tensors are stored as several slices each."""
    tf = _tf1_graph_mode()
    _saver_save(tf, partitioned_graph(tf), out / 'model.ckpt', 'V1')
    (out / 'checkpoint').unlink()
    return 'v1_partitioned/model.ckpt'


def make_v2_partitioned(out):
    """The partitioned variables, Saver V2; opened by its .index path."""
    tf = _tf1_graph_mode()
    _saver_save(tf, partitioned_graph(tf), out / 'model.ckpt', 'V2')
    (out / 'checkpoint').unlink()
    return 'v2_partitioned/model.ckpt.index'


def sharded_graph(tf):
    """Variables on two CPUs (ref, resource and partitioned), for Saver(sharded=True)."""
    graph = tf.Graph()
    with graph.as_default():
        tf.compat.v1.set_random_seed(SEED)
        with tf.device('/cpu:0'):
            tf.compat.v1.get_variable('cpu0/weights', [3, 2])
            tf.compat.v1.get_variable('cpu0/part', [5, 2], partitioner=tf.compat.v1.fixed_size_partitioner(2))
        with tf.device('/cpu:1'):
            tf.compat.v1.get_variable('cpu1/weights', [4], dtype=tf.float64)
            tf.compat.v1.get_variable('cpu1/resource', [2, 2], use_resource=True)
            tf.compat.v1.get_variable('cpu1/count', [], dtype=tf.int64, initializer=tf.compat.v1.zeros_initializer())
    return graph


def make_v1_sharded(out):
    """Saver(sharded=True, write_version=V1) on two devices: model.ckpt-00000-of-00002 and -00001-of-00002, and a
    `checkpoint` file naming the pattern model.ckpt-?????-of-00002; opened by the directory."""
    tf = _tf1_graph_mode()
    _saver_save(tf, sharded_graph(tf), out / 'model.ckpt', 'V1', sharded=True, config=_two_cpu_config(tf))
    return 'v1_sharded'


def make_v2_sharded(out):
    """Saver(sharded=True) (V2) on two devices: model.ckpt.data-00000-of-00002 and -00001-of-00002 (merged by
    MergeV2Checkpoints); opened by the directory."""
    tf = _tf1_graph_mode()
    _saver_save(tf, sharded_graph(tf), out / 'model.ckpt', 'V2', sharded=True, config=_two_cpu_config(tf))
    return 'v2_sharded'


def make_v2_resource(out):
    """TF1 resource variables (VarHandleOp; use_resource=True) of several dtypes, Saver V2."""
    tf = _tf1_graph_mode()
    graph = tf.Graph()
    with graph.as_default():
        tf.compat.v1.set_random_seed(SEED)
        with tf.compat.v1.variable_scope('dense', use_resource=True):
            tf.compat.v1.get_variable('kernel', [4, 3])
            tf.compat.v1.get_variable('bias', [3], initializer=tf.compat.v1.constant_initializer(0.25))
        tf.compat.v1.get_variable('half', [2, 2], dtype=tf.float16, use_resource=True)
        tf.compat.v1.get_variable('flag', [], dtype=tf.bool, use_resource=True,
                                  initializer=tf.compat.v1.constant_initializer(True))
        tf.compat.v1.get_variable('vocab', [3], dtype=tf.string, use_resource=True,
                                  initializer=tf.compat.v1.constant_initializer(['a', 'bb', 'ccc']))
    _saver_save(tf, graph, out / 'model.ckpt', 'V2')
    (out / 'checkpoint').unlink()
    return 'v2_resource/model.ckpt'


def _tf2_model(tf):
    """A small tf.Module tree (nested modules, a list, a dict) and the variables of an optimizer-like state."""
    tf.random.set_seed(SEED)

    class Dense(tf.Module):
        def __init__(self, n_in, n_out, name):
            super().__init__(name=name)
            self.kernel = tf.Variable(tf.random.stateless_normal([n_in, n_out], seed=[1, n_out]), name='kernel')
            self.bias = tf.Variable(tf.zeros([n_out]), name='bias')

    class Model(tf.Module):
        def __init__(self):
            super().__init__(name='model')
            self.layers = [Dense(4, 8, 'dense'), Dense(8, 2, 'dense_1')]
            self.tables = {'ids': tf.Variable([3, 1, 4, 1, 5], dtype=tf.int64, name='ids'),
                           'names': tf.Variable([b'one', b'two'], name='names')}
            self.scale = tf.Variable(tf.constant(0.5, tf.bfloat16), name='scale')

    return Model()


def make_tf2_checkpoint(out):
    """A TF2 object-graph checkpoint: tf.train.Checkpoint(model=..., optimizer=...).save after one Adam step (keys
    `<path>/.ATTRIBUTES/VARIABLE_VALUE`, optimizer slots, _CHECKPOINTABLE_OBJECT_GRAPH); opened by the
    directory (its `checkpoint` file names ckpt-1)."""
    tf = _tf()
    import tf_keras
    model = _tf2_model(tf)
    optimizer = tf_keras.optimizers.legacy.Adam(0.01)  # slot variables: .OPTIMIZER_SLOT keys
    trainable = [layer.kernel for layer in model.layers] + [layer.bias for layer in model.layers]
    with tf.GradientTape() as tape:
        x = tf.random.stateless_normal([2, 4], seed=[3, 4])
        for layer in model.layers:
            x = tf.matmul(x, layer.kernel) + layer.bias
        loss = tf.reduce_sum(x * x)
    optimizer.apply_gradients(zip(tape.gradient(loss, trainable), trainable))
    checkpoint = tf.train.Checkpoint(model=model, optimizer=optimizer, step=tf.Variable(7, dtype=tf.int64))
    checkpoint.save(str(out / 'ckpt'))
    return 'tf2_checkpoint'


def make_tf2_sharded(out):
    """A TF2 checkpoint written with CheckpointOptions(experimental_sharding_callback=MaxShardSizePolicy(64)):
    several data files, and tensors larger than a shard split into slices; opened by its prefix."""
    tf = _tf()
    model = _tf2_model(tf)
    options = tf.train.CheckpointOptions(
        experimental_sharding_callback=tf.train.experimental.MaxShardSizePolicy(max_shard_size=64))
    tf.train.Checkpoint(model=model).write(str(out / 'ckpt'), options=options)
    return 'tf2_sharded/ckpt'


def make_saved_model(out):
    """A TF2 SavedModel (tf.saved_model.save of a tf.Module with a serving signature); its variables/ bundle is
    read by opening the SavedModel directory."""
    tf = _tf()
    model = _tf2_model(tf)

    @tf.function(input_signature=[tf.TensorSpec([None, 4], tf.float32, name='x')])
    def serve(x):
        for layer in model.layers:
            x = tf.matmul(x, layer.kernel) + layer.bias
        return {'y': x}

    model.serve = serve
    shutil.rmtree(out)
    tf.saved_model.save(model, str(out), signatures={'serving_default': serve})
    return 'saved_model'


def make_v1_blocks(out):
    """Two float32 tensors of 140 KB each, an int32 and a string tensor, by SaveSlices: a V1 file of two SSTable
    data blocks (TensorFlow flushes a block once it reaches 256 KiB)."""
    tf = _tf()
    import numpy as np
    rng = np.random.default_rng(SEED)
    values = {'big/a': rng.standard_normal(35000).astype(np.float32),
              'big/b': rng.standard_normal(35000).astype(np.float32),
              'small/c': np.arange(5, dtype=np.int32),
              'small/d': np.array([b'last', b'block'], object)}
    names = sorted(values)
    tf.raw_ops.SaveSlices(filename=str(out / 'blocks.ckpt'), tensor_names=names,
                          shapes_and_slices=[''] * len(names), data=[tf.constant(values[n]) for n in names])
    return 'v1_blocks/blocks.ckpt'


MANY_SLICES = 8000


def make_v2_many_slices(out):
    """One [8000,2] float32 tensor saved by SaveV2 as 8000 one-row slices, plus two plain tensors: an index of
    several data blocks, many restart points, shared-prefix keys, and one entry of ~70 KB."""
    tf = _tf()
    import numpy as np
    full = np.arange(MANY_SLICES * 2, dtype=np.float32).reshape(MANY_SLICES, 2) * 0.5
    names = ['aaa/first'] + ['rows'] * MANY_SLICES + ['zzz/last']
    specs = [''] + ['%d 2 %d,1:-' % (MANY_SLICES, i) for i in range(MANY_SLICES)] + ['']
    tensors = [tf.constant([1, 2, 3], tf.int32)] + [tf.constant(full[i:i + 1]) for i in range(MANY_SLICES)] \
        + [tf.constant(b'end')]
    tf.raw_ops.SaveV2(prefix=str(out / 'many'), tensor_names=names, shape_and_slices=specs, tensors=tensors)
    return 'v2_many_slices/many'


def _snappy_copy(source_case, table_name, other_files):
    def make(out):
        src = out.parent / source_case
        if not src.exists():
            sys.exit('make %s first' % source_case)
        for name in other_files:
            shutil.copyfile(src / name, out / name)
        (out / table_name).write_bytes(rewrite_sstable((src / table_name).read_bytes(), compress=True))
        return '%s/%s' % (out.name, table_name.removesuffix('.index'))
    make.__doc__ = ('The SSTable of %s/%s rewritten with every block Snappy-compressed (type 1), the same '
                    'entries; TensorFlow reads it (the golden is TensorFlow\'s reading of this file).'
                    % (source_case, table_name))
    return make


def make_v2_big_endian(out):
    """v2_dtypes without its string tensors, its header saying BIG endian (as BundleWriter writes on a big-endian
    host); TensorFlow checks each CRC on the bytes as stored, then swaps them (the golden is its reading)."""
    src = out.parent / 'v2_dtypes'
    if not src.exists():
        sys.exit('make v2_dtypes first')
    from tensorflow.core.protobuf import tensor_bundle_pb2
    from tensorflow.core.framework import types_pb2

    def numeric(key, value):
        entry = tensor_bundle_pb2.BundleEntryProto()
        entry.ParseFromString(value)
        return key == b'' or entry.dtype != types_pb2.DT_STRING
    entries = [(k, _big_endian_header(k, v)) for k, v in sstable_entries((src / 'dtypes.index').read_bytes())
               if numeric(k, v)]
    shutil.copyfile(src / 'dtypes.data-00000-of-00001', out / 'dtypes.data-00000-of-00001')
    (out / 'dtypes.index').write_bytes(build_sstable(entries))
    return '%s/dtypes' % out.name


def _big_endian_header(key, value):
    """The header entry (key "") of a V2 index with endianness BIG; other entries as they are."""
    if key != b'':
        return value
    from tensorflow.core.protobuf import tensor_bundle_pb2
    header = tensor_bundle_pb2.BundleHeaderProto()
    header.ParseFromString(value)
    header.endianness = tensor_bundle_pb2.BundleHeaderProto.BIG
    return header.SerializeToString(deterministic=True)


# --------------------------------------------------------------------------------------------------------------
# SSTable rewriting (for the Snappy and bad cases): LevelDB table format as in tensorflow/core/lib/io
# --------------------------------------------------------------------------------------------------------------

MAGIC = 0xdb4775248b80fb57


def _read_varint(data, pos):
    result = shift = 0
    while True:
        b = data[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if b < 0x80:
            return result, pos
        shift += 7


def _crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def _masked_crc(data):
    crc = _crc32c(data)
    return (((crc >> 15) | (crc << 17)) + 0xa282ead8) & 0xFFFFFFFF


def _read_block(table, offset, size):
    contents, kind = table[offset:offset + size], table[offset + size]
    if kind == 1:
        contents = _snappy().decompress(contents)
    entries, pos, key = [], 0, b''
    num_restarts = struct.unpack_from('<I', contents, len(contents) - 4)[0]
    limit = len(contents) - 4 * (num_restarts + 1)
    while pos < limit:
        shared, pos = _read_varint(contents, pos)
        unshared, pos = _read_varint(contents, pos)
        length, pos = _read_varint(contents, pos)
        key = key[:shared] + contents[pos:pos + unshared]
        pos += unshared
        entries.append((key, contents[pos:pos + length]))
        pos += length
    return entries


def sstable_entries(table):
    """All (key, value) pairs of an SSTable, in order."""
    footer = table[-48:]
    assert struct.unpack_from('<Q', footer, 40)[0] == MAGIC, 'not an sstable'
    pos = 0
    for _ in range(2):
        _, pos = _read_varint(footer, pos)
    index_offset, pos = _read_varint(footer, pos)
    index_size, pos = _read_varint(footer, pos)
    result = []
    for _, handle in _read_block(table, index_offset, index_size):
        offset, p = _read_varint(handle, 0)
        size, _ = _read_varint(handle, p)
        result.extend(_read_block(table, offset, size))
    return result


def _block(entries, restart_interval):
    out, restarts, last = bytearray(), [], b''
    for i, (key, value) in enumerate(entries):
        shared = 0
        if i % restart_interval == 0:
            restarts.append(len(out))
        else:
            while shared < min(len(last), len(key)) and last[shared] == key[shared]:
                shared += 1
        out += _varint(shared) + _varint(len(key) - shared) + _varint(len(value)) + key[shared:] + value
        last = key
    for r in restarts or [0]:
        out += struct.pack('<I', r)
    return bytes(out + struct.pack('<I', len(restarts or [0])))


def build_sstable(entries, compress=False, block_size=262144):
    """An SSTable of the sorted (key, value) pairs: data blocks of about block_size bytes (restart interval 16),
    an empty metaindex block, an index block (restart interval 1) keyed by each block's last key, the footer."""
    out, index = bytearray(), []

    def write_block(contents):
        kind = 0
        if compress:
            contents, kind = _snappy().compress(contents), 1
        handle = _varint(len(out)) + _varint(len(contents))
        out.extend(contents + bytes([kind]) + struct.pack('<I', _masked_crc(contents + bytes([kind]))))
        return handle

    pending, pending_size = [], 0
    for key, value in entries:
        pending.append((key, value))
        pending_size += len(key) + len(value) + 8
        if pending_size >= block_size:
            index.append((key, write_block(_block(pending, 16))))
            pending, pending_size = [], 0
    if pending:
        index.append((pending[-1][0], write_block(_block(pending, 16))))
    metaindex = write_block(_block([], 16))
    index_handle = write_block(_block(index, 1))
    footer = (metaindex + index_handle).ljust(40, b'\0') + struct.pack('<Q', MAGIC)
    return bytes(out + footer)


def rewrite_sstable(table, compress=False, edit=None):
    entries = sstable_entries(table)
    if edit:
        entries = [(k, edit(k, v)) for k, v in entries]
    return build_sstable(entries, compress=compress)


# --------------------------------------------------------------------------------------------------------------
# Bad cases (committed under bad/): damaged copies of v2_small / v1_small / v1_blocks
# --------------------------------------------------------------------------------------------------------------

V2_INDEX = 'model.ckpt.index'
V2_DATA = 'model.ckpt.data-00000-of-00001'


def make_bad(out):
    """The bad checkpoints; each directory holds one case (see README.md)."""
    src = out.parent
    v2, v1, blocks = src / 'v2_small', src / 'v1_small', src / 'v1_blocks'
    index, data = (v2 / V2_INDEX).read_bytes(), (v2 / V2_DATA).read_bytes()

    def case(name, files):
        d = out / name
        d.mkdir(parents=True)
        for file_name, content in files.items():
            (d / file_name).write_bytes(content)

    # the index cut in the middle (no footer)
    case('truncated_index', {V2_INDEX: index[:len(index) // 2], V2_DATA: data})
    # one byte flipped inside the first data block of the index (its block CRC no longer matches)
    case('index_crc', {V2_INDEX: _flip(index, 20), V2_DATA: data})
    # one byte flipped inside the data of the tensor SmallNet/Mixed_3b/Branch_1/Conv2d_0b_3x3/weights
    entry = _bundle_entry(index, b'SmallNet/Mixed_3b/Branch_1/Conv2d_0b_3x3/weights')
    case('data_crc', {V2_INDEX: index, V2_DATA: _flip(data, entry.offset + entry.size // 2)})
    # the data file cut short: the last tensor(s) run past its end
    case('truncated_data', {V2_INDEX: index, V2_DATA: data[:len(data) - 100]})
    # only the .index: its data file (shard 0 of 1) is missing
    case('missing_shard', {V2_INDEX: index})
    # an entry that declares 2^40 bytes (a hostile file must not make the reader allocate that)
    case('oversized_entry', {V2_INDEX: rewrite_sstable(index, edit=_oversize(
        b'SmallNet/Logits/Conv2d_0c_1x1/weights')), V2_DATA: data})
    # a V1 file named like a V2 index, and a V2 index named like a V1 file
    case('v1_named_index', {'model.ckpt.index': (v1 / 'model.ckpt').read_bytes()})
    case('index_named_v1', {'model.ckpt': index, V2_DATA: data})
    # V1: the table of contents claims 2^20 elements (8 MiB) for global_step (a hostile file: its record holds one)
    case('v1_huge_shape', {'model.ckpt': rewrite_sstable((v1 / 'model.ckpt').read_bytes(),
                                                         edit=_huge_shape(b'global_step'))})
    # V1: one byte flipped in the last data block (the one holding small/c and small/d; the first holds the table of
    # contents, big/a and big/b), and the file cut in half (no footer left)
    blocks_file = (blocks / 'blocks.ckpt').read_bytes()
    last_block = _block_offsets(blocks_file)[-1]
    case('v1_block_crc', {'blocks.ckpt': _flip(blocks_file, last_block + 10)})
    case('v1_truncated', {'blocks.ckpt': blocks_file[:len(blocks_file) // 2]})
    # v2_dtypes with a header saying BIG endian, its string tensors included: TensorFlow swaps the string lengths
    # before their CRC check, so it refuses them ("The length checksum does not match")
    dtypes = src / 'v2_dtypes'
    case('v2_big_endian_strings', {
        'dtypes.index': rewrite_sstable((dtypes / 'dtypes.index').read_bytes(), edit=_big_endian_header),
        'dtypes.data-00000-of-00001': (dtypes / 'dtypes.data-00000-of-00001').read_bytes()})
    # V1: the slice of global_step (a scalar) in the table of contents given one extent, so more extents than
    # dimensions (valid CRCs: a hostile file, not a damaged one)
    case('v1_slice_rank', {'model.ckpt': rewrite_sstable((v1 / 'model.ckpt').read_bytes(),
                                                          edit=_extra_extent(b'global_step'))})
    return None


def _flip(data, pos):
    b = bytearray(data)
    b[pos] ^= 0x40
    return bytes(b)


def _bundle_entry(index, key):
    from tensorflow.core.protobuf import tensor_bundle_pb2
    entry = tensor_bundle_pb2.BundleEntryProto()
    entry.ParseFromString(dict(sstable_entries(index))[key])
    return entry


def _oversize(key):
    def edit(k, v):
        if k != key:
            return v
        from tensorflow.core.protobuf import tensor_bundle_pb2
        entry = tensor_bundle_pb2.BundleEntryProto()
        entry.ParseFromString(v)
        entry.size = 1 << 40
        return entry.SerializeToString(deterministic=True)
    return edit


def _table_of_contents_edit(name, change):
    """An edit (for rewrite_sstable) of a V1 file's table of contents (key ""): change(meta) on the
    SavedSliceMeta of tensor `name`."""
    def edit(k, v):
        if k != b'':
            return v
        from tensorflow.core.util import saved_tensor_slice_pb2
        contents = saved_tensor_slice_pb2.SavedTensorSlices()
        contents.ParseFromString(v)
        for tensor in contents.meta.tensor:
            if tensor.name == name.decode():
                change(tensor)
        return contents.SerializeToString(deterministic=True)
    return edit


def _huge_shape(name):
    return _table_of_contents_edit(name, lambda tensor: tensor.shape.dim.add(size=1 << 20))


def _extra_extent(name):
    def add_extent(tensor):
        for tensor_slice in tensor.slice:
            tensor_slice.extent.add(start=0, length=1)
    return _table_of_contents_edit(name, add_extent)


def _block_offsets(table):
    """Offsets of the data blocks of an SSTable."""
    footer = table[-48:]
    pos = 0
    for _ in range(2):
        _, pos = _read_varint(footer, pos)
    index_offset, pos = _read_varint(footer, pos)
    index_size, pos = _read_varint(footer, pos)
    return [_read_varint(handle, 0)[0] for _, handle in _read_block(table, index_offset, index_size)]


def make_snappy_vectors(out):
    """Raw Snappy blocks made by python-snappy (the Snappy library), NAME.snappy, with their contents NAME.raw: for
    the unit test of tfir's Snappy decoder."""
    import random
    snappy = _snappy()
    rng = random.Random(SEED)
    text = b' '.join(rng.choice([b'the', b'checkpoint', b'tensor', b'slice', b'block', b'of', b'a', b'restart'])
                     for _ in range(3000))
    vectors = {
        'empty': b'',
        'text': text,
        'random': rng.randbytes(66000),  # literals with 2-byte lengths, two 64 KiB fragments
        'run': b'a' * 100000,  # overlapping copies (distance 1)
        'far': (lambda chunk: chunk + rng.randbytes(5000) + chunk + rng.randbytes(300) + chunk)(rng.randbytes(3000)),
    }
    for name, raw in vectors.items():
        (out / (name + '.raw')).write_bytes(raw)
        (out / (name + '.snappy')).write_bytes(snappy.compress(raw))
    return None


# --------------------------------------------------------------------------------------------------------------
# Big cases (--big, not committed): TF-Slim inception_v1 and resnet_v1_50 with random weights, V1 and V2
# --------------------------------------------------------------------------------------------------------------

def slim_training_graph(tf, name):
    """The TF-Slim net as train_image_classifier.py builds it for a checkpoint (nets_factory, 1001 classes, the
    net's arg scope, global_step), variables initialized from a fixed graph seed."""
    slim = _slim()
    from tf_slim.nets import inception, resnet_v1
    func, arg_scope = {'inception_v1': (inception.inception_v1, inception.inception_v3_arg_scope),
                       'resnet_v1_50': (resnet_v1.resnet_v1_50, resnet_v1.resnet_arg_scope)}[name]
    graph = tf.Graph()
    with graph.as_default():
        tf.compat.v1.set_random_seed(SEED)
        tf.compat.v1.train.get_or_create_global_step()
        images = tf.compat.v1.placeholder(tf.float32, [None, 224, 224, 3], name='input')
        with slim.arg_scope(arg_scope(weight_decay=0.0)):
            func(images, num_classes=1001, is_training=False)
    return graph


def make_big(net, version):
    def make(out):
        tf = _tf1_graph_mode()
        _saver_save(tf, slim_training_graph(tf, net), out / ('%s.ckpt' % net), version)
        (out / 'checkpoint').unlink()
        return '%s/%s.ckpt' % (out.name, net)
    make.__doc__ = 'TF-Slim %s, random weights (seed %d), Saver %s.' % (net, SEED, version)
    return make


# --------------------------------------------------------------------------------------------------------------
# Golden values, by TensorFlow
# --------------------------------------------------------------------------------------------------------------

def _value_bytes(np, value):
    value = np.asarray(value)
    if value.dtype == object or value.dtype.kind == 'S':
        return b''.join(struct.pack('<I', len(v)) + bytes(v) for v in value.reshape(-1))
    return np.ascontiguousarray(value).tobytes()


def _reader_path(tf, path):
    """What tf.train.load_checkpoint is given: the file or prefix; a directory through its `checkpoint` file, a
    SavedModel directory through variables/variables."""
    if path.is_dir():
        if (path / 'saved_model.pb').exists():
            return str(path / 'variables' / 'variables')
        return tf.train.latest_checkpoint(str(path))
    return str(path)[:-len('.index')] if str(path).endswith('.index') else str(path)


def write_golden(case, open_path, out_dir):
    tf = _tf()
    import numpy as np
    path = _reader_path(tf, out_dir / open_path)
    reader = tf.train.load_checkpoint(path)
    dtypes, shapes = reader.get_variable_to_dtype_map(), reader.get_variable_to_shape_map()
    lines = []
    for name in sorted(dtypes):
        try:
            value = reader.get_tensor(name)
        except Exception:  # V1: "Data type not supported" (half, uint16, complex), "Sliced checkpoints ..."
            value = tf.raw_ops.Restore(file_pattern=path, tensor_name=name, dt=dtypes[name]).numpy()
        assert list(np.shape(value)) == list(shapes[name]), (name, np.shape(value), shapes[name])
        digest = hashlib.sha256(_value_bytes(np, value)).hexdigest()
        lines.append('%s\t%s\t[%s]\t%s' % (name, dtypes[name].name, ','.join(map(str, shapes[name])), digest))
    golden = out_dir / 'golden' / ('%s.tsv' % case)
    golden.parent.mkdir(parents=True, exist_ok=True)
    golden.write_text('# case: %s\topen: %s\ttensors: %d\n' % (case, open_path, len(lines)) + '\n'.join(lines) + '\n',
                      encoding='utf-8')


# --------------------------------------------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------------------------------------------

SMALL = {
    'v1_small': make_v1_small,
    'v2_small': make_v2_small,
    'v1_dtypes': make_v1_dtypes,
    'v2_dtypes': make_v2_dtypes,
    'v1_partitioned': make_v1_partitioned,
    'v2_partitioned': make_v2_partitioned,
    'v1_sharded': make_v1_sharded,
    'v2_sharded': make_v2_sharded,
    'v2_resource': make_v2_resource,
    'v1_blocks': make_v1_blocks,
    'v2_many_slices': make_v2_many_slices,
    'tf2_checkpoint': make_tf2_checkpoint,
    'tf2_sharded': make_tf2_sharded,
    'saved_model': make_saved_model,
    'v1_snappy': _snappy_copy('v1_small', 'model.ckpt', []),
    'v2_snappy': _snappy_copy('v2_small', 'model.ckpt.index', ['model.ckpt.data-00000-of-00001']),
    'v2_big_endian': make_v2_big_endian,
    'bad': make_bad,
    'snappy': make_snappy_vectors,
}
BIG = {'big_%s_%s' % (net, v.lower()): make_big(net, v)
       for net in ('inception_v1', 'resnet_v1_50') for v in ('V1', 'V2')}
ALL = {**SMALL, **BIG}


def run_worker(case, out_dir):
    out = out_dir / case
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    open_path = ALL[case](out)
    if open_path:
        print(open_path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--out', help='output directory (default: testdata/checkpoints, or '
                                      '${TFIR_BIG:-target/big-models}/checkpoints with --big)')
    parser.add_argument('--only', help='comma-separated case names')
    parser.add_argument('--big', action='store_true', help='make the big (uncommitted) cases instead')
    parser.add_argument('--list', action='store_true', help='list the cases and exit')
    parser.add_argument('--worker', nargs=2, metavar=('CASE', 'DIR'), help=argparse.SUPPRESS)
    parser.add_argument('--golden', nargs=3, metavar=('CASE', 'OPEN', 'DIR'), help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        run_worker(args.worker[0], Path(args.worker[1]))
        return
    if args.golden:
        write_golden(args.golden[0], args.golden[1], Path(args.golden[2]))
        return
    if args.list:
        for name, make in ALL.items():
            print('%-24s %s' % (name, ' '.join((make.__doc__ or '').split())))
        return

    if args.only:
        selected = [n.strip() for n in args.only.split(',') if n.strip()]
        unknown = [n for n in selected if n not in ALL]
        if unknown:
            sys.exit('make_checkpoints.py: unknown case(s) %s (see --list)' % ', '.join(unknown))
    else:
        selected = list(BIG if args.big else SMALL)
    if args.out:
        out_dir = Path(args.out)
    elif args.big:
        out_dir = Path(os.environ.get('TFIR_BIG', REPO / 'target' / 'big-models')) / 'checkpoints'
    else:
        out_dir = CHECKPOINTS_DIR
    out_dir.mkdir(parents=True, exist_ok=True)

    env = dict(os.environ, PYTHONHASHSEED='0', TF_CPP_MIN_LOG_LEVEL='2', CUDA_VISIBLE_DEVICES='-1')
    me = str(Path(__file__).resolve())
    for case in selected:
        start = time.time()
        # a fresh process per case and per golden dump: TensorFlow keeps global state (graph/eager mode, names)
        made = subprocess.run([sys.executable, me, '--worker', case, str(out_dir)], env=env, check=True,
                              stdout=subprocess.PIPE, text=True).stdout.strip().splitlines()
        if made:
            subprocess.run([sys.executable, me, '--golden', case, made[-1], str(out_dir)], env=env, check=True)
        print('made %s (%.1fs)' % (os.path.relpath(out_dir / case, os.getcwd()), time.time() - start), flush=True)


if __name__ == '__main__':
    main()
