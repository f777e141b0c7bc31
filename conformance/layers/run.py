#!/usr/bin/env python3
"""Layer tests of bin/convert, in the style of OpenVINO's tests/layer_tests/tensorflow_tests: one small graph per op
type and attribute variant (conformance/layers/cases.py), made by real TensorFlow, converted and run in both
OpenVINO runtimes, compared with TensorFlow.

usage: conformance/layers/run.py [--only PATTERN[,PATTERN...]] [--ci] [--write-table docs/op-coverage.md]

For each case: the graph (Placeholders x0, x1..., the op, an Identity `out` (or out0, out1... for several
outputs)) is made with tf.compat.v1 graph mode and tf.raw_ops into ${TFIR_LAYERS:-target/layer-tests}/ID/ with
fixed random feeds (seed 1) and TensorFlow's outputs (TF_ENABLE_ONEDNN_OPTS=0); a case with variables saves them
(fixed random values) as a V1 or V2 checkpoint, which convert gets with --input_checkpoint; bin/convert converts it FP32
(--compress_to_fp16=False) and, when the outputs are float, FP16 too; each IR runs in OpenVINO 2024.6 and the newest
(conformance/ov_runtimes.run_ir, CPU, INFERENCE_PRECISION_HINT f32). Float outputs pass when
max |ours - tf| / max(1, |tf|) <= the case's tolerance (1e-5; 1e-4 for transcendental ops, cases.TRANSCENDENTAL;
FP16: 1e-2, the convert suite's limit, since constant operands are rounded to FP16); integer and boolean outputs
must be equal.
An op type convert does not translate fails its cases with convert's message.

--only takes fnmatch patterns of case ids (OP:VARIANT) or op types; --ci runs the first case of each family (but
the family of op types not translated yet, whose cases fail until they are).
--write-table writes the coverage table: a row per op type of `convert --list-ops` and per op type tested but not
translated. One line per case, then `N passed, N failed`; exit 1 if any failed, 2 for a set-up error.
Environment: TFIR_VENV, TFIR_VENV_LATEST (as conformance/convert/run.py), TFIR_CONVERT (default bin/convert).
"""

import argparse
import fnmatch
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / 'conformance'))
os.environ.setdefault('TF_ENABLE_ONEDNN_OPTS', '0')
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')
UNSUPPORTED = 'cannot translate'   # in convert's message on op types it does not translate
FP16_LIMIT = 1e-2   # the convert suite's FP16 limit: constant operands (filters) are rounded to FP16
SEED = 1


def convert_command():
    return os.environ.get('TFIR_CONVERT', str(REPO / 'bin/convert'))


def make_case(case, directory):
    """Writes the case's graph.pb (and, for a case with a checkpoint, its variables saved as model.ckpt in the
    case's format, with values other than their initializers') and returns (feeds {input name: array}, output
    names, TF's outputs, the graph's op types, convert's extra arguments)."""
    import numpy as np
    import tensorflow as tf
    import cases as layer_cases
    from tensorflow.core.protobuf import saver_pb2
    rng = np.random.default_rng(SEED)
    graph = tf.Graph()
    with graph.as_default():
        placeholders = [tf.compat.v1.placeholder(layer_cases.FEED_DTYPES[kind],
                                                 [None if d is None or d < 0 else d for d in shape], name='x%d' % i)
                        for i, (kind, shape, *_) in enumerate(case.inputs)]
        result = case.build(*placeholders)
        results = list(result) if isinstance(result, (list, tuple)) else [result]
        names = ['out'] if len(results) == 1 else ['out%d' % i for i in range(len(results))]
        for tensor, name in zip(results, names):
            tf.identity(tensor, name=name)
        if case.checkpoint:
            initialize = tf.compat.v1.global_variables_initializer()
            saver = tf.compat.v1.train.Saver(write_version=getattr(saver_pb2.SaverDef, case.checkpoint))
    feeds = {'x%d' % i: layer_cases.FEED_KINDS[kind](rng, fed[0] if fed else tuple(abs(d) for d in shape))
             for i, (kind, shape, *fed) in enumerate(case.inputs)}
    directory.mkdir(parents=True, exist_ok=True)
    extra = []
    with tf.compat.v1.Session(graph=graph) as session:
        if case.checkpoint:
            values = {variable.initial_value: layer_cases.weights(variable.shape.as_list(), seed=seed + 11)
                      for seed, variable in enumerate(graph.get_collection(tf.compat.v1.GraphKeys.GLOBAL_VARIABLES))}
            session.run(initialize, values)
            extra = ['--input_checkpoint', saver.save(session, str(directory / 'model.ckpt'), write_meta_graph=False)]
        want = session.run([name + ':0' for name in names], {name + ':0': value for name, value in feeds.items()})
    graph_def = graph.as_graph_def()
    (directory / 'graph.pb').write_bytes(graph_def.SerializeToString())
    # the op types of the graph and of its functions' bodies (While, If)
    op_types = sorted({node.op for node in graph_def.node}
                      | {node.op for function in graph_def.library.function for node in function.node_def})
    return feeds, names, want, op_types, extra


def difference(got, want, tol):
    """(diff, passed): relative for floats, the count of unequal elements for integers and bools."""
    import numpy as np
    if got is not None and got.shape != want.shape and want.ndim == 0 and got.size == 1:
        got = got.reshape(())  # run_ir stacks each output over the feeds: a scalar comes back as [value]
    if got is None or got.shape != want.shape:
        return float('inf'), False
    if want.dtype.kind == 'f':
        error = np.atleast_1d(np.abs(got.astype(np.float64) - want) / np.maximum(1.0, np.abs(want)))  # a scalar too
        error[np.atleast_1d(np.isnan(got) & np.isnan(want))] = 0.0
        diff = float(np.max(np.nan_to_num(error, nan=np.inf), initial=0.0))
        return diff, diff <= tol
    unequal = int(np.sum(got.astype(want.dtype) != want))
    return float(unequal), unequal == 0


def ir_feeds(xml, feeds):
    """The feeds of the inputs the IR has: a Placeholder whose consumers were folded (Shape of a static shape) is
    no input of it."""
    import openvino as ov
    names = set().union(*(i.get_names() for i in ov.Core().read_model(str(xml)).inputs))
    return {name: value for name, value in feeds.items() if name in names}


def run_case(case, root):
    """{'passed', 'text', 'runs': {runtime: diff}, 'fp16': diff or None, 'op_types'}."""
    import ov_runtimes
    directory = root / case.id.replace(':', '__')
    shutil.rmtree(directory, ignore_errors=True)
    try:
        feeds, names, want, op_types, extra = make_case(case, directory)
    except Exception as error:  # a case TensorFlow cannot build or run is the suite's bug: shown, not fatal
        return {'op_types': [case.op], 'runs': {}, 'fp16': None, 'passed': False,
                'texts': ['TensorFlow: %s' % error], 'error': 'TensorFlow: %s' % str(error).splitlines()[0]}
    result = {'op_types': op_types, 'runs': {}, 'ok': {}, 'fp16': None, 'passed': True, 'texts': []}
    precisions = [('fp32', case.tol, '--compress_to_fp16=False')]
    if case.fp16 and any(w.dtype.kind == 'f' for w in want):
        precisions.append(('fp16', FP16_LIMIT, '--compress_to_fp16=True'))
    for precision, limit, flag in precisions:
        out_dir = directory / precision
        done = subprocess.run([convert_command(), '--input_model', str(directory / 'graph.pb'), '--output',
                               ','.join(names), '--output_dir', str(out_dir), '--model_name', 'graph', flag] + extra,
                              capture_output=True, text=True)
        if done.returncode != 0:
            result['passed'] = False
            result['texts'].append('convert exit %d: %s' % (done.returncode, done.stderr.strip()[-300:]))
            lines = done.stderr.strip().splitlines()
            result['error'] = lines[-1] if lines else 'exit %d' % done.returncode
            return result
        try:
            runs = ov_runtimes.run_ir(out_dir / 'graph.xml', [ir_feeds(out_dir / 'graph.xml', feeds)])
        except Exception as error:  # noqa: BLE001 (a runtime that cannot load or run the IR fails the case)
            result['passed'] = False
            result['texts'].append('%s: %s' % (precision, str(error).strip().splitlines()[-1]))
            result['error'] = 'OpenVINO: %s' % str(error).strip().splitlines()[-1]
            return result
        for run in runs:
            worst, ok = 0.0, True
            for name, w in zip(names, want):
                got = run.output(name)
                got = got if got is not None else run.output(name + ':0')
                diff, passed = difference(got, w, limit)
                worst, ok = max(worst, diff), ok and passed
            if precision == 'fp32':
                result['runs'][run.runtime] = worst
            else:
                result['fp16'] = max(result['fp16'] or 0.0, worst)
            result['passed'] = result['passed'] and ok
            result['ok'][run.runtime] = result['ok'].get(run.runtime, True) and ok
            result['texts'].append('%s %s %s %.3g' % (precision, run.label, 'ok' if ok else 'FAIL', worst))
    return result


def selected(all_cases, only, ci):
    import cases as layer_cases
    if ci:
        families, chosen = set(), []
        for case in all_cases:
            if case.family not in families and case.family != layer_cases.PENDING:
                families.add(case.family)
                chosen.append(case)
        return chosen
    if not only:
        return all_cases
    patterns = only.split(',')
    return [case for case in all_cases
            if any(fnmatch.fnmatchcase(case.id, p) or fnmatch.fnmatchcase(case.op, p) for p in patterns)]


def write_table(path, listed, outcomes):
    """docs/op-coverage.md: a row per op type of convert --list-ops, then per op type tested but not translated."""
    runtimes = sorted({runtime for _, result in outcomes for runtime in result['runs']})
    rows = {}
    for case, result in outcomes:
        for op in set(result['op_types']) | {case.op}:
            # a passing case proves every op type of its graph; a failure counts against the op under test
            if op == case.op or (op in listed and result['passed']):
                rows.setdefault(op, []).append((case, result))
    lines = ['# Op coverage', '',
             'Written by `conformance/layers/run.py --write-table docs/op-coverage.md` (the layer tests: one small '
             'TensorFlow graph per op type and attribute variant, converted FP32 and FP16 by `bin/convert`, run in '
             'both OpenVINO runtimes, compared with TensorFlow). The variants of an op type are its own cases and the '
             'passing cases of other op types whose graphs hold it (Placeholder, Const, Identity...). Diffs: FP32, '
             'max |ours - tf| / max(1, |tf|) for floats, unequal elements for integers and bools; FP16 the worst '
             'over both runtimes. Limits: 1e-5, 1e-4 for transcendental ops (their CPU kernels approximate), 1e-2 '
             'with FP16 (constant operands rounded to FP16).', '',
             '| op type | translated | variants | %s | FP16 | result | notes |' % ' | '.join(
                 'OV ' + r for r in runtimes),
             '| --- | --- | --- | %s | --- | --- | --- |' % ' | '.join('---' for _ in runtimes)]
    totals = {'pass': 0, 'FAIL': 0, 'untested': 0, 'not translated': 0}
    for op in sorted(listed) + sorted(set(rows) - set(listed)):
        tested = rows.get(op, [])
        worst = {r: max((res['runs'].get(r, float('inf')) for _, res in tested if 'error' not in res), default=None)
                 for r in runtimes}
        fp16 = max((res['fp16'] for _, res in tested if res['fp16'] is not None), default=None)
        failed = [case.variant for case, res in tested if not res['passed']]
        result = ('not translated' if op not in listed else 'untested' if not tested
                  else 'FAIL' if failed else 'pass')
        totals[result] += 1
        errors = sorted({res['error'] for _, res in tested if 'error' in res and UNSUPPORTED not in res['error']})
        notes = '; '.join((['failed: ' + ', '.join(failed)] if failed and op in listed else []) + errors[:1])
        lines.append('| %s | %s | %d | %s | %s | %s | %s |' % (
            op, 'yes' if op in listed else 'no', len(tested),
            ' | '.join('-' if worst[r] is None else '%.2g' % worst[r] for r in runtimes),
            '-' if fp16 is None else '%.2g' % fp16, result, notes.replace('|', '\\|')))
    lines += ['', '%d op types translated (convert --list-ops): %d pass, %d fail, %d untested; %d tested but not '
              'translated.' % (len(listed), totals['pass'], totals['FAIL'], totals['untested'],
                               totals['not translated']),
              '%d cases; passed in both runtimes (FP32 and FP16): %d; %s.' % (
                  len(outcomes), sum(res['passed'] for _, res in outcomes),
                  '; '.join('in OV %s: %d' % (r, sum(res['ok'].get(r, False) for _, res in outcomes))
                            for r in runtimes))]
    Path(path).write_text('\n'.join(lines) + '\n')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--only')
    parser.add_argument('--ci', action='store_true')
    parser.add_argument('--write-table')
    args = parser.parse_args()
    import cases as layer_cases
    chosen = selected(layer_cases.cases(), args.only, args.ci)
    if not chosen:
        print('run.py: no case matches %s' % args.only, file=sys.stderr)
        return 2
    root = Path(os.environ.get('TFIR_LAYERS', REPO / 'target' / 'layer-tests'))
    listed = set(subprocess.run([convert_command(), '--list-ops'], capture_output=True, text=True,
                                check=True).stdout.split())
    outcomes, failed = [], 0
    for case in chosen:
        result = run_case(case, root)
        outcomes.append((case, result))
        failed += not result['passed']
        print('%s %s: %s' % ('PASS' if result['passed'] else 'FAIL', case.id, ', '.join(result['texts'])), flush=True)
    if args.write_table:
        write_table(args.write_table, listed, outcomes)
    print('%d passed, %d failed' % (len(outcomes) - failed, failed))
    return 1 if failed else 0


def convert_suite():
    """conformance/convert/run.py as a module (its venv re-execution)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location('convert_suite', REPO / 'conformance/convert/run.py')
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == '__main__':
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    convert_suite().reexec_in_venv(__file__)
    sys.exit(main())
