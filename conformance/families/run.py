#!/usr/bin/env python3
"""The family zoo (issue 18): NLP encoders and decoders, vision transformers, sequence and audio models from
maintained packages, each as a TF2 SavedModel and a frozen graph, converted by tfir, mo and ovc and run in both
OpenVINO runtimes against TensorFlow at two input lengths (or image sizes) on one IR.

usage: conformance/families/run.py [--only NAME[,NAME...]] [--ci] [--write-table docs/model-families.md] [--keep]

The models and TensorFlow's outputs come from conformance/families/make_models.py, cached in
${TFIR_BIG:-target/big-models}/families; missing ones are made first with the families venv
(${TFIR_VENV_FAMILIES:-<repo>/.venv-families}, tools/python/venv.sh --families); without that venv the Keras,
transformers and keras-hub models (OWN_PACKAGES: this suite's venv has them at the families venv's pins) are made with
this suite's venv, and the keras-cv and Model Garden ones (EXTRA_PACKAGES) too when the directory of
tools/python/venv.sh --families-extra is there (${TFIR_FAMILIES_EXTRA:-<repo>/.families-extra}, put on its
PYTHONPATH), else skipped with a message. For each model and form:
  1. bin/convert, mo (openvino-dev 2024.6, its default frontend) and the newest ovc convert the file with
     --compress_to_fp16=False and nothing else (shapes stay dynamic), each timed as a whole process (the fastest of
     TFIR_TIMED_RUNS runs, default 3, tfir's and ovc's taken in turns, a failure timed as often; mo's once) with its
     peak resident memory; a model over 1 GB of files (BERT-large's size) gets no mo, and its converters' times and
     memory are shown in a section of their own;
  2. each IR runs in OpenVINO 2024.6 and the newest OpenVINO (conformance/ov_runtimes.py, each in a child process:
     an IR that crashes a runtime is that runtime's failure) on the model's inputs at
     both lengths and is compared with TensorFlow's outputs of the same file, every output (found by its name, else
     the one of the same shape closest to it): float max abs diff <= 1e-4 * max(1, max |TF output|), integers exact.
A converter's verdict: `ok` (both runtimes, both lengths), `off by X` (the worst relative diff), `OV V cannot run
it` (a runtime that cannot read, compile or run the IR, beside the other's verdict), or `fails` with its message;
tfir's refusal names the op types it cannot translate (input for the op developers).
Exit status 1 when tfir writes an IR that is wrong or fails otherwise than by naming untranslatable op types (a bug);
a refusal is reported, not failed (none since 2026-12-07: every row converts). 2 for a set-up error.
--ci keeps the first model of each family (package and input kind) and leaves mo out (about 20 s a file).
--write-table writes the markdown table.
Environment: TFIR_VENV, TFIR_VENV_LATEST, TFIR_VENV_FAMILIES, TFIR_FAMILIES_EXTRA, TFIR_BIG, TFIR_CONVERT,
TFIR_TIMED_RUNS.
"""

import argparse
import datetime
import functools
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
FP32_LIMIT = 1e-4
FORMS = ('saved_model', 'frozen')
CONVERTERS = ('tfir', 'mo', 'ovc')
BIG_BYTES = 1 << 30  # a model of more files than this is big: no mo (minutes a run), its peak memory reported


sys.path.insert(0, str(REPO / 'conformance'))
# the classification zoo's helpers: timing (and through it the convert suite's venv re-exec and runtimes), the
# closest output, atomic writing
from zoo import run as zoo  # noqa: E402
convert_suite, ov_runtimes = zoo.convert_suite, zoo.ov_runtimes
# the line of a converter's output that says why it failed, by what it contains, in this order
TELLING = ('cannot translate', 'No conversion rule', 'no translator', 'Cannot find', 'not supported', 'rror')
# convert's one line for op types without a translator: '... cannot translate: Foo (2 nodes: ...), Bar (node ...);'
UNSUPPORTED = re.compile(r'cannot translate: (.*)')
OP_TYPE = re.compile(r'(?:^|, )(\w+) \((?:\d+ nodes|node)[: ]')
# a translator's limit on one node: 'convert: error: Range 'name': needs constant ...'
TRANSLATOR_LIMIT = re.compile(r"convert: error: (\w+) '[^']*': (.*)")


@dataclass
class Verdict:
    """One converter on one file: its time, whether it wrote an IR, and the IR's worst diff per runtime."""
    seconds: float = None
    peak_rss: int = None                              # bytes: the largest resident set of the converter's runs
    error: str = ''                                   # the conversion's failure, or the IR's interface's
    blocking: list = field(default_factory=list)      # tfir: the op types it cannot translate
    diffs: dict = field(default_factory=dict)         # runtime -> worst relative diff over lengths and outputs
    failures: dict = field(default_factory=dict)      # runtime -> why it could not run the IR

    @property
    def ok(self):
        return (not self.error and not self.failures and len(self.diffs) == 2
                and max(self.diffs.values()) <= FP32_LIMIT)

    def text(self):
        if self.blocking:
            return 'blocked: ' + ', '.join(self.blocking)
        if self.error:
            return self.error
        texts = ['OV %s cannot run it: %s' % item for item in sorted(self.failures.items())]
        if self.diffs:
            worst = max(self.diffs.values())
            texts.append(('ok' if worst <= FP32_LIMIT else 'off by %.3g' % worst)
                         + (' in OV ' + ', '.join(sorted(self.diffs)) if self.failures else ''))
        return '; '.join(texts)


@dataclass
class Model:
    name: str
    directory: Path
    meta: dict

    @property
    def forms(self):
        return self.meta.get('forms', FORMS)

    @functools.cached_property
    def size(self):
        """Bytes of the model's files."""
        return sum(f.stat().st_size for f in self.directory.rglob('*') if f.is_file())

    @property
    def big(self):
        return self.size > BIG_BYTES

    def source(self, form):
        """The converter arguments naming the file: tfir and mo options, and ovc's positional argument."""
        if form == 'saved_model':
            return ['--saved_model_dir', str(self.directory / 'saved_model')], [str(self.directory / 'saved_model')]
        return ['--input_model', str(self.directory / 'frozen.pb')], [str(self.directory / 'frozen.pb')]


# The packages of make_models.py's models that this suite's venv (tools/python/requirements.txt) has at the families
# venv's pins, with TensorFlow and Keras.
OWN_PACKAGES = {'keras', 'transformers', 'keras-hub'}
# The packages it takes from the --families-extra directory (installed without their unused dependencies).
EXTRA_PACKAGES = {'keras-cv', 'tf-models-official'}


def families_extra():
    return Path(os.environ.get('TFIR_FAMILIES_EXTRA', REPO / '.families-extra'))


def families_python():
    return Path(os.environ.get('TFIR_VENV_FAMILIES', REPO / '.venv-families')) / 'bin' / 'python'


def models(directory, names, python=None, maker=HERE / 'make_models.py', path=None):
    """The models among `names` cached in `directory`, made first by `maker` where missing and `python` (default:
    the families venv's) is there, with `path` on its PYTHONPATH."""
    python = python or families_python()
    missing = [name for name in names if not (directory / name / 'meta.json').exists()]
    if missing and python.exists():
        print('making %s in %s' % (', '.join(missing), directory), flush=True)
        env = dict(os.environ, PYTHONPATH=str(path)) if path else None
        subprocess.run(['nice', '-n', '10', str(python), str(maker), '--out', str(directory), '--only',
                        ','.join(missing)], env=env)
    elif missing:
        print('run.py: skipping %s: not made, and no venv at %s to make them' % (
            ', '.join(missing), python.parent.parent), flush=True)
    return [Model(name, directory / name, json.loads((directory / name / 'meta.json').read_text()))
            for name in names if (directory / name / 'meta.json').exists()]


def made(directory, names, packages):
    """models() of `names`, in their order; without the families venv (as in CI), those of OWN_PACKAGES are made by
    this suite's Python, and those of EXTRA_PACKAGES too, with the --families-extra directory on its PYTHONPATH."""
    own = [] if families_python().exists() else [name for name in names if packages[name] in OWN_PACKAGES]
    extra = [] if families_python().exists() or not families_extra().is_dir() else [
        name for name in names if packages[name] in EXTRA_PACKAGES]
    found = {model.name: model for model in models(directory, own, Path(sys.executable))}
    found.update((model.name, model) for model in models(directory, extra, Path(sys.executable),
                                                         path=families_extra()))
    found.update((model.name, model) for model in models(directory, [name for name in names
                                                                     if name not in own + extra]))
    return [found[name] for name in names if name in found]


def catalogue(maker=HERE / 'make_models.py'):
    """[(name, package, kind)] of `maker`'s models, in its order, read without importing its packages."""
    done = subprocess.run([sys.executable, str(maker), '--list'], capture_output=True, text=True, check=True)
    return [re.match(r'(\S+) \(([^,]+), (\w+)\)', line).groups() for line in done.stdout.splitlines()]


def command(converter, model, form, out_dir):
    options, positional = model.source(form)
    if converter == 'tfir':
        return [os.environ.get('TFIR_CONVERT', str(REPO / 'bin/convert'))] + options + [
            '--compress_to_fp16=False', '--output_dir', str(out_dir)]
    if converter == 'mo':
        return [str(Path(sys.executable).parent / 'mo')] + options + ['--compress_to_fp16=False', '--output_dir',
                                                                       str(out_dir)]
    return [str(ov_runtimes.latest_python().parent / 'ovc')] + positional + [
        '--compress_to_fp16=False', '--output_model', str(out_dir / 'model.xml')]


def convert(converter, model, form, out_dir):
    """The converter's verdict on the file from one run (run_model times tfir and ovc again, in turns)."""
    done, seconds, peak = measured(command(converter, model, form, out_dir), 1)
    verdict = Verdict(seconds, peak)
    if done.returncode != 0:
        lines = [line for line in (done.stderr + done.stdout).strip().splitlines() if line.strip()]
        message = next((line for mark in TELLING for line in lines if mark in line), lines[-1] if lines else '')
        verdict.error = 'fails (exit %s): %s' % (done.returncode, message.strip()[:200])
        if converter == 'tfir' and done.returncode == 1:
            verdict.blocking = blocking_op_types(message)
    return verdict


def timed_again(verdicts, model, form, work):
    """TIMED_RUNS - 1 more runs of tfir and ovc, in turns (the machine's speed drifts; taking turns, the drift
    weighs on both alike), each keeping its fastest run and largest peak; a converter that fails is timed to its
    failure as often. mo takes 10 to 40 s a file: timed once, its precision is not the question."""
    again = [converter for converter in ('tfir', 'ovc') if converter in verdicts]
    for _ in range(zoo.TIMED_RUNS - 1):
        for converter in again:
            out_dir = work / model.name / form / (converter + '-timed')
            _, seconds, peak = measured(command(converter, model, form, out_dir), 1)
            verdicts[converter].seconds = min(verdicts[converter].seconds, seconds)
            verdicts[converter].peak_rss = max(verdicts[converter].peak_rss, peak)


def measured(command, runs):
    """(the last CompletedProcess, the fastest of `runs` whole-process runs, the largest peak resident set
    in bytes: os.wait4's of the process, which covers the children it waited for, the JVM or Python); the runs stop
    at the first failure."""
    times, peaks = [], []
    for _ in range(runs):
        # the IR the last run wrote (1.3 GB for BERT-large) to disk first, so that its write-back does not slow this
        # one: it weighed on whichever converter ran next (the same row's tfir times 3.1 to 6.3 s)
        os.sync()
        with tempfile.TemporaryFile('w+') as out, tempfile.TemporaryFile('w+') as err:
            start = time.perf_counter()
            process = subprocess.Popen(command, stdout=out, stderr=err, text=True)
            # a blocking wait, timed to its end (polling would add up to its interval), killed past the timeout
            watchdog = threading.Timer(convert_suite.TIMEOUT, process.kill)
            watchdog.start()
            _, status, usage = os.wait4(process.pid, 0)
            times.append(time.perf_counter() - start)
            watchdog.cancel()
            process.returncode = os.waitstatus_to_exitcode(status)
            peaks.append(usage.ru_maxrss * 1024)
            out.seek(0)
            err.seek(0)
            done = subprocess.CompletedProcess(command, process.returncode, out.read(), err.read())
        if done.returncode != 0:
            break
    return done, min(times), max(peaks)


def blocking_op_types(message):
    """The op types convert's one-line error names as blocking: those without a translator, or the one whose
    translator cannot take this node ('Range (a Range of computed bounds is not supported)')."""
    unsupported = UNSUPPORTED.search(message)
    if unsupported:
        return OP_TYPE.findall(unsupported.group(1))
    limit = TRANSLATOR_LIMIT.match(message)
    return ['%s (%s)' % (limit.group(1), limit.group(2).split('; ')[-1])] if limit else []


def ir_feed(xml, feed):
    """The feed keyed by the IR's own input names: an input named KEY, KEY:0 or serving_default_KEY(:0) gets KEY."""
    import openvino as ov
    result = {}
    for port in ov.Core().read_model(str(xml)).inputs:
        names = port.get_names()
        key = next((key for key in feed for name in names
                    if re.sub(r'^serving_default_|:0$', '', name) == key), None)
        if key is None:
            raise RuntimeError('IR input %s is none of %s' % (sorted(names), sorted(feed)))
        result[sorted(names)[0]] = feed[key]
    return result


def judge(verdict, xml, model, form, reference):
    """Runs the IR in each runtime (conformance/ov_runtimes.py: 2024.6 and the newest, each in a child process) at
    every size and fills verdict.diffs, or verdict.failures for a runtime that cannot read, compile or run it."""
    import numpy as np
    for size in model.meta['sizes']:
        feed = {spec['name']: reference['%d/in/%s' % (size, spec['name'])] for spec in model.meta['inputs']}
        try:
            feeds = [ir_feed(xml, feed)]
        except RuntimeError as error:
            verdict.error = str(error)
            return
        for runtime, infer in runtimes():
            if runtime in verdict.failures:
                continue
            try:
                run = infer(xml, feeds)
            except Exception as error:  # the runtime's own exception types
                # OpenVINO's message ends with the innermost 'Exception from FILE:LINE: what'
                what = re.split(r'Exception from \S+ ', ' '.join(str(error).split()))[-1]
                verdict.failures[runtime] = 'at %d, %s' % (size, what[:140])
                verdict.diffs.pop(runtime, None)
                continue
            for key in model.meta['outputs']:
                want = reference['%d/%s/%s' % (size, form, key)]
                got = output_of(run, key, model.meta['frozen_outputs'].get(key, key), want)
                if got is not None and want.ndim == 0 and got.shape == (1,):  # run_ir stacks a scalar over the feeds
                    got = got[0]
                if got is None or got.shape != want.shape:
                    verdict.failures[runtime] = 'output %s missing or of another shape' % key
                    break
                if np.issubdtype(want.dtype, np.integer):
                    diff = 0.0 if np.array_equal(got, want) else float('inf')
                else:
                    diff = float(np.abs(got.astype(np.float64) - want).max()) / max(1.0, float(np.abs(want).max()))
                verdict.diffs[runtime] = max(diff, verdict.diffs.get(runtime, 0.0))
            if runtime in verdict.failures:
                verdict.diffs.pop(runtime, None)


def runtimes():
    """[(version, infer)] for both judges of conformance/ov_runtimes.py, run one by one, each in a child process (a
    runtime that fails, or crashes, is reported beside the other's result)."""
    if not RUNTIMES:
        import openvino
        newest = subprocess.run([str(ov_runtimes.latest_python()), '-c', 'import openvino; print(openvino.__version__)'
                                 ], capture_output=True, text=True, check=True).stdout
        RUNTIMES.extend([(openvino.__version__.split('-')[0], ov_runtimes.infer_apart),
                         (newest.strip().split('-')[0], ov_runtimes.infer_in_latest)])
    return RUNTIMES


RUNTIMES = []


def output_of(run, key, frozen_tensor, want):
    """The IR's output for the signature output `key`: by name (the key, or the frozen graph's tensor), else the
    one of want's shape closest to it."""
    for name in (key, frozen_tensor, frozen_tensor.split(':')[0]):
        values = run.output(name)
        if values is not None:
            return values
    return zoo.closest(zoo.named(run), want)[1] if run.outputs else None


def run_model(model, work, converters, keep=False):
    import numpy as np
    rows = []
    with np.load(model.directory / 'reference.npz') as stored:
        reference = dict(stored)
    for form in model.forms:
        verdicts = {}
        for converter in converters:
            if converter == 'mo' and model.big:
                continue
            out_dir = work / model.name / form / converter
            verdict = convert(converter, model, form, out_dir)
            if not verdict.error:
                xml = next(out_dir.glob('*.xml'))
                judge(verdict, xml, model, form, reference)
            verdicts[converter] = verdict
        timed_again(verdicts, model, form, work)
        rows.append((model, form, verdicts))
        if not keep:
            shutil.rmtree(work / model.name / form, ignore_errors=True)
    return rows


def is_bug(verdict):
    """tfir's outcome that fails the suite: a wrong IR, or a failure that is not a named op-type refusal."""
    return not verdict.ok and not verdict.blocking


# rows whose failure is known and open (issue 18), reported as such and not failing the suite; a row of them that
# passes is reported as passing
KNOWN = {}


def is_known(model, form, verdict):
    return is_bug(verdict) and (model.name, form) in KNOWN


def describe(model, form, verdicts):
    parts = []
    for converter, verdict in verdicts.items():
        diffs = ', '.join('%s %.2g' % (runtime, diff) for runtime, diff in sorted(verdict.diffs.items()))
        parts.append('%s %s%s%s%s' % (converter, verdict.text(), ' [%s]' % diffs if diffs else '',
                                      ', %.2f s' % verdict.seconds if verdict.seconds is not None else '',
                                      ', peak RSS %.2f GB' % (verdict.peak_rss / 1e9) if model.big else ''))
    if is_known(model, form, verdicts['tfir']):
        return 'KNOWN %s:%s (%s): %s' % (model.name, form, KNOWN[(model.name, form)], ' | '.join(parts))
    return '%s %s:%s: %s' % ('BUG ' if is_bug(verdicts['tfir']) else ('PASS' if verdicts['tfir'].ok else 'GAP '),
                             model.name, form, ' | '.join(parts))


def header(title, command):
    """The first lines of a generated table: its title, and when, by what and on what machine it was made."""
    import openvino
    now = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')
    commit = subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], capture_output=True, text=True,
                            cwd=REPO).stdout.strip()
    versions = [version for version, _ in runtimes()]
    return ['# ' + title, '',
            'Generated by `%s` on %s (tfir at %s, mo from openvino-dev %s, runtimes %s, Python %s, %d CPUs, load '
            'average %.1f). Do not edit by hand.' % (
                command, now, commit, openvino.__version__.split('-')[0], ' and '.join(versions),
                platform.python_version(), os.cpu_count(), os.getloadavg()[0]),
            '']


def table(rows):
    versions = [version for version, _ in runtimes()]
    lines = header('Model families', 'conformance/families/run.py --write-table docs/model-families.md') + [
        'Each model (small configuration, random weights, made by `conformance/families/make_models.py` with the '
        'package and version named) in two forms: its TF2 SavedModel and the frozen graph of the same signature '
        '(`convert_variables_to_constants_v2`). Each converter gets the file with `--compress_to_fp16=False` and '
        'nothing else (shapes stay dynamic where the model has them so); each IR runs in both OpenVINO runtimes at two '
        'input lengths (text: int32 `input_ids` and `attention_mask` [2, 8] and [2, 13], one row padded; audio: '
        '4000 and 8000 samples; images: [1, S, S, 3] at the one static size S the model is traced with: the '
        'detectors\' anchors, DeepLabV3+\'s UpSampling2D and ViT\'s position embeddings cannot be traced with a '
        'dynamic size) and is compared with TensorFlow on the same file: the worst max abs diff over '
        'outputs and lengths, relative to max(1, max |output|); `ok` when <= %g in both runtimes (integers exact). '
        'Times: whole process, the fastest of %d run(s), tfir\'s and ovc\'s taken in turns (a converter that '
        'fails: to its failure; mo: one run). tfir\'s `blocked:` lists the op types convert '
        'names as untranslatable (all of them), or the one op type whose translator refuses a node, with its reason '
        '(convert stops at the first such node: more may follow once it translates).' % (FP32_LIMIT, zoo.TIMED_RUNS),
        '',
    ]
    lines += verdict_table(rows, versions, 'package', lambda model: '%s %s' % (model.meta['package'],
                                                                              model.meta['version']), 'lengths')
    big = [(model, form, verdicts) for model, form, verdicts in rows if model.big]
    if big:
        lines += ['', '## Big models', '', 'Over %d GB of files: each converter\'s whole-process time and peak '
                  'resident memory (`os.wait4` of the converter\'s process, which covers the JVM or Python it runs) '
                  'in the same run as the table; mo is not run on them (minutes a run).' % (BIG_BYTES >> 30), '',
                  '| model | form | files (GB) | tfir (s) | tfir peak RSS (GB) | ovc (s) | ovc peak RSS (GB) |',
                  '| --- | --- | --- | --- | --- | --- | --- |']
        for model, form, verdicts in big:
            cells = [model.name, form, '%.2f' % (model.size / 1e9)]
            for converter in ('tfir', 'ovc'):
                verdict = verdicts.get(converter)
                cells += ['-', '-'] if verdict is None else ['%.2f' % verdict.seconds,
                                                             '%.2f' % (verdict.peak_rss / 1e9)]
            lines.append('| %s |' % ' | '.join(cells))
    blocking = {}
    for model, _, verdicts in rows:
        for op in verdicts['tfir'].blocking:
            blocking.setdefault(op.split(' (')[0], set()).add(model.name)
    if blocking:
        lines += ['', 'Op types blocking tfir (models): ' + ', '.join(
            '%s %d' % (op, len(names)) for op, names in sorted(blocking.items(), key=lambda i: (-len(i[1]), i[0])))
            + '.']
    return '\n'.join(lines) + '\n'


def verdict_table(rows, versions, label, describe_model, sizes):
    """The markdown table of rows (model, form, verdicts), the second column `label` given by describe_model(model),
    and the count of right rows; `sizes` names the two inputs in that line ('lengths')."""
    lines = ['| model | %s | form | tfir | tfir diff (%s) | tfir (s) | mo | mo diff | mo (s) | ovc | ovc diff | '
             'ovc (s) |' % (label, ' / '.join(versions)),
             '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |']
    for model, form, verdicts in rows:
        cells = [model.name, describe_model(model), form]
        for converter in CONVERTERS:
            verdict = verdicts.get(converter)
            if verdict is None:  # not run (--ci runs no mo)
                cells += ['-'] * 3
                continue
            cells += [verdict.text().replace('|', '\\|'),
                      ' / '.join('%.2g' % verdict.diffs[r] if r in verdict.diffs else
                                 'cannot run' if r in verdict.failures else '-' for r in versions),
                      '-' if verdict.seconds is None else '%.2f' % verdict.seconds]
        lines.append('| %s |' % ' | '.join(cells))
    counts = {c: sum(c in verdicts and verdicts[c].ok for _, _, verdicts in rows) for c in CONVERTERS}
    return lines + ['', '%d rows (%d models); right in both runtimes at both %s: tfir %d, mo %d, ovc %d.' % (
        len(rows), len({model.name for model, _, _ in rows}), sizes, counts['tfir'], counts['mo'], counts['ovc'])]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--only', help='model names, comma-separated (make_models.py --list)')
    parser.add_argument('--ci', action='store_true', help='the first model of each family (package and kind), '
                        'without mo')
    zoo.add_table_options(parser)
    args = parser.parse_args()
    if zoo.unready(__file__):
        return 2
    known = catalogue()
    names = [name for name, _, _ in known]
    if args.only:
        names = args.only.split(',')
        unknown = [name for name in names if name not in dict((n, 0) for n, _, _ in known)]
        if unknown:
            parser.error('unknown models: %s' % ', '.join(unknown))
    if args.ci:
        first = {}
        for name, package, kind in known:
            first.setdefault((package, kind), name)
        names = [name for name in names if name in first.values()]
    converters = [c for c in CONVERTERS if not (args.ci and c == 'mo')]
    big = Path(os.environ.get('TFIR_BIG', REPO / 'target' / 'big-models'))
    rows = []
    with zoo.work_directory('tfir-families-', args.keep) as work:
        for model in made(big / 'families', names, dict((name, package) for name, package, _ in known)):
            for row in run_model(model, work, converters, args.keep):
                rows.append(row)
                print(describe(*row), flush=True)
    if args.write_table:
        zoo.write_atomically(args.write_table, table(rows))
    known = sum(is_known(model, form, verdicts['tfir']) for model, form, verdicts in rows)
    bugs = sum(is_bug(verdicts['tfir']) for _, _, verdicts in rows) - known
    print('%d rows: tfir right on %d, blocked by untranslatable op types on %d, known to fail on %d (KNOWN), wrong '
          'or failing otherwise on %d' % (len(rows), sum(v['tfir'].ok for _, _, v in rows),
                                          sum(bool(v['tfir'].blocking) for _, _, v in rows), known, bugs))
    return 1 if bugs else 0


if __name__ == '__main__':
    sys.exit(main())
