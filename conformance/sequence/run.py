#!/usr/bin/env python3
"""Sequence models and TF2 control flow (issue 17): bin/convert's Loop and If against TensorFlow, in both runtimes.

usage: conformance/sequence/run.py [--only STEM[:FORM],...] [--write-table docs/sequence-models.md] [--no-baselines]

The models of tools/models/make_sequence_models.py (made with real TensorFlow into ${TFIR_BIG:-target/big-models}/
sequence when missing): Keras LSTM, GRU, SimpleRNN, Bidirectional(LSTM), stacked LSTMs with return_sequences, an
LSTM returning sequences, a Conv1D+GRU text classifier with an Embedding, unrolled LSTM and GRU, a tf.while_loop
with a data-dependent trip count, tf.image.non_max_suppression_padded (Whiles in a While), TensorArrays filled in for loops (AutoGraph; growing ones, dynamic_size=True, and TensorArray.concat), a tf.cond on a runtime
predicate and a tf.while_loop with a tf.cond in its body; each as a frozen graph (`frozen`: control flow kept
functional, While/If) and a TF2 SavedModel (`saved_model`). TF1 graphs (v1 while frames and Switch/Merge: the
`tf1_` rows): dynamic_rnn with LSTMCell and GRUCell, with sequence_length (lengths of zero-padded sequences), a
bidirectional_dynamic_rnn, a while_loop with a tf.cond in its body, nested while_loops and TensorArrays (growing,
concat, close), frozen (`frozen`) and as
TF1 SavedModels (`saved_model`). For each row:
  1. convert with ours (bin/convert, --compress_to_fp16=False), mo 2024.6 and ovc (the newest), each timed as a
     whole process (--no-baselines: ours only);
  2. run our IR in both runtimes (conformance/ov_runtimes.py) on two inputs of the same IR: sequence lengths 5 and
     50 (batch 2) where the length is dynamic, else batch sizes 2 and 7 (the unrolled models' length is fixed);
     the cond gets one input of each sign (both branches), the while loop inputs of different sizes (different trip
     counts), the sequence_length rows a second row padded with zeros (lengths 3 and 31); inputs of one shape run
     one after the other on one compiled model (a branch taken after the other one must give its own result);
  3. compare with TensorFlow (TF_ENABLE_ONEDNN_OPTS=0: the frozen graph in a Session, the SavedModel's serving
     signature): PASS when max abs diff <= 1e-4 in both runtimes on both inputs;
  4. count the IR's layers (bodies included) and Loop/If/TensorIterator layers, ours, mo's and ovc's.
One line per row, then `N passed, N failed`; exit 1 if any failed, 2 on a set-up error.
Environment: TFIR_VENV, TFIR_VENV_LATEST, TFIR_BIG, TFIR_CONVERT (as conformance/convert/run.py).
"""

import argparse
import fnmatch
import os
import re
import runpy
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parents[2]
os.environ['TF_ENABLE_ONEDNN_OPTS'] = '0'


# the convert suite's helpers: venv re-exec, timing, mo (legacy frontend when its default fails), both runtimes
convert_suite = SimpleNamespace(**runpy.run_path(str(REPO / 'conformance/convert/run.py'), run_name='convert_suite'))
ov_runtimes = convert_suite.ov_runtimes

LIMIT = 1e-4
SEED = 17
FEATURES = 6
LENGTHS = (5, 50)
BATCHES = (2, 7)


def sequences(features=FEATURES):
    return lambda rng: [rng.standard_normal((2, n, features)).astype('float32') for n in LENGTHS]


def padded(rng):
    """Sequences of lengths 5 and 50 whose second row ends in zeros (padding: its length is 3 and 31)."""
    feeds = sequences()(rng)
    for feed, length in zip(feeds, (3, 31)):
        feed[1, length:] = 0.0
    return feeds


def fixed_length(steps, features=FEATURES):
    return lambda rng: [rng.standard_normal((b, steps, features)).astype('float32') for b in BATCHES]


def tokens(rng):
    return [rng.integers(0, 50, (2, n)).astype('int32') for n in LENGTHS]


def loop_inputs(rng):
    # sums far apart: the loop doubles x until its sum exceeds 100, so the trip counts differ
    return [rng.uniform(0.1, 1.0, (2, 4)).astype('float32'), rng.uniform(0.0, 5.0, (7, 4)).astype('float32')]


def matrices(rng):
    return [rng.standard_normal((2, n)).astype('float32') for n in LENGTHS]


def boxes(rng):
    """Two sets of 600 boxes [1, 600, 4] (y_min, x_min, y_max, x_max), sides 5 to 30 in a square of 130."""
    import numpy as np
    feeds = []
    for _ in range(2):
        corner = rng.uniform(0, 100, (1, 600, 2)).astype('float32')
        feeds.append(np.concatenate([corner, corner + rng.uniform(5, 30, (1, 600, 2)).astype('float32')], -1))
    return feeds


def both_signs(rng):
    x = rng.standard_normal((3, 4)).astype('float32')
    return [abs(x), -abs(x)]


# stem: (what it is, the inputs)
CASES = {
    'keras_lstm': ('LSTM(16) + Dense', sequences()),
    'keras_gru': ('GRU(16)', sequences()),
    'keras_simple_rnn': ('SimpleRNN(16)', sequences()),
    'keras_bidirectional_lstm': ('Bidirectional(LSTM(8))', sequences()),
    'keras_stacked_lstm': ('LSTM(12, return_sequences) + LSTM(8)', sequences()),
    'keras_lstm_sequences': ('LSTM(8, return_sequences)', sequences()),
    'text_conv_gru': ('Embedding + Conv1D + GRU + Dense', tokens),
    'keras_lstm_unrolled': ('LSTM(8, unroll=True), length 5', fixed_length(5)),
    'keras_gru_unrolled': ('GRU(8, unroll=True), length 5', fixed_length(5)),
    'while_counter': ('tf.while_loop, data-dependent trip count', loop_inputs),
    'tensor_array_loop': ('TensorArray (no element shape) written in a for loop', matrices),
    'tensor_array_reversed': ('TensorArray written back to front, x[i] read', loop_inputs),
    'tensor_array_growing': ('TensorArray(dynamic_size=True) grown in a loop, and in an unrolled one', sequences()),
    'tensor_array_concat': ('TensorArray.concat of the steps written in a loop', sequences()),
    'nms_padded': ('tf.image.non_max_suppression_padded: Whiles in a While, one of no iteration', boxes),
    'cond_runtime': ('tf.cond on sum(x) > 0', both_signs),
    'while_cond': ('tf.while_loop over time, tf.cond on the step in its body', sequences()),
    'tf1_dynamic_rnn_lstm': ('TF1 dynamic_rnn(LSTMCell(16))', sequences()),
    'tf1_dynamic_rnn_gru': ('TF1 dynamic_rnn(GRUCell(16))', sequences()),
    'tf1_dynamic_rnn_lengths': ('TF1 dynamic_rnn(LSTMCell(8), sequence_length)', padded),
    'tf1_bidirectional_dynamic_rnn': ('TF1 bidirectional_dynamic_rnn(GRUCell(6), sequence_length)', padded),
    'tf1_while_cond': ('TF1 while_loop over time, tf.cond on the step in its body', sequences()),
    'tf1_while_nested': ('TF1 nested while_loops (inner over the steps before the outer step)', sequences()),
    'tf1_tensor_arrays': ('TF1 TensorArrays in a while_loop: dynamic_size=True stacked; concat, close', sequences()),
}
FORMS = ('frozen', 'saved_model')
def model_path(big, stem, form):
    return big / (stem + '.pb' if form == 'frozen' else stem + '_saved_model')


def ensure_models(big, stems):
    missing = [model_path(big, s, f).name for s in stems for f in FORMS if not model_path(big, s, f).exists()]
    if missing:
        subprocess.run([sys.executable, str(REPO / 'tools/models/make_sequence_models.py'), '--out', str(big),
                        '--only', ','.join(missing)], check=True)


def reference(path, form, feed):
    """TensorFlow's first output on the feed."""
    import tensorflow as tf
    if form == 'frozen':
        graph_def = tf.compat.v1.GraphDef()
        graph_def.ParseFromString(path.read_bytes())
        with tf.Graph().as_default() as graph:
            tf.import_graph_def(graph_def, name='')
            inputs = [n.name for n in graph_def.node if n.op == 'Placeholder']
            with tf.compat.v1.Session(graph=graph) as session:
                return session.run('Identity:0', {inputs[0] + ':0': feed})
    function = tf.saved_model.load(str(path)).signatures['serving_default']
    key = next(iter(function.structured_input_signature[1]))
    outputs = function(**{key: tf.constant(feed)})
    return outputs[sorted(outputs)[0]].numpy()


def layer_counts(xml):
    """(layers, bodies included; the Loop/TensorIterator/If layers) of an IR."""
    text = Path(xml).read_text()
    types = re.findall(r'<layer [^>]*type="([A-Za-z]+)"', text)
    control = [t for t in types if t in ('Loop', 'TensorIterator', 'If')]
    return len(types), control


def convert_ours(path, form, out):
    convert = os.environ.get('TFIR_CONVERT', str(REPO / 'bin/convert'))
    source = ['--input_model', str(path)] if form == 'frozen' else ['--saved_model_dir', str(path)]
    done, seconds = convert_suite.timed([convert] + source + ['--output_dir', str(out), '--model_name', 'ours',
                                                              '--compress_to_fp16=False'])
    return (out / 'ours.xml' if done.returncode == 0 else None), seconds, done.stderr


def convert_mo(path, form, out):
    source = ['--input_model', str(path)] if form == 'frozen' else ['--saved_model_dir', str(path)]
    done, seconds, _ = convert_suite.run_mo(source + ['--model_name', 'mo', '--compress_to_fp16=False'], out, None)
    return (out / 'mo.xml' if done.returncode == 0 else None), seconds


def convert_ovc(path, out):
    ovc = ov_runtimes.latest_python().parent / 'ovc'
    done, seconds = convert_suite.timed([str(ovc), str(path), '--output_model', str(out / 'ovc.xml'),
                                         '--compress_to_fp16=False'])
    return (out / 'ovc.xml' if done.returncode == 0 else None), seconds


def run_case(big, stem, form, rng_seed, baselines):
    import numpy as np
    what, make_feeds = CASES[stem]
    path = model_path(big, stem, form)
    feeds = make_feeds(np.random.default_rng(rng_seed))
    row = dict(stem=stem, form=form, what=what, shapes=[list(f.shape) for f in feeds], diffs={}, ok=False)
    with tempfile.TemporaryDirectory(prefix='tfir-seq-') as work:
        work = Path(work)
        if baselines:
            for name, convert in (('mo', lambda: convert_mo(path, form, work)),
                                  ('ovc', lambda: convert_ovc(path, work))):
                theirs, row[name + '_s'] = convert()
                row[name + '_layers'] = layer_counts(theirs) if theirs else None
        xml, row['ours_s'], log = convert_ours(path, form, work)
        if xml is None:
            row['error'] = log.strip().splitlines()[-1] if log.strip() else 'convert failed'
            return row
        row['ours_layers'], row['ours_control'] = layer_counts(xml)
        worst = {}
        expected = [reference(path, form, feed) for feed in feeds]
        # feeds of one shape run one after another on one compiled model (a branch taken after the other one must
        # give its own result); others each on its own (the runtimes' outputs are joined over the feeds)
        together = len({f.shape for f in feeds}) == 1
        for feed_group, expected_group in ([(feeds, expected)] if together else
                                           [([f], [e]) for f, e in zip(feeds, expected)]):
            for run in ov_runtimes.run_ir(str(xml), feed_group):
                for got, want in zip(np.split(run.outputs[0][1], len(feed_group)), expected_group):
                    diff = float(np.abs(got - want).max()) if got.shape == want.shape else float('inf')
                    worst[run.label] = max(worst.get(run.label, 0.0), diff)
        row['diffs'] = worst
        row['ok'] = len(worst) == 2 and all(d <= LIMIT for d in worst.values())
    return row


def describe(row):
    if 'error' in row:
        return 'FAIL %s:%s: %s' % (row['stem'], row['form'], row['error'])
    diffs = ', '.join('%s %.1e' % (k, v) for k, v in row['diffs'].items())
    text = '%s %s:%s  %s; %d layers %s; ours %.2fs' % ('PASS' if row['ok'] else 'FAIL', row['stem'], row['form'],
                                                      diffs, row['ours_layers'], row['ours_control'], row['ours_s'])
    for name in ('mo', 'ovc'):
        if name + '_s' in row:
            counts = row[name + '_layers']
            text += ', %s %.2fs %s' % (name, row[name + '_s'], '%d layers' % counts[0] if counts else 'FAILED')
    return text


def count(row, name):
    """A baseline's layer count with its control-flow layers; '' when not run."""
    counts = row.get(name + '_layers')
    if name + '_s' not in row:
        return ''
    return '%d (%s)' % (counts[0], ', '.join(counts[1]) or 'none') if counts else 'fails'


def seconds(row, name):
    return '%.2f' % row[name + '_s'] if name + '_s' in row else ''


def table(rows):
    lines = ['# Sequence models and control flow', '',
             'Made by `conformance/sequence/run.py --write-table docs/sequence-models.md` (issue 17). Models: '
             '`tools/models/make_sequence_models.py` (tf_keras, fixed seed; `frozen`: '
             '`convert_variables_to_constants_v2` with the loops kept functional, `saved_model`: '
             '`tf.saved_model.save`). Each row converts with ours (`--compress_to_fp16=False`), runs the one IR on '
             'two inputs (sequence lengths %s at batch 2, else batch sizes %s) in OpenVINO 2024.6 and the newest, '
             'and compares with TensorFlow (`TF_ENABLE_ONEDNN_OPTS=0`): PASS when the max abs diff is <= %g in both '
             'runtimes on both inputs (inputs of one shape one after the other on one compiled model). Layers: '
             'every `<layer>` of the IR, bodies included, with its Loop/If layers; times are whole processes '
             '(conversion only, one run each, on a shared 2-CPU machine). `tf1_` rows: TF1 graphs (v1 while '
             'frames, TensorArrayV3, Switch/Merge; `frozen`: `convert_variables_to_constants`, `saved_model`: '
             '`tf.compat.v1.saved_model.Builder`), which convert reads as functional While + TensorLists.'
             % (' and '.join(map(str, LENGTHS)), ' and '.join(map(str, BATCHES)), LIMIT), '',
             'Two bugs of OpenVINO 2024.6\'s CPU plugin, which our IRs work around (both fixed in the newest): '
             '(1) an `If` whose output shape is dynamic copies a branch\'s result out only when that branch '
             'resized the output, so a branch taken after the other one with a result of the same shape gives the '
             'other\'s result (the `If` rows, in 2024.6 mo\'s and ovc\'s IRs too): our branches give each '
             'dynamic output a leading axis of a different size (1 and 2), element 0 taken after the `If`; '
             '(2) a `Loop` that runs no iteration gives its body\'s result memory, never computed or left from an '
             'earlier run, instead of the initial values (openvino#37247; an inner loop on the outer loop\'s first '
             'step: before the work-around off by up to 95 or an Eltwise shape error in 2024.6): our loops select '
             'each carried value after the loop by the condition checked before the first iteration (a Select for '
             'a value of one static shape, else both values joined end to end and the one taken sliced out: an '
             '`If` there, with the leading axes of (1), gives zeros in 2026.4 inside a loop body, the `nms_padded` '
             'rows). mo\'s and ovc\'s IRs of the nested loops fail in 2024.6 with that Eltwise shape error (they '
             'do not convert testdata/convert/tf1loops/while_nested.pb at all).',
             '',
             '| model | form | inputs | max diff OV 2024.6 | max diff OV 2026 | result | layers ours (control flow) '
             '| layers mo | layers ovc | ours s | mo s | ovc s |',
             '|---|---|---|---|---|---|---|---|---|---|---|---|']
    for row in rows:
        if 'error' in row:
            lines.append('| %s | %s | %s | | | FAIL: %s | | %s | %s | | %s | %s |' % (
                row['what'], row['form'], ' / '.join(map(str, row['shapes'])),
                row['error'].replace('|', '\\|'), count(row, 'mo'), count(row, 'ovc'), seconds(row, 'mo'),
                seconds(row, 'ovc')))
            continue
        diffs = list(row['diffs'].values()) + [float('nan')] * (2 - len(row['diffs']))
        lines.append('| %s | %s | %s | %.1e | %.1e | %s | %d (%s) | %s | %s | %.2f | %s | %s |' % (
            row['what'], row['form'], ' / '.join(map(str, row['shapes'])), diffs[0], diffs[1],
            'PASS' if row['ok'] else 'FAIL', row['ours_layers'], ', '.join(row['ours_control']) or 'none',
            count(row, 'mo'), count(row, 'ovc'), row['ours_s'], seconds(row, 'mo'), seconds(row, 'ovc')))
    passed = sum(1 for r in rows if r['ok'])
    lines += ['', '%d of %d rows pass.' % (passed, len(rows)), '']
    return '\n'.join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--only', help='comma-separated fnmatch patterns of STEM:FORM')
    parser.add_argument('--write-table', metavar='FILE', help='write the markdown table')
    parser.add_argument('--no-baselines', action='store_true', help='skip mo and ovc')
    args = parser.parse_args()
    convert_suite.reexec_in_venv(__file__)
    big = Path(os.environ.get('TFIR_BIG', REPO / 'target/big-models')) / 'sequence'
    patterns = [p.strip() for p in args.only.split(',')] if args.only else ['*']
    selected = [(s, f) for s in CASES for f in FORMS
                if any(fnmatch.fnmatch('%s:%s' % (s, f), p if ':' in p else p + ':*') for p in patterns)]
    if not selected:
        print('run.py: --only matches no case', file=sys.stderr)
        return 2
    ensure_models(big, sorted({s for s, _ in selected}))
    rows = []
    for stem, form in selected:
        row = run_case(big, stem, form, SEED, not args.no_baselines)
        rows.append(row)
        print(describe(row), flush=True)
    passed = sum(1 for r in rows if r['ok'])
    print('%d passed, %d failed' % (passed, len(rows) - passed))
    if args.write_table:
        Path(args.write_table).write_text(table(rows))
    return 0 if passed == len(rows) else 1


if __name__ == '__main__':
    sys.exit(main())
