"""IR read back: `summarize-graph --input_model X.xml --json` against OpenVINO's own `read_model`.

For each model, IRs written by tfir's convert, by mo (2024.6), by ovc (the newest OpenVINO) and, from mo's, an IR v10
(OpenVINO 2024.6's serializer); each is read by `bin/summarize-graph --json` and by `read_model` in both runtimes
(`$TFIR_VENV`, `$TFIR_VENV_LATEST`), and the inputs and outputs must agree: in order, each one's set of tensor names,
element type and partial shape. An output's shape is what the file declares on the Result's port; read_model infers
it again, and where it infers a dim the file left dynamic ('?'), that is reported as a note on the writer (the file
is less precise than it could be), not as a difference in reading.

  python conformance/ir/run.py              # CI: small models of testdata/ and two zoo models the CI zoo run makes
  python conformance/ir/run.py --zoo        # every frozen graph and SavedModel of the zoo ($TFIR_BIG/zoo)
  python conformance/ir/run.py --keep DIR   # keep the IRs in DIR
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.join(ROOT, 'conformance', 'ir')
VENV = os.environ.get('TFIR_VENV', os.path.join(ROOT, '.venv'))
VENV_LATEST = os.environ.get('TFIR_VENV_LATEST', os.path.join(ROOT, '.venv-latest'))
BIG = os.environ.get('TFIR_BIG', os.path.join(ROOT, 'target', 'big-models'))
CI_MODELS = ['testdata/models/two_inputs_two_outputs.pb', 'testdata/models/small_frozen.pb',
             'testdata/models/saved_model_tf2', 'testdata/models/saved_model_tf1']
CI_ZOO = ['mobilenet_v1_0.5_160_frozen.pb', 'inception_v1_saved_model']


def run(args, **kwargs):
    done = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if done.returncode != 0:
        raise RuntimeError('%s: exit %d: %s' % (' '.join(args), done.returncode, done.stderr.strip()[-2000:]))
    return done.stdout


def model_args(model, tool):
    if os.path.isdir(model):
        return [model] if tool == 'ovc' else ['--saved_model_dir', model]
    return [model] if tool == 'ovc' else ['--input_model', model]


def write_irs(model, out):
    """The IRs of one model: {label: xml}."""
    stem = os.path.basename(model.rstrip('/')).replace('.pb', '')
    irs = {}
    run([os.path.join(ROOT, 'bin', 'convert')] + model_args(model, 'tfir') + ['-o', out + '/tfir', '-n', stem])
    irs['tfir'] = '%s/tfir/%s.xml' % (out, stem)
    run([VENV + '/bin/mo'] + model_args(model, 'mo') + ['--output_dir', out + '/mo', '--model_name', stem])
    irs['mo'] = '%s/mo/%s.xml' % (out, stem)
    run([VENV_LATEST + '/bin/ovc'] + model_args(model, 'ovc') + ['--output_model', '%s/ovc/%s.xml' % (out, stem)])
    irs['ovc'] = '%s/ovc/%s.xml' % (out, stem)
    os.makedirs(out + '/v10', exist_ok=True)
    run([VENV + '/bin/python', HERE + '/to_v10.py', irs['mo'], '%s/v10/%s.xml' % (out, stem)])
    irs['mo v10'] = '%s/v10/%s.xml' % (out, stem)
    return irs


def ours(xml):
    report = json.loads(run([os.path.join(ROOT, 'bin', 'summarize-graph'), '--input_model', xml, '--json']))
    return {side: [dict(names=sorted(p['names']), element_type=p['element_type'], partial_shape=p['partial_shape'])
                   for p in report[side]] for side in ('inputs', 'outputs')}


def less_precise(declared, inferred):
    """True when the declared shape is the inferred one with some known dims left '?'."""
    a, b = declared.strip('[]').split(','), inferred.strip('[]').split(',')
    return len(a) == len(b) and all(x == y or x == '?' for x, y in zip(a, b))


def differences(mine, theirs, notes):
    found = []
    for side in ('inputs', 'outputs'):
        if len(mine[side]) != len(theirs[side]):
            found.append('%s: %d here, %d in read_model' % (side, len(mine[side]), len(theirs[side])))
            continue
        for k, (a, b) in enumerate(zip(mine[side], theirs[side])):
            for key in ('names', 'element_type', 'partial_shape'):
                if a[key] == b[key]:
                    continue
                if key == 'partial_shape' and side == 'outputs' and less_precise(a[key], b[key]):
                    notes.add('outputs[%d]: the file declares %s, read_model infers %s' % (k, a[key], b[key]))
                else:
                    found.append('%s[%d].%s: %s here, %s in read_model' % (side, k, key, a[key], b[key]))
    return found


def check(counts, case, mine, readers):
    """Compares one IR's reading with each runtime's read_model and prints the result."""
    notes = set()
    problems = ['%s: %s' % (runtime, p) for runtime, theirs in readers.items()
                for p in differences(mine, theirs, notes)]
    counts['irs'] += 1
    counts['failures'] += bool(problems)
    counts['noted'] += bool(notes)
    print('%s %s: %d inputs, %d outputs%s%s' % ('FAIL' if problems else 'ok  ', case, len(mine['inputs']),
                                               len(mine['outputs']), ''.join('\n    ' + p for p in problems),
                                               ''.join('\n    note: ' + n for n in sorted(notes))), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--zoo', action='store_true', help="every frozen graph and SavedModel of the zoo")
    parser.add_argument('--keep', metavar='DIR', help='write the IRs here and keep them')
    options = parser.parse_args()
    if options.zoo:
        models = sorted(glob.glob(BIG + '/zoo/*_frozen.pb') + glob.glob(BIG + '/zoo/*_saved_model'))
    else:
        models = [os.path.join(ROOT, m) for m in CI_MODELS]
        models += [p for p in (os.path.join(BIG, 'zoo', z) for z in CI_ZOO) if os.path.exists(p)]
    work = options.keep or tempfile.mkdtemp(prefix='tfir-ir-')
    counts = dict(irs=0, failures=0, noted=0)
    runtimes = set()
    try:
        for model in models:
            out = os.path.join(work, os.path.basename(model.rstrip('/')))
            try:
                irs = write_irs(model, out)
            except RuntimeError as e:
                print('SKIP %s: a converter failed: %s' % (model, str(e).splitlines()[-1]), flush=True)
                continue
            readers = {}
            for venv in (VENV, VENV_LATEST):
                read = json.loads(run([venv + '/bin/python', HERE + '/read_model.py'] + list(irs.values())))
                readers[read['runtime']] = read['models']
            runtimes.update(readers)
            for label, xml in irs.items():
                check(counts, '%s (%s)' % (os.path.relpath(model, ROOT), label), ours(xml),
                      {runtime: read[xml] for runtime, read in readers.items()})
            if not options.keep:
                shutil.rmtree(out, ignore_errors=True)
        print('%d IRs, %d differ from read_model, %d declare output dims read_model infers (runtimes %s)'
              % (counts['irs'], counts['failures'], counts['noted'], ', '.join(sorted(runtimes))))
    finally:
        if not options.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 1 if counts['failures'] else 0


if __name__ == '__main__':
    sys.exit(main())
