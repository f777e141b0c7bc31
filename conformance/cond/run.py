#!/usr/bin/env python3
"""TF1 conditionals (tf.cond's Switch/Merge; issue 17): convert against TensorFlow in both OpenVINO runtimes, with
mo's and the newest ovc's results and times beside ours.

The models are committed in testdata/convert/cond/ (made by tools/models/make_cond_models.py). Each case converts
the model with ours (FP32: --compress_to_fp16=False), mo 2024.6 (this venv) and the newest ovc (TFIR_VENV_LATEST),
each timed as a whole process, runs every IR in OpenVINO 2024.6 and the newest (conformance/ov_runtimes.run_ir) on
feeds that take every branch (the predicate true and false), and compares with TensorFlow (TF_ENABLE_ONEDNN_OPTS=0)
run on the same model: ours must be within 1e-4 in both runtimes. The refusal case must print one line naming the
Merge, exit 1 and write nothing.

Usage:
  conformance/cond/run.py [--only ID,ID] [--ci] [--write-table docs/conditionals.md]
--ci runs the cheapest cases (no mo, no ovc).
"""

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / 'conformance'))
sys.path.insert(0, str(REPO / 'conformance' / 'convert'))
import ov_runtimes  # noqa: E402
from run import reexec_in_venv  # noqa: E402  (conformance/convert/run.py)

os.environ.setdefault('TF_ENABLE_ONEDNN_OPTS', '0')
MODELS = REPO / 'testdata' / 'convert' / 'cond'
LIMIT = 1e-4
SEED = 17


def _x(rng, shape):
    return rng.standard_normal(shape).astype('float32')


def _feeds(rng, flags):
    """One feed per combination of predicates, each with its own batch of 3 rows."""
    import numpy as np
    return [dict({'input': _x(rng, (3, 4))}, **{k: np.array(v) for k, v in combo.items()}) for combo in flags]


def _cases():
    import numpy as np
    rng = np.random.default_rng(SEED)
    both = [{'flag': True}, {'flag': False}]
    return {
        'cond-runtime': dict(model='cond_runtime.pb', output='output', feeds=_feeds(rng, both),
                             what='TF1 tf.cond on a runtime predicate (Placeholder flag)'),
        'cond-runtime-saved-model': dict(model='cond_runtime_saved_model', output='output', feeds=_feeds(rng, both),
                                         what='the same as a TF1 SavedModel'),
        'cond-shapes-differ': dict(model='cond_shapes_differ.pb', output='output', feeds=_feeds(rng, both),
                                   what='TF1 tf.cond whose sides give [None, 1] and [None, 4]'),
        'cond-nested': dict(model='cond_nested.pb', output='output',
                            feeds=_feeds(rng, [{'a': a, 'b': b} for a in (True, False) for b in (True, False)]),
                            what='TF1 tf.cond in a tf.cond, two runtime predicates'),
        'cond-tf2-lowered': dict(model='cond_tf2_lowered.pb', output='Identity',
                                 feeds=_feeds(rng, [{'pred': True}, {'pred': False}]),
                                 what='TF2 tf.cond frozen with lower_control_flow=True (Switch/Merge)'),
        'cond-const': dict(model='cond_const.pb', output='output', feeds=_feeds(rng, [{}]),
                           what='TF1 tf.cond on a Const: the false branch (Igamma) pruned'),
        'is-training-frozen': dict(model='is_training_default.pb', output='output', images=True,
                                   feeds=[{'images': _x(rng, (2, 8, 8, 3))}],
                                   what='TF1 batch_norm + dropout on is_training=PlaceholderWithDefault(False), frozen'),
        'is-training-saved-model': dict(model='is_training_saved_model', output='output', images=True,
                                        feeds=[{'images': _x(rng, (2, 8, 8, 3))}],
                                        what='the same as a TF1 SavedModel (variables)'),
    }


REFUSAL = dict(model='cond_ranks_differ.pb', expected="convert: error: Merge 'branch/Merge': joins values of shapes")
CI_CASES = ('cond-runtime', 'is-training-frozen')


def model_args(path):
    return ['--saved_model_dir', str(path)] if path.is_dir() else ['--input_model', str(path)]


def tf_reference(path, output, feeds):
    """TensorFlow's output for each feed, on the model as stored (a TF1 SavedModel loaded into a session)."""
    import tensorflow as tf
    graph = tf.Graph()
    with tf.compat.v1.Session(graph=graph) as session:
        if path.is_dir():
            tf.compat.v1.saved_model.loader.load(session, ['serve'], str(path))
        else:
            graph_def = tf.compat.v1.GraphDef()
            graph_def.ParseFromString(path.read_bytes())
            with graph.as_default():
                tf.import_graph_def(graph_def, name='')
        return [session.run(output + ':0', {name + ':0': value for name, value in feed.items()}) for feed in feeds]


def timed(command):
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    return done, time.perf_counter() - start


def convert(tool, path, out_dir):
    """(xml or None, seconds, note) of one converter, FP32."""
    if tool == 'ours':
        command = [os.environ.get('TFIR_CONVERT', str(REPO / 'bin/convert'))] + model_args(path) + [
            '--compress_to_fp16=False', '--output_dir', str(out_dir)]
    elif tool == 'mo':
        command = [str(Path(sys.executable).parent / 'mo')] + model_args(path) + [
            '--compress_to_fp16=False', '--output_dir', str(out_dir)]
    else:
        command = [str(ov_runtimes.latest_python().parent / 'ovc'), str(path), '--compress_to_fp16=False',
                   '--output_model', str(out_dir / 'model.xml')]
    done, seconds = timed(command)
    if done.returncode != 0:
        lines = [line for line in (done.stderr + done.stdout).splitlines() if line.strip()]
        return None, seconds, '%s exit %s: %s' % (tool, done.returncode, lines[-1][:200] if lines else '')
    return next(out_dir.glob('*.xml')), seconds, ''


def input_names(xml):
    """Every name of the IR's Parameters: the layer names and their output ports' tensor names."""
    import xml.etree.ElementTree as ElementTree
    names = set()
    for layer in ElementTree.parse(xml).getroot().find('layers'):
        if layer.get('type') == 'Parameter':
            names.add(layer.get('name'))
            for port in layer.iter('port'):
                names.update(name.strip() for name in (port.get('names') or '').split(','))
    return names


def renamed(feeds, xml):
    """The feeds by the names the IR has: a TF node name, or its tensor name (mo's and ovc's IRs: 'input:0')."""
    names = input_names(xml)
    return [{key if key in names else key + ':0': value for key, value in feed.items()} for feed in feeds]


def diffs(xml, feeds, want, output):
    """{runtime label: max abs diff} over the feeds, in both runtimes."""
    import numpy as np
    result = {}
    for run in ov_runtimes.run_ir(xml, renamed(feeds, xml)):
        got = run.output(output)
        if got is None:
            got = run.output(output + ':0')
        if got is None:
            got = run.outputs[0][1]
        expected = ov_runtimes.join(want)
        result[run.label] = float(np.abs(got - expected).max()) if got.shape == expected.shape else float('inf')
    return result


def run_case(name, case, work, with_others):
    path = MODELS / case['model']
    want = tf_reference(path, case['output'], case['feeds'])
    row = dict(name=name, what=case['what'], form='SavedModel' if path.is_dir() else 'frozen')
    for tool in ('ours', 'mo', 'ovc') if with_others else ('ours',):
        out_dir = work / name / tool
        xml, seconds, note = convert(tool, path, out_dir)
        row[tool] = dict(time=seconds, note=note, diffs=diffs(xml, case['feeds'], want, case['output'])
                         if xml else {}, ops=layer_count(xml) if xml else None)
    ours = row['ours']
    row['passed'] = not ours['note'] and len(ours['diffs']) == 2 and max(ours['diffs'].values()) <= LIMIT
    return row


def layer_count(xml):
    """Layers of the main graph (If bodies not counted), as an IR reader lists them."""
    import xml.etree.ElementTree as ElementTree
    return len(ElementTree.parse(xml).getroot().find('layers'))


def run_refusal(work):
    out_dir = work / 'refusal'
    done, _ = timed([str(REPO / 'bin/convert'), '--input_model', str(MODELS / REFUSAL['model']),
                     '--output_dir', str(out_dir)])
    lines = done.stderr.strip().splitlines()
    passed = done.returncode == 1 and len(lines) == 1 and lines[0].startswith(REFUSAL['expected']) and not (
        out_dir.exists() and any(out_dir.iterdir()))
    return passed, 'exit %s, %s' % (done.returncode, lines[0] if lines else '(nothing on stderr)')


def describe(row):
    parts = []
    for tool in ('ours', 'mo', 'ovc'):
        if tool not in row:
            continue
        result = row[tool]
        if result['note']:
            parts.append(result['note'])
            continue
        parts.append('%s %s, %.2f s' % (tool, ', '.join('%s %.2g' % item for item in result['diffs'].items()),
                                        result['time']))
    return ' | '.join(parts)


def table(rows):
    import tensorflow as tf
    runtimes = ' and '.join(label.replace('OV ', '') for label in rows[0]['ours']['diffs'])
    lines = ['# TF1 conditionals (Switch/Merge): convert against TensorFlow, mo and ovc', '',
             'Written by `conformance/cond/run.py --write-table docs/conditionals.md` (TensorFlow %s, OpenVINO %s, '
             'Python %s, %d CPUs shared with other work). Do not edit by hand.' % (
                 tf.__version__, runtimes, platform.python_version(), os.cpu_count()), '',
             'Max abs difference from TensorFlow (TF_ENABLE_ONEDNN_OPTS=0) over feeds that take every branch (one '
             'compiled model, the feeds one after another), FP32 (`--compress_to_fp16=False`), each IR run in '
             'OpenVINO 2024.6 and the newest; time: the whole conversion process (JVM or Python start included), '
             'one run; layers: the IR\'s top-level layers (an `If` counts one). Limit for ours: %g in both '
             'runtimes.' % LIMIT, '',
             'All three converters make an `If` of a runtime predicate, which runs only the side taken (ours copies '
             'each side\'s branch into the `If`\'s body; a Select of both sides, as ours was before, fails where the '
             'side not taken cannot be computed: a Swin transformer\'s window masks). OpenVINO 2024.6\'s CPU plugin '
             'runs a compiled `If` wrong once the predicate changes: an inference after one that took the other '
             'branch gives that other branch\'s result (the IR alone, fed True then False or False then True, in a '
             'fresh process: the second result is wrong; each alone is right). That is the large diffs of mo and ovc '
             'in 2024.6; ours gives the two branches\' results leading axes of different sizes, which makes each '
             'branch write its result (see `Loops.ifElse`); in the newest runtime all are right.', '',
             '| case | form | ours: diff 2024.6 / newest | ours s | layers | mo: diff 2024.6 / newest | mo s | '
             'layers | ovc: diff 2024.6 / newest | ovc s | layers |',
             '|---|---|---|---|---|---|---|---|---|---|---|']
    for row in rows:
        cells = ['%s (%s)' % (row['name'], row['what']), row['form']]
        for tool in ('ours', 'mo', 'ovc'):
            result = row[tool]
            if result['note']:
                cells += [result['note'].replace('|', '/'), '%.2f' % result['time'], '']
            else:
                cells += [' / '.join('%.2g' % d for d in result['diffs'].values()), '%.2f' % result['time'],
                          str(result['ops'])]
        lines.append('| ' + ' | '.join(cells) + ' |')
    return '\n'.join(lines) + '\n'


def main():
    reexec_in_venv(__file__)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--only', help='comma-separated case ids')
    parser.add_argument('--ci', action='store_true', help='the cheap cases, ours only')
    parser.add_argument('--write-table', type=Path)
    args = parser.parse_args()
    cases = _cases()
    wanted = args.only.split(',') if args.only else list(CI_CASES if args.ci else cases)
    unknown = [name for name in wanted if name not in cases]
    if unknown:
        sys.exit('run.py: no case %s (cases: %s)' % (', '.join(unknown), ', '.join(cases)))
    failed, rows = 0, []
    with tempfile.TemporaryDirectory(prefix='tfir-cond-') as temp:
        work = Path(temp)
        for name in wanted:
            row = run_case(name, cases[name], work, with_others=not args.ci)
            rows.append(row)
            failed += not row['passed']
            print('%s %s: %s' % ('PASS' if row['passed'] else 'FAIL', name, describe(row)), flush=True)
        passed, text = run_refusal(work)
        failed += not passed
        print('%s refusal %s: %s' % ('PASS' if passed else 'FAIL', REFUSAL['model'], text), flush=True)
    if args.write_table:
        args.write_table.write_text(table(rows))
    print('%d passed, %d failed' % (len(rows) + 1 - failed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
