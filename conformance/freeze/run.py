#!/usr/bin/env python3
"""Conformance of summarize-graph --save_frozen with TensorFlow's own freezing.

usage: conformance/freeze/run.py [--only CASE[,CASE...]] [--keep]

For each case, ours is `bin/summarize-graph MODEL --save_frozen ours.pb --json` (the outputs it froze come from the
JSON), and TensorFlow's reference is tf.compat.v1.graph_util.convert_variables_to_constants on a session holding
the same model with its checkpoint restored, for the same output names:
  * inference graph + checkpoint: the GraphDef imported, then Model Optimizer's freeze_checkpoint restore (a Saver
    over the graph's ops named like the checkpoint's keys; for a resource variable, its ReadVariableOp);
  * MetaGraph + checkpoint: tf.compat.v1.train.import_meta_graph, then its Saver's restore;
  * TF1 SavedModel: tf.compat.v1.saved_model.loader.load;
the GraphDef frozen is the file's own (for a MetaGraph or SavedModel, its graph_def), as ours is.
A bare GraphDef cannot have partitioned variables restored into it by TensorFlow (the checkpoint holds `var`, the
graph `var/part_N`), so the partitioned inference-graph case takes the reference from its own MetaGraph.
Both frozen graphs then run in TensorFlow on the same random inputs (fixed seed; unknown dims 2); every output must be
bit-identical (same dtype, shape and bytes). The node sets are compared too: the same names with the same op types
is required; same order and NodeDefs that are equal protos are reported.

Cases: inception_v1 and resnet_v1_50 inference graph + V1 checkpoint and + V2 checkpoint (made by
tools/models/make_convert_models.py into ${TFIR_BIG:-target/big-models}/convert when missing), the small
TF-Slim MetaGraph + checkpoint (testdata/models/small.meta), the partitioned and the resource-variable graphs of
testdata/freeze (inference graph + checkpoint, and MetaGraph; tools/models/make_freeze_models.py), and the TF1
SavedModel testdata/models/saved_model_tf1.

One line per case, then `N passed, N failed`; exit status 1 if any case failed, 2 for a set-up error.
Environment: TFIR_VENV (default .venv), TFIR_BIG, TFIR_SUMMARIZE (the command under test, default
bin/summarize-graph).
"""

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# TensorFlow's references without oneDNN's graph rewrites: on this CPU they moved a BERT-like graph's output by
# 0.35, and OpenVINO's IRs matched plain TensorFlow.
os.environ['TF_ENABLE_ONEDNN_OPTS'] = '0'
SEED = 20251125
FREEZE = REPO / 'testdata' / 'freeze'
MODELS = REPO / 'testdata' / 'models'


def reexec_in_venv():
    """Runs this script again with the venv's Python when this one lacks TensorFlow (the convert suite's way)."""
    spec = importlib.util.spec_from_file_location('convert_suite', REPO / 'conformance/convert/run.py')
    convert_suite = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(convert_suite)
    convert_suite.reexec_in_venv(__file__)


def big_dir():
    directory = Path(os.environ.get('TFIR_BIG', REPO / 'target' / 'big-models')) / 'convert'
    missing = [net + '_frozen.pb' for net in ('inception_v1', 'resnet_v1_50')
               if not all((directory / f).exists() for f in (net + '_inference_graph.pb', net + '.ckpt',
                                                             net + '_v2.ckpt.index'))]
    if missing:
        print('making %s in %s' % (', '.join(missing), directory), flush=True)
        subprocess.run([sys.executable, str(REPO / 'tools/models/make_convert_models.py'), '--out', str(directory),
                        '--only', ','.join(missing)], check=True)
    return directory


def cases():
    """name -> (our summarize-graph arguments, reference kind, reference paths)."""
    found = {}
    big = None
    for net in ('inception_v1', 'resnet_v1_50'):
        for form, ckpt in (('ckpt-v1', net + '.ckpt'), ('ckpt-v2', net + '_v2.ckpt')):
            def make(net=net, ckpt=ckpt):
                nonlocal big
                big = big or big_dir()
                graph, checkpoint = big / (net + '_inference_graph.pb'), big / ckpt
                return (['--input_model', str(graph), '--input_checkpoint', str(checkpoint)],
                        ('graph', graph, checkpoint))
            found['%s-%s' % (net, form)] = make
    found['small-meta'] = lambda: (['--input_model', str(MODELS / 'small.meta')],
                                   ('meta', MODELS / 'small.meta', MODELS / 'small'))
    for model in ('partitioned', 'resource'):
        directory = FREEZE / model
        meta, checkpoint = directory / 'model.ckpt.meta', directory / 'model.ckpt'
        found[model + '-graph'] = lambda d=directory, m=meta, c=checkpoint, p=model: (
            ['--input_model', str(d / 'inference_graph.pb'), '--input_checkpoint', str(c)],
            ('meta', m, c) if p == 'partitioned' else ('graph', d / 'inference_graph.pb', c))
        found[model + '-meta'] = lambda m=meta, c=checkpoint: (['--input_meta_graph', str(m)], ('meta', m, c))
    saved = MODELS / 'saved_model_tf1'
    found['saved_model_tf1'] = lambda: (['--saved_model_dir', str(saved)], ('saved_model', saved, None))
    return found


def tf_frozen(reference, outputs):
    """TensorFlow's convert_variables_to_constants of the model with its variables restored."""
    import tensorflow as tf
    kind, model, checkpoint = reference
    graph = tf.Graph()
    with graph.as_default(), tf.compat.v1.Session(graph=graph) as session:
        if kind == 'graph':
            graph_def = tf.compat.v1.GraphDef()
            graph_def.ParseFromString(Path(model).read_bytes())
            tf.import_graph_def(graph_def, name='')
            keys = tf.compat.v1.train.NewCheckpointReader(str(checkpoint)).get_variable_to_shape_map()
            names = {op.name for op in graph.get_operations()}
            var_list = {key: saveable(graph.get_operation_by_name(key)) for key in keys if key in names}
            tf.compat.v1.train.Saver(var_list=var_list).restore(session, str(checkpoint))
        elif kind == 'meta':
            tf.compat.v1.train.import_meta_graph(str(model)).restore(session, str(checkpoint))
            meta = tf.compat.v1.MetaGraphDef()
            meta.ParseFromString(Path(model).read_bytes())
            graph_def = meta.graph_def
        else:
            graph_def = tf.compat.v1.saved_model.loader.load(session, ['serve'], str(model)).graph_def
        return tf.compat.v1.graph_util.convert_variables_to_constants(session, graph_def, outputs)


def saveable(op):
    """What a Saver restores into: a reference variable's output, a resource variable's read (the Saver takes the
    handle from the ReadVariableOp's input)."""
    if op.type == 'VarHandleOp':
        return next(c for c in op.outputs[0].consumers() if c.type == 'ReadVariableOp').outputs[0]
    return op.outputs[0]


def run_graph(graph_def, feeds, outputs):
    import tensorflow as tf
    graph = tf.Graph()
    with graph.as_default():
        tf.import_graph_def(graph_def, name='')
    with tf.compat.v1.Session(graph=graph) as session:
        return session.run([name + ':0' for name in outputs], {name + ':0': value for name, value in feeds.items()})


def random_feeds(inputs):
    import numpy as np
    rng = np.random.default_rng(SEED)
    feeds = {}
    for item in inputs:
        shape = [2 if d is None or d < 0 else d for d in (item['shape'] or [])]
        feeds[item['name']] = (rng.standard_normal(shape) * 2).astype(item['dtype'])
    return feeds


def compare_nodes(ours, theirs):
    """(required problems, informative notes) of two GraphDefs' nodes."""
    ours_ops = {n.name: n.op for n in ours.node}
    theirs_ops = {n.name: n.op for n in theirs.node}
    problems = []
    if set(ours_ops) != set(theirs_ops):
        only_ours = sorted(set(ours_ops) - set(theirs_ops))
        only_theirs = sorted(set(theirs_ops) - set(ours_ops))
        problems.append('node sets differ: only ours %s, only TF %s' % (only_ours[:5], only_theirs[:5]))
    ops = [name for name in ours_ops if name in theirs_ops and ours_ops[name] != theirs_ops[name]]
    if ops:
        problems.append('op types differ: %s' % ', '.join('%s %s/%s' % (n, ours_ops[n], theirs_ops[n])
                                                        for n in ops[:5]))
    same_order = [n.name for n in ours.node] == [n.name for n in theirs.node]
    by_name = {n.name: n for n in theirs.node}
    differing = [n.name for n in ours.node if n.name in by_name and n != by_name[n.name]]
    consts = [n.name for n in ours.node if n.op == 'Const']
    const_values_equal = sum(1 for name in consts if name in by_name
                             and ours_const(ours, name) == ours_const(theirs, name))
    note = '%d nodes, order %s, %d/%d Consts with equal values, %d NodeDef(s) differ%s' % (
        len(ours.node), 'same' if same_order else 'DIFFERENT', const_values_equal, len(consts), len(differing),
        (' (%s)' % ', '.join(differing[:3])) if differing else '')
    if const_values_equal != len(consts):
        problems.append('Const values differ')
    return problems, note


def ours_const(graph_def, name):
    from tensorflow.python.framework import tensor_util
    node = next(n for n in graph_def.node if n.name == name)
    value = tensor_util.MakeNdarray(node.attr['value'].tensor)
    return (str(value.dtype), value.shape, value.tobytes())


def run_case(name, make, work, summarize):
    import tensorflow as tf
    args, reference = make()
    ours_file = work / (name + '.pb')
    done = subprocess.run([summarize] + args + ['--save_frozen', str(ours_file), '--json'], capture_output=True,
                          text=True)
    if done.returncode != 0:
        return False, 'summarize-graph exited %d: %s' % (done.returncode, done.stderr.strip()[-300:])
    report = json.loads(done.stdout)
    outputs = report['frozen']['outputs']
    ours = tf.compat.v1.GraphDef()
    ours.ParseFromString(ours_file.read_bytes())
    theirs = tf_frozen(reference, outputs)
    feeds = random_feeds(report['inputs'])
    got = run_graph(ours, feeds, outputs)
    want = run_graph(theirs, feeds, outputs)
    problems, note = compare_nodes(ours, theirs)
    for output, a, b in zip(outputs, got, want):
        if a.dtype != b.dtype or a.shape != b.shape or a.tobytes() != b.tobytes():
            problems.append('output %s differs (%s %s vs TF %s %s)' % (output, a.dtype, a.shape, b.dtype, b.shape))
    summary = '%d output(s) %s, %d variable(s); %s' % (
        len(outputs), 'bit-identical' if not any(p.startswith('output') for p in problems) else 'DIFFER',
        report['frozen']['variables'], note)
    return not problems, summary + ('; ' + '; '.join(problems) if problems else '')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--only', help='comma-separated case names')
    parser.add_argument('--keep', action='store_true', help='keep the frozen graphs (the directory is printed)')
    args = parser.parse_args()
    reexec_in_venv()
    os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')
    import tensorflow as tf
    tf.get_logger().setLevel('ERROR')
    tf.compat.v1.disable_eager_execution()
    summarize = os.environ.get('TFIR_SUMMARIZE', str(REPO / 'bin' / 'summarize-graph'))
    all_cases = cases()
    names = args.only.split(',') if args.only else list(all_cases)
    unknown = [n for n in names if n not in all_cases]
    if unknown:
        print('run.py: unknown case(s) %s; cases: %s' % (', '.join(unknown), ', '.join(all_cases)), file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix='tfir-freeze-'))
    passed = failed = 0
    try:
        for name in names:
            try:
                ok, detail = run_case(name, all_cases[name], work, summarize)
            except Exception as e:  # a reference that TensorFlow cannot build is a failed case, not a crash
                ok, detail = False, '%s: %s' % (type(e).__name__, str(e).splitlines()[0][:300] if str(e) else '')
            print('%s %s: %s' % ('PASS' if ok else 'FAIL', name, detail), flush=True)
            passed += ok
            failed += not ok
    finally:
        if args.keep:
            print('frozen graphs kept in', work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
