#!/usr/bin/env python3
"""Check the TF1 while-loop rewrite (common: dev.tfir.common.model.Tf1Loops) in real TensorFlow: for each model of
tools/models/make_tf1_loop_models.py, the GraphDef convert translates (written by the test-only
dev.tfir.convert.pipeline.ConversionGraphDump) must hold no TF1 frame (no Enter/Exit/NextIteration/LoopCond/
TensorArray op) but functional Whiles, and give the original graph's outputs on fixed inputs, at two sequence
lengths (trip counts), within --tolerance (default 1e-6; exact for integers).

Needs the reactor built with test classes: mvn -B -q -pl convert -am test-compile (and package, for the jars).
Usage: TFIR_VENV=/work/main/.venv $TFIR_VENV/bin/python conformance/tf1loops/check_rewrite.py [--models DIR]
           [--also MODEL.pb ...]
--also checks more frozen graphs the same way, once, on seeded random feeds (unknown dimensions 3, integer
inputs 3, booleans false), comparing every output (a node nothing reads).
--convert BIN also converts each model of the table with BIN (a bin/convert that translates While: once the TF2
functional While has landed; FP32: --compress_to_fp16=False) and runs the one IR for both cases in OpenVINO 2024.6 and the newest
(conformance/ov_runtimes.py) against TensorFlow's outputs (<= --ir-tolerance, default 1e-4; integers exact).
Prints one line per model and case; exit 1 when any differs or fails.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / 'testdata' / 'convert' / 'tf1loops'
TF1_FRAME_OPS = {'Enter', 'Exit', 'NextIteration', 'LoopCond'}


def _feeds(rng):
    """Per model: the feeds of two cases (two sequence lengths or trip counts)."""
    def sequence(length):
        return {'input:0': rng.standard_normal((2, length, 3)).astype(np.float32)}
    return {
        'while_counter.pb': [{'limit:0': np.int32(3)}, {'limit:0': np.int32(11)}],
        'while_accumulate.pb': [{'input:0': rng.standard_normal((2, 4)).astype(np.float32)},
                                {'input:0': rng.standard_normal((5, 4)).astype(np.float32)}],
        'dynamic_rnn_lstm.pb': [sequence(5), sequence(17)],
        'dynamic_rnn_gru.pb': [sequence(5), sequence(17)],
        'dynamic_rnn_sequence_length.pb': [dict(sequence(5), **{'lengths:0': np.array([5, 2], np.int32)}),
                                           dict(sequence(17), **{'lengths:0': np.array([9, 17], np.int32)})],
        'bidirectional_gru.pb': [sequence(5), sequence(17)],
        'map_fn_scan.pb': [{'input:0': rng.standard_normal((3, 4)).astype(np.float32)},
                           {'input:0': rng.standard_normal((11, 4)).astype(np.float32)}],
        'while_nested.pb': [{'limit:0': np.int32(2)}, {'limit:0': np.int32(6)}],
        'while_tensor_array_read_back.pb': [{'input:0': rng.standard_normal(4).astype(np.float32)}],
        'while_dynamic_size.pb': [{'limit:0': np.int32(3)}, {'limit:0': np.int32(9)}],
    }


def _random_feeds(graph_def, rng):
    import tensorflow as tf
    feeds = {}
    for node in graph_def.node:
        if node.op != 'Placeholder':
            continue
        dtype = tf.dtypes.as_dtype(node.attr['dtype'].type)
        if not dtype.is_numpy_compatible or dtype == tf.string:
            continue
        dtype = dtype.as_numpy_dtype
        shape = [d.size if d.size >= 0 else 3 for d in node.attr['shape'].shape.dim]
        kind = np.dtype(dtype).kind
        feeds[node.name + ':0'] = (np.zeros(shape, dtype) if kind == 'b' else np.full(shape, 3, dtype) if kind in 'iu'
                                   else rng.standard_normal(shape).astype(dtype))
    return feeds


def _ends(graph_def):
    read = {i.lstrip('^').split(':')[0] for n in graph_def.node for i in n.input}
    return [n.name + ':0' for n in graph_def.node if n.name not in read and n.op not in ('NoOp', 'Assert')]


def _run(tf, graph_def, feeds, outputs='output:0'):
    graph = tf.Graph()
    with graph.as_default():
        tf.compat.v1.import_graph_def(graph_def, name='')
    with tf.compat.v1.Session(graph=graph) as session:
        return session.run(outputs, feeds)


def _compare(expected, got, tolerance):
    """(all equal: integers exactly, floats within tolerance; the largest difference) over one output or a list."""
    if isinstance(expected, list):
        pairs = [_compare(e, g, tolerance) for e, g in zip(expected, got)]
        return all(good for good, _ in pairs), max([diff for _, diff in pairs], default=0.0)
    diff = float(np.max(np.abs(expected.astype(np.float64) - got))) if expected.size else 0.0
    good = expected.shape == got.shape and (
        np.array_equal(expected, got) if expected.dtype.kind in 'iub' else diff <= tolerance)
    return good, diff


def _shapes(got):
    return '%d outputs' % len(got) if isinstance(got, list) else 'x'.join(map(str, got.shape)) or 'scalar'


def _check_ir(args, model, feeds, expected, out):
    """Converts `model` with --convert (once) and runs its IR on `feeds` in both runtimes; the failures."""
    sys.path.insert(0, str(REPO / 'conformance'))
    import ov_runtimes
    xml = out / (model.stem + '.xml')
    if not xml.exists():
        done = subprocess.run([str(args.convert), '--input_model', str(model), '--output_dir', str(out),
                               '--compress_to_fp16=False'],
                              capture_output=True, text=True)
        if done.returncode != 0:
            print('FAIL %-34s convert: %s' % (model.name, done.stderr.strip()[-300:]))
            return 1
    failures = 0
    for run in ov_runtimes.run_ir(xml, [{name.split(':')[0]: value for name, value in feeds.items()}]):
        got = run.output('output')
        good, diff = (False, float('inf')) if got is None else _compare(expected, got.reshape(expected.shape)
                                                                        if got.size == expected.size else got,
                                                                        args.ir_tolerance)
        failures += not good
        print('%s %-34s IR in %-12s max|diff| %.3g' % ('ok  ' if good else 'FAIL', model.name, run.label, diff))
    return failures


def _rewritten(model, out):
    classpath = os.pathsep.join([str(REPO / 'common/target/classes'), str(REPO / 'convert/target/test-classes'),
                                 str(REPO / 'convert/target/convert.jar'), str(REPO / 'convert/target/lib/*')])
    done = subprocess.run(['java', '-cp', classpath, 'dev.tfir.convert.pipeline.ConversionGraphDump', str(model),
                           str(out)], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError('rewrite failed: ' + done.stderr.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--models', type=Path, default=FIXTURES)
    parser.add_argument('--tolerance', type=float, default=1e-6)
    parser.add_argument('--also', type=Path, nargs='*', default=[])
    parser.add_argument('--convert', type=Path)
    parser.add_argument('--ir-tolerance', type=float, default=1e-4)
    args = parser.parse_args()
    os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
    os.environ.setdefault('TF_ENABLE_ONEDNN_OPTS', '0')
    import tensorflow as tf
    failed = 0
    with tempfile.TemporaryDirectory() as scratch:
        rng = np.random.default_rng(20240601)
        models = [(args.models / name, cases) for name, cases in _feeds(rng).items()]
        for path, cases in models + [(path, None) for path in args.also]:
            name = path.name if cases else str(path)
            original = tf.compat.v1.GraphDef()
            original.ParseFromString(path.read_bytes())
            outputs = 'output:0' if cases else _ends(original)
            cases = cases or [_random_feeds(original, rng)]
            out = Path(scratch) / 'rewritten.pb'
            try:
                _rewritten(path, out)
            except RuntimeError as e:
                print('FAIL %-34s %s' % (name, e))
                failed += 1
                continue
            rewritten = tf.compat.v1.GraphDef()
            rewritten.ParseFromString(out.read_bytes())
            left = sorted({n.op for n in rewritten.node if n.op in TF1_FRAME_OPS or n.op.startswith('TensorArray')})
            whiles = sum(n.op == 'While' for n in rewritten.node)
            if left or not whiles:
                print('FAIL %-34s TF1 frame ops left: %s; Whiles: %d' % (name, left, whiles))
                failed += 1
                continue
            for feeds in cases:
                shape = 'x'.join(str(d) for d in next(iter(feeds.values())).shape) or str(next(iter(feeds.values())))
                try:
                    expected = _run(tf, original, feeds, outputs)
                except tf.errors.OpError as e:
                    print('skip %-34s TensorFlow cannot run the original: %s' % (name, e.message.splitlines()[0]))
                    continue
                got = _run(tf, rewritten, feeds, outputs)
                good, diff = _compare(expected, got, args.tolerance)
                failed += not good
                if args.convert and path.parent == args.models:
                    failed += _check_ir(args, path, feeds, expected, Path(scratch) / path.stem)
                print('%s %-34s input %-8s output %-10s max|diff| %.3g (%d While, %d functions)' % (
                    'ok  ' if good else 'FAIL', name, shape, _shapes(got), diff, whiles,
                    len(rewritten.library.function)), flush=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
