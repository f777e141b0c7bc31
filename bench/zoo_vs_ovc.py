#!/usr/bin/env python3
"""Whole-process convert time and peak RSS against the newest ovc on every frozen graph of the model zoo, in one run.

Usage (from the repository root, after `mvn -B -q package -DskipTests`, `tools/python/venv.sh --latest` and the zoo's
models, e.g. a run of conformance/zoo/run.py with the same TFIR_BIG):
    TFIR_BIG=... .venv/bin/python bench/zoo_vs_ovc.py [--runs 3] [--only 'mobilenet_v1*,keras.*'] [--write FILE]

Each frozen zoo row (conformance/zoo/*_cases.py) is converted FP32 by ours (bin/convert with the row's options, as the
zoo converts it) and by ovc (the same .pb, as the zoo times it): one warm-up run of each, then --runs rounds that run
ours and ovc one after the other (so a busy moment hits both), each IR into a fresh directory. Reported per row: the
median wall time of each, ovc/ours, and the peak RSS of each (max over the runs); at the end the rows below 2x.
"""
import argparse
import fnmatch
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / 'conformance' / 'zoo'))
import run as zoo  # noqa: E402  (case_modules, ovc_args)

TIME = '/usr/bin/time'


def run_once(argv):
    """(seconds, peak RSS in MB) of one run of argv, which must succeed. The RSS is the one GNU time reports: this
    process holds TensorFlow (the zoo's cases import it), and a child's own rusage would count that copy until exec."""
    start = time.perf_counter()
    done = subprocess.run([TIME, '-f', '%M'] + argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit('%s failed (exit %d): %s' % (' '.join(argv), done.returncode, done.stderr[-600:]))
    return elapsed, int(done.stderr.strip().splitlines()[-1]) / 1024.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--runs', type=int, default=3, help='counted rounds per row (after one warm-up), default 3')
    parser.add_argument('--only', help='shell patterns of zoo model names')
    parser.add_argument('--write', metavar='FILE', help='also write the markdown table to FILE')
    args = parser.parse_args()
    os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
    big = Path(os.environ.get('TFIR_BIG', REPO / 'target' / 'big-models'))
    ovc = str(zoo.ov_runtimes.latest_python().parent / 'ovc')
    ours = os.environ.get('TFIR_CONVERT', str(REPO / 'bin/convert'))
    patterns = args.only.split(',') if args.only else None

    def wanted(model):
        return patterns is None or any(fnmatch.fnmatchcase(model, p) for p in patterns)
    cases = [case for module in zoo.case_modules() for case in module.cases(big, wanted)
             if case.form == 'frozen' and wanted(case.model)]
    work = Path(tempfile.mkdtemp(prefix='tfir-zoo-vs-ovc-'))
    load_before = os.getloadavg()[1]
    rows = []
    try:
        for case in cases:
            def ours_argv(i, case=case):
                return [ours] + case.convert_args + ['--compress_to_fp16=False', '--output_dir', str(work / str(i))]

            def ovc_argv(i, case=case):
                return [ovc] + zoo.ovc_args(case) + ['--compress_to_fp16=False', '--output_model',
                                                     str(work / ('ovc-%d' % i) / (case.stem + '.xml'))]
            run_once(ours_argv(0))
            run_once(ovc_argv(0))
            runs = [(run_once(ours_argv(i)), run_once(ovc_argv(i)))
                    for i in range(1, args.runs + 1)]
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir()
            ours_s = statistics.median(r[0][0] for r in runs)
            ovc_s = statistics.median(r[1][0] for r in runs)
            rows.append((case.model, ours_s, ovc_s, max(r[0][1] for r in runs), max(r[1][1] for r in runs)))
            print('%s: ours %.2f s, ovc %.2f s, x%.1f' % (case.model, ours_s, ovc_s, ovc_s / ours_s),
                  file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    lines = ['# Convert time against the newest ovc', '', 'Frozen zoo graphs, FP32: median of %d rounds after a warm-up, whole processes, %d CPUs, load average '
             '(5 min) %.1f at the start and %.1f at the end (bench/zoo_vs_ovc.py).' % (
                 args.runs, os.cpu_count(), load_before, os.getloadavg()[1]), '',
             '| model | ours s | ovc s | ovc/ours | ours RSS MB | ovc RSS MB |', '|---|---:|---:|---:|---:|---:|']
    lines += ['| %s | %.2f | %.2f | x%.1f | %.0f | %.0f |' % (m, a, b, b / a, ra, rb) for m, a, b, ra, rb in rows]
    below = [m for m, a, b, _, _ in rows if b / a < 2]
    lines += ['', '%d rows; %d at least 2x faster than ovc; below 2x: %s' % (
        len(rows), len(rows) - len(below), ', '.join(below) or 'none')]
    print('\n'.join(lines))
    if args.write:
        Path(args.write).write_text('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
