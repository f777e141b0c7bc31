#!/usr/bin/env python3
"""The model zoo: every model in every input form, converted by bin/convert and proven in the real OpenVINO runtime.

usage: conformance/zoo/run.py [--only PATTERN[,PATTERN...]] [--write-table docs/model-zoo.md] [--keep]

The cases come from every conformance/zoo/*_cases.py module: each has `cases(big, wanted) -> [ZooCase]` (zoo_case.py;
wanted(row name) says which models to make and return),
generating its missing models with real TensorFlow under `big` (${TFIR_BIG:-target/big-models}) first. For each
case (one model in one input form):
  1. bin/convert CASE.convert_args --compress_to_fp16=False (FP32 IR), timed as a whole process, and again with
     --compress_to_fp16=True (FP16 IR); where the case has mo_args, the original Model Optimizer (openvino-dev
     2024.6.0) with --compress_to_fp16=False, timed the same way (with --use_legacy_frontend when its default
     frontend fails); and the newest ovc (the converter users have today) on the same model files, timed the same
     way (ovc has no mean/scale options and takes no V1 checkpoint: its IR is timed, not compared);
  2. each of our IRs runs in both judges, OpenVINO 2024.6 and the newest OpenVINO (conformance/ov_runtimes.py:
     compile_model on CPU, INFERENCE_PRECISION_HINT f32), on 8 random images in [0, 255] (fixed seed), one by one,
     and is compared with CASE.reference (real TensorFlow on the same images, with the model's own preprocessing,
     which the IR embeds through the case's mean/scale options); mo's IR runs in OpenVINO 2024.6.
     Where the IR has several outputs (the detector finds inception's AuxLogits too), the one of the reference's
     shape closest to it is compared, and the table names it;
  3. PASS when, in both runtimes: our FP32 max abs diff <= 1e-4 times max(1, max |reference|) (relative to the largest output where
     outputs exceed 1, e.g. logits; the table says which), and the FP16 IR's top-1 equals TensorFlow's on all 8 images, except on an image where TensorFlow's own
     two top classes are closer than twice the FP16 IR's error there (a tie at FP16 precision, counted in the
     table, allowed while the FP16 max abs diff <= 5e-2 times max(1, max |reference|)); and where
     summarize-graph recognises the TF-Slim net or Keras application (its --json `preprocessing`) and its mean,
     scale, scale_values and channel order are the case's (a case with bgr_input gets its images channel-reversed).
     A conversion that fails is a FAIL row with convert's message (the unsupported op types, if any).
One line per case, then `N passed, N failed`; exit status 1 if any case failed, 2 for a set-up error.
--only keeps the cases whose `model` or `model:form` matches one of the shell patterns (fnmatch).
--write-table writes the markdown table of this run (atomically), with a header saying when and with what.
Environment: TFIR_VENV, TFIR_VENV_LATEST, TFIR_BIG, TFIR_CONVERT (the command under test, default bin/convert).
"""

import argparse
import contextlib
import datetime
import fnmatch
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SEED = 20240601
IMAGES = 8
TIMED_RUNS = int(os.environ.get('TFIR_TIMED_RUNS', 3))  # converter timings: the fastest of this many runs
FP32_LIMIT = 1e-4
FP16_LIMIT = 5e-2
NUDGE = 1e-6


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


# the convert suite's helpers: venv re-exec, timing, OpenVINO inference (f32), comparison
convert_suite = _load('convert_suite', REPO / 'conformance/convert/run.py')
ov_runtimes = convert_suite.ov_runtimes
sys.path.insert(0, str(HERE))


@dataclass
class Judged:
    """Our IRs in one runtime: FP32 max abs diff, FP16 max abs diff, top-1 and ties."""
    runtime: str
    fp32_diff: float
    fp16_diff: float
    fp16_top1: int
    fp16_ties: int


@dataclass
class Row:
    """What one case gave: the table row and the verdict."""
    case: object
    converted: bool = False
    judged: list = field(default_factory=list)  # [Judged] for OpenVINO 2024.6, then the newest
    scale: float = 1.0
    tf_noise: float = 0.0
    ours_time: float = None
    mo_time: float = None
    mo_diff: float = None
    mo_note: str = ''
    ovc_time: float = None
    ovc_note: str = ''
    outputs: int = 1
    hint: str = '-'
    compared: str = ''
    problems: list = field(default_factory=list)

    @property
    def passed(self):
        return self.converted and not self.problems


def case_modules():
    return [_load(path.stem, path) for path in sorted(HERE.glob('*_cases.py'))]


def convert(case, out_dir, fp16):
    command = [os.environ.get('TFIR_CONVERT', str(REPO / 'bin/convert'))] + case.convert_args + [
        '--compress_to_fp16=%s' % fp16, '--output_dir', str(out_dir)]
    return convert_suite.timed(command)


def fastest(command):
    """(the last CompletedProcess, the fastest of TIMED_RUNS whole-process runs of a converter); the runs stop at
    the first failure."""
    times = []
    for _ in range(TIMED_RUNS):
        done, seconds = convert_suite.timed(command)
        times.append(seconds)
        if done.returncode != 0:
            break
    return done, min(times)


def ovc_args(case):
    """The case's model files as ovc takes them: a frozen graph or a SavedModel directory, or an inference graph and
    its checkpoint as one comma-separated argument."""
    source = {name: option(case.convert_args, name) for name in ('--input_model', '--input_checkpoint',
                                                                  '--saved_model_dir')}
    if source['--saved_model_dir']:
        return [source['--saved_model_dir']]
    return [','.join(path for path in (source['--input_model'], source['--input_checkpoint']) if path)]


def run_ovc(case, out_dir):
    """The newest ovc, FP32, on the case's model files: (seconds, note); the note says when it fails."""
    ovc = ov_runtimes.latest_python().parent / 'ovc'
    done, seconds = fastest([str(ovc)] + ovc_args(case) + [
        '--compress_to_fp16=False', '--output_model', str(out_dir / (case.stem + '.xml'))])
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        return None, 'ovc fails (exit %s: %s)' % (done.returncode, lines[-1][:160] if lines else '')
    return seconds, ''


def run_mo(case, out_dir):
    command = [str(Path(sys.executable).parent / 'mo')] + case.mo_args + ['--compress_to_fp16=False',
                                                                          '--output_dir', str(out_dir)]
    done, seconds = convert_suite.timed(command)
    if done.returncode == 0:
        return done, seconds, ''
    done, seconds = convert_suite.timed(command + ['--use_legacy_frontend'])
    return done, seconds, 'legacy frontend'


def run_case(case, work):
    import numpy as np
    row = Row(case)
    images = np.random.default_rng(SEED).uniform(0, 255, (IMAGES, case.size, case.size, 3)).astype(np.float32)
    directory = work / ('%s-%s' % (case.model, case.form.replace('+', '-')))
    fp32, _ = convert(case, directory / 'fp32', False)
    if fp32.returncode != 0:
        row.problems.append('convert exit %d: %s' % (fp32.returncode, fp32.stderr.strip()[-400:]))
        return row
    _, row.ours_time = fastest(fp32.args)  # timed after a first run, as ovc's runs after it are
    fp16, _ = convert(case, directory / 'fp16', True)
    if fp16.returncode != 0:
        row.problems.append('convert FP16 exit %d: %s' % (fp16.returncode, fp16.stderr.strip()[-400:]))
        return row
    row.converted = True
    row.hint = hint_agreement(case)
    if row.hint != 'agrees':  # every zoo model is a TF-Slim net or Keras application the hint knows
        row.problems.append('summarize-graph hint ' + (row.hint if row.hint != '-' else 'missing'))
    want = case.reference(images)
    row.scale = max(1.0, float(np.abs(want).max()))
    row.tf_noise = float(np.abs(case.reference(images * np.float32(1 + NUDGE)) - want).max())
    ir_images = images[..., ::-1].copy() if case.bgr_input else images
    feeds = [image[None] for image in ir_images]
    fp32_runs = ov_runtimes.run_ir(directory / 'fp32' / (case.stem + '.xml'), feeds)
    fp16_runs = ov_runtimes.run_ir(directory / 'fp16' / (case.stem + '.xml'), feeds)
    row.outputs = len(fp32_runs[0].outputs)
    row.compared, _ = closest(named(fp32_runs[0]), want)
    for fp32_run, fp16_run in zip(fp32_runs, fp16_runs):
        row.judged.append(judge(row, fp32_run, fp16_run, want))
    if case.mo_args is not None:
        mo, row.mo_time, row.mo_note = run_mo(case, directory / 'mo')
        if mo.returncode != 0:
            row.mo_note = 'mo fails (exit %d)' % mo.returncode
        else:
            mo_run = ov_runtimes.infer_apart(next((directory / 'mo').glob('*.xml')), feeds)
            mo_values = mo_run.output(row.compared)
            row.mo_diff, _ = convert_suite.compare(closest(named(mo_run), want)[1] if mo_values is None
                                                   else mo_values, want)
    row.ovc_time, row.ovc_note = run_ovc(case, directory / 'ovc')
    return row


def judge(row, fp32_run, fp16_run, want):
    """Our FP32 and FP16 IRs in one runtime against TensorFlow; what fails goes into the row's problems."""
    fp32_diff, _ = convert_suite.compare(fp32_run.output(row.compared), want)
    fp16 = fp16_run.output(row.compared)
    fp16_diff, fp16_top1 = convert_suite.compare(fp16, want)
    ties = fp16_ties(fp16, want)
    where = fp32_run.label + ': '
    if fp32_diff > FP32_LIMIT * row.scale:
        row.problems.append(where + 'FP32 max abs diff %.3g > %.3g' % (fp32_diff, FP32_LIMIT * row.scale))
    if ties and fp16_diff > FP16_LIMIT * row.scale:
        row.problems.append(where + 'FP16 max abs diff %.3g > %.3g, so no ties' % (fp16_diff, FP16_LIMIT * row.scale))
        ties = 0
    if fp16_top1 + ties != IMAGES:
        row.problems.append(where + 'FP16 top-1 %d/%d' % (fp16_top1, IMAGES))
    return Judged(fp32_run.runtime, fp32_diff, fp16_diff, fp16_top1, ties)


def named(run):
    """A run's outputs as [(name, values)], each by its first tensor name."""
    return [(names[0], values) for names, values in run.outputs]


SOURCE_OPTIONS = ('--input_model', '--input_checkpoint', '--saved_model_dir', '--saved_model_tags',
                  '--input_meta_graph')


def option(args, *names):
    values = [args[i + 1] for i, arg in enumerate(args[:-1]) if arg in names]
    return values[-1] if values else None


def values(text):
    """'[1,2,3]' (an option's value) or a JSON list as floats; None for no values."""
    if isinstance(text, str):
        text = text.strip('[]').split(',')
    return [float(v) for v in text] if text else None


def hint_agreement(case):
    """Whether summarize-graph's preprocessing hint (--json) gives the mean, scale, scale_values and channel order
    the case converts and feeds with: 'agrees', 'differs: ...', or '-' when it recognises no TF-Slim net or Keras
    application."""
    import json
    source = [arg for i, arg in enumerate(case.convert_args)
              if arg in SOURCE_OPTIONS or i > 0 and case.convert_args[i - 1] in SOURCE_OPTIONS]
    done = subprocess.run([str(REPO / 'bin/summarize-graph')] + source + ['--json'], capture_output=True, text=True)
    if done.returncode != 0:
        return 'differs: summarize-graph exit %d %s' % (done.returncode, done.stderr.strip()[-200:])
    hint = json.loads(done.stdout)['preprocessing']
    if hint is None:
        return '-'
    ours = (values(option(case.convert_args, '--mean_values', '--mean_value')),
            float(option(case.convert_args, '--scale') or 1), values(option(case.convert_args, '--scale_values')),
            'BGR' if case.bgr_input else 'RGB')
    theirs = (values(hint['mean_values']), float(hint['scale']), values(hint.get('scale_values')),
              hint.get('channel_order', 'RGB'))
    return 'agrees' if ours == theirs else 'differs: hint %s (%s), case %s' % (theirs, hint['family'], ours)


def closest(outputs, want):
    """The output the reference is: where the detector finds several (inception's AuxLogits beside the
    predictions, as summarize_graph.py and mo find them too), the one of the reference's shape closest to it."""
    import numpy as np
    same_shape = [(name, values) for name, values in outputs if values.shape == want.shape] or outputs
    return min(same_shape, key=lambda output: float(np.abs(output[1].reshape(want.shape) - want).max())
               if output[1].size == want.size else float('inf'))


def fp16_ties(got, want):
    """The images whose top-1 differs only because TensorFlow's own top two are closer than the FP16 IR's error on
    that image (the two classes' gap below twice its max abs diff): a tie at FP16 precision, not a conversion error."""
    import numpy as np
    got, want = got.reshape(len(got), -1), want.reshape(len(want), -1)
    top2 = np.sort(want, axis=1)[:, -2:]
    errors = np.abs(got - want).max(axis=1)
    return int(((got.argmax(1) != want.argmax(1)) & (top2[:, 1] - top2[:, 0] < 2 * errors)).sum())


def top1_text(judged):
    text = '%d/%d' % (judged.fp16_top1, IMAGES)
    return text + (' (%d tie%s at FP16 precision)' % (judged.fp16_ties, 's' if judged.fp16_ties > 1 else '')
                   if judged.fp16_ties else '')


def describe(row):
    if not row.converted:
        return '; '.join(row.problems)
    text = '; '.join('OV %s: FP32 max abs diff %.3g%s, FP16 %.3g top-1 %s' % (
        judged.runtime, judged.fp32_diff, ' (%.3g relative)' % (judged.fp32_diff / row.scale) if row.scale > 1
        else '', judged.fp16_diff, top1_text(judged)) for judged in row.judged)
    text += ' (TF itself %.3g), %.2f s, hint %s' % (row.tf_noise, row.ours_time, row.hint)
    if row.mo_time is not None:
        text += ' | mo%s: %s%.2f s, x%.1f' % (' (%s)' % row.mo_note if row.mo_note else '',
                                              '' if row.mo_diff is None else 'diff %.3g, ' % row.mo_diff,
                                              row.mo_time, row.mo_time / row.ours_time)
    text += ' | ovc: ' + (row.ovc_note or '%.2f s, x%.1f' % (row.ovc_time, row.ovc_time / row.ours_time))
    return text + ('; ' + '; '.join(row.problems) if row.problems else '')


def table(rows):
    """The markdown table of a run, with its header."""
    import openvino
    import tensorflow as tf
    now = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')
    commit = subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], capture_output=True, text=True,
                            cwd=REPO).stdout.strip()
    runtimes = next((['OV ' + judged.runtime for judged in row.judged] for row in rows if row.judged),
                    ['OV 2024.6', 'OV newest'])
    lines = [
        '# Model zoo',
        '',
        'Generated by `conformance/zoo/run.py --write-table docs/model-zoo.md` on %s (tfir at %s, runtimes %s, '
        'TensorFlow %s, mo from openvino-dev %s, ovc from OpenVINO %s, Python %s, %d CPUs). Do not edit by '
        'hand.' % (now, commit, ' and '.join(runtimes), tf.__version__, openvino.__version__.split('-')[0],
                   runtimes[-1][3:], platform.python_version(), os.cpu_count()),
        '',
        'Each row is one model in one input form, converted by `bin/convert` with only `-b 1` and the model\'s '
        '`--mean_values`/`--scale` (inputs and outputs come from the detector), then run in both OpenVINO runtimes, '
        '%s (the last release with mo) and %s (the newest), '
        '(CPU, INFERENCE_PRECISION_HINT f32) on %d random images in [0, 255] (fixed seed) and compared with '
        'TensorFlow running the original model on the same images with the model\'s own preprocessing. Weights '
        'are random, calibrated so that outputs are not flat (tools/models/make_convert_models.py). '
        'FP32: max abs diff of the IR converted with `--compress_to_fp16=False` (relative to the largest |output| '
        'where outputs exceed 1: such rows say so); FP16: the same for the default FP16 IR, and how many of the '
        '%d top-1 classes equal TensorFlow\'s; FP16 cells give both runtimes, %s first. Times are whole processes '
        '(JVM or Python start included), ours FP32, mo FP32 and the newest ovc FP32 on the same model files (ours '
        'and ovc: the fastest of %d runs, mo: one run; ovc has '
        'no mean/scale options and takes no V1 checkpoint, so its IR is timed, not compared); mo/ours and ovc/ours '
        'are the ratios. hint: whether the mean/scale that `summarize-graph` '
        'prints for the model (recognised from its TF-Slim scope names or Keras model and layer names) are the ones '
        'used here, channel order included (- when it '
        'recognises none). TF itself: how far TensorFlow\'s own output moves when the images are '
        'multiplied by 1 + %g (a few float32 roundings): no implementation can agree with TensorFlow better than '
        'that (chaotic random nets would make it large; the generators\' calibration keeps them as stable as '
        'trained ones). A row passes when, in both runtimes, FP32 <= %g (relative where the row says so) '
        'and FP16 top-1 is %d/%d, where an image may count as a tie at FP16 precision when TensorFlow\'s own two '
        'top classes are closer than twice the FP16 IR\'s error on it (random weights on random images give such '
        'near-ties; the table shows how many; ties count only while the FP16 max abs diff is <= %g).' % (
            runtimes[0], runtimes[-1], IMAGES, IMAGES, runtimes[0], TIMED_RUNS, NUDGE, FP32_LIMIT, IMAGES, IMAGES,
            FP16_LIMIT),
        '',
        '| model | form | converted | FP32 max abs diff, %s | FP32, %s | TF itself | FP16 max abs diff | FP16 top-1 '
        '| ours (s) | mo (s) | mo/ours | ovc (s) | ovc/ours | hint | result |' % tuple(runtimes),
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ]
    for row in rows:
        case = row.case
        notes = [case.note] if case.note else []
        if row.outputs > 1:
            notes.append('the IR has %d outputs (as the detector finds them); compared: %s' % (row.outputs,
                                                                                            row.compared))
        if row.judged:
            cells = [fp32_text(row, judged) for judged in row.judged] + ['%.2g' % row.tf_noise]
            cells += [' / '.join('%.2g' % judged.fp16_diff for judged in row.judged),
                      ' / '.join(top1_text(judged) for judged in row.judged), '%.2f' % row.ours_time]
            cells += timing(row.mo_time, row.ours_time) + timing(row.ovc_time, row.ours_time)
            notes += ['mo: ' + row.mo_note] if row.mo_note else []
            notes += [row.ovc_note] if row.ovc_note else []
            cells.append(row.hint.split(':')[0])
        else:
            cells = ['-'] * 12
        notes += row.problems
        result = ('PASS' if row.passed else 'FAIL') + (': ' + '; '.join(notes) if notes else '')
        lines.append('| %s | %s | %s | %s | %s |' % (case.model, case.form, 'yes' if row.converted else 'no',
                                                     ' | '.join(cells), result.replace('|', '\\|')))
    passed = sum(row.passed for row in rows)
    lines += ['', '%d rows: %d pass, %d fail.' % (len(rows), passed, len(rows) - passed), '']
    return '\n'.join(lines)


def fp32_text(row, judged):
    text = '%.2g' % judged.fp32_diff
    if row.scale > 1:
        text += ' (%.2g relative to max \\|output\\| %.3g)' % (judged.fp32_diff / row.scale, row.scale)
    return text


def timing(seconds, ours):
    """A converter's time and its ratio to ours, as two cells."""
    return ['-', '-'] if seconds is None else ['%.2f' % seconds, '%.1f' % (seconds / ours)]


def write_atomically(path, text):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name('.' + path.name + '.tmp')
    temporary.write_text(text)
    os.replace(temporary, path)


@contextlib.contextmanager
def work_directory(prefix, keep):
    """A temporary directory for a run's IRs: removed afterwards, or kept (and its path printed) with --keep."""
    work = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield work
    finally:
        if keep:
            print('IRs kept in %s' % work)
        else:
            shutil.rmtree(work, ignore_errors=True)


def add_table_options(parser):
    """--write-table and --keep, as the suites that write a table take them."""
    parser.add_argument('--write-table', metavar='FILE', help='write the markdown table of this run to FILE')
    parser.add_argument('--keep', action='store_true', help='keep the converted IRs (their directory is printed)')


def unready(script):
    """Runs `script` again in the venv where this Python lacks it; then True (with a message) when bin/convert is
    not built."""
    convert_suite.reexec_in_venv(script)
    os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
    if not (REPO / 'convert/target/convert.jar').exists():
        print('run.py: bin/convert is not built; run: mvn -B -q package -DskipTests', file=sys.stderr)
        return True
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--only', help='shell patterns of model or model:form, e.g. "mobilenet_v1*,inception_v3:*"')
    add_table_options(parser)
    args = parser.parse_args()
    if unready(__file__):
        return 2
    big = Path(os.environ.get('TFIR_BIG', REPO / 'target' / 'big-models'))
    patterns = args.only.split(',') if args.only else None

    def wanted_model(model):  # only the models a pattern can match are generated
        return patterns is None or any(fnmatch.fnmatchcase(model, p.split(':')[0]) for p in patterns)
    cases = [case for module in case_modules() for case in module.cases(big, wanted_model)]
    if patterns:
        cases = [c for c in cases if any(fnmatch.fnmatchcase(c.model, p) or
                                         fnmatch.fnmatchcase('%s:%s' % (c.model, c.form), p) for p in patterns)]
    rows = []
    with work_directory('tfir-zoo-', args.keep) as work:
        for case in cases:
            try:
                row = run_case(case, work)
            except Exception as error:  # a broken IR or reference: this row fails, the others still run
                row = Row(case, problems=['%s: %s' % (type(error).__name__, str(error).strip()[:300])])
            rows.append(row)
            print('%s %s:%s: %s' % ('PASS' if row.passed else 'FAIL', case.model, case.form, describe(row)),
                  flush=True)
            if not args.keep:
                shutil.rmtree(work / ('%s-%s' % (case.model, case.form.replace('+', '-'))), ignore_errors=True)
    if args.write_table:
        write_atomically(args.write_table, table(rows))
    failed = sum(not row.passed for row in rows)
    print('%d passed, %d failed' % (len(rows) - failed, failed))
    return 1 if failed or not rows else 0


if __name__ == '__main__':
    sys.exit(main())
