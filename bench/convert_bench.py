#!/usr/bin/env python3
"""Whole-process benchmark: tfir's convert against OpenVINO's Model Optimizer (mo, openvino-dev 2024.6, the last
release with it) and the newest ovc (the converter users have today), in the same run.

Usage (from the repository root, after `mvn -B -q package -DskipTests`, `tools/python/venv.sh` and
`tools/python/venv.sh --latest`):
    .venv/bin/python bench/convert_bench.py [--runs 3] [--big-dir target/big-models] [--only inception_v1,vgg_16]

Cases (each tool with its default FP16 compression, the IR written to a fresh directory under --work):
  inception_v1 frozen       ours and mo: --input_model inception_v1_frozen.pb -b 1 (the seed's mean/scale);
                            ovc: inception_v1_frozen.pb --input input:0[1,224,224,3] (ovc has no mean/scale options)
  inception_v1 seed         the seed's command: inference graph + V1 checkpoint, -b 1 --mean_value --scale; ours and
                            mo (mo 2024.6's default TF frontend rejects VariableV2, so mo runs --use_legacy_frontend);
                            ovc takes no checkpoints
  vgg_16 frozen (~550 MB)   as inception_v1 frozen, no mean/scale
Models come from tools/models/make_convert_models.py (BIG/convert) and make_models.py --big (BIG/vgg_16_frozen.pb),
made when missing. For each tool: the median wall time over --runs runs after one uncounted warm-up run (page
cache, class-data archive), and the peak RSS of the process (os.wait4 rusage, max over the runs). For vgg_16 also the
time to read its file (`cat FILE > /dev/null`) and to copy it (`cp FILE DIR/`), same median, for the target "within
3x the time of copying its weights". Prints a markdown table with the ratios mo/ours and ovc/ours.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED_OPTIONS = ['-b', '1', '--mean_value', '[127.5,127.5,127.5]', '--scale', '127.5']


def run_once(argv, cwd=None, shell=False):
    """Runs argv to completion; returns (seconds, peak RSS in MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd or REPO, shell=shell)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit('%s failed with exit code %d: %s' % (argv if shell else ' '.join(map(str, argv)), code,
                                                      err.decode(errors='replace')[-600:]))
    return elapsed, usage.ru_maxrss / 1024.0


def measure(make_argv, runs, shell=False):
    """make_argv(i) gives the command of run i (a fresh output directory each time); one warm-up run first."""
    run_once(make_argv(0), shell=shell)
    results = [run_once(make_argv(i + 1), shell=shell) for i in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def ensure_models(big):
    convert_dir = big / 'convert'
    needed = [convert_dir / 'inception_v1_frozen.pb', convert_dir / 'inception_v1_inference_graph.pb',
              convert_dir / 'inception_v1.ckpt']
    if not all(p.exists() for p in needed):
        subprocess.run([sys.executable, str(REPO / 'tools/models/make_convert_models.py'), '--out', str(convert_dir),
                        '--only', 'inception_v1_frozen.pb'], check=True)
    if not (big / 'vgg_16_frozen.pb').exists():
        subprocess.run([sys.executable, str(REPO / 'tools/models/make_models.py'), '--big', '--only', 'vgg_16_frozen',
                        '--out', str(big)], check=True)
    return convert_dir


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--runs', type=int, default=3, help='counted runs per tool (after one warm-up), default 3')
    parser.add_argument('--big-dir', default=str(REPO / 'target' / 'big-models'))
    parser.add_argument('--work', help='where the IRs go (default: a temporary directory, removed at the end)')
    parser.add_argument('--only', help='models to run: inception_v1, vgg_16 (default both)')
    args = parser.parse_args()
    big = Path(args.big_dir)
    latest_bin = Path(os.environ.get('TFIR_VENV_LATEST', REPO / '.venv-latest')) / 'bin'
    ours, mo, ovc = str(REPO / 'bin' / 'convert'), str(Path(sys.executable).parent / 'mo'), str(latest_bin / 'ovc')
    if not (REPO / 'convert/target/convert.jar').exists():
        sys.exit('convert_bench.py: bin/convert is not built; run: mvn -B -q package -DskipTests')
    if not Path(mo).exists():
        sys.exit('convert_bench.py: no mo next to %s (run tools/python/venv.sh)' % sys.executable)
    if not Path(ovc).exists():
        sys.exit('convert_bench.py: no ovc in %s (run tools/python/venv.sh --latest)' % latest_bin)
    convert_dir = ensure_models(big)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix='tfir-convert-bench-'))
    work.mkdir(parents=True, exist_ok=True)
    only = set(args.only.split(',')) if args.only else {'inception_v1', 'vgg_16'}
    env_note = 'TF_CPP_MIN_LOG_LEVEL=3'
    os.environ['TF_CPP_MIN_LOG_LEVEL'] = '3'

    def out(tag):
        return lambda i: work / ('%s-%d' % (tag, i))

    inception, vgg = convert_dir / 'inception_v1_frozen.pb', big / 'vgg_16_frozen.pb'
    seed_graph, seed_ckpt = convert_dir / 'inception_v1_inference_graph.pb', convert_dir / 'inception_v1.ckpt'
    cases = []  # (label, model bytes, {tool: argv maker})
    if 'inception_v1' in only:
        cases.append(('inception_v1 frozen', inception.stat().st_size, {
            'ours': lambda i: [ours, '--input_model', str(inception)] + SEED_OPTIONS + ['--output_dir',
                                                                                         str(out('ours-inc')(i))],
            'mo': lambda i: [mo, '--input_model', str(inception)] + SEED_OPTIONS + ['--output_dir',
                                                                                     str(out('mo-inc')(i))],
            'ovc': lambda i: [ovc, str(inception), '--input', 'input:0[1,224,224,3]', '--output_model',
                              str(out('ovc-inc')(i) / 'inception_v1_frozen.xml')]}))
        seed = ['--input_model', str(seed_graph), '--input_checkpoint', str(seed_ckpt)] + SEED_OPTIONS
        cases.append(('inception_v1 graph + V1 ckpt (seed)', seed_graph.stat().st_size + seed_ckpt.stat().st_size, {
            'ours': lambda i: [ours] + seed + ['--output_dir', str(out('ours-seed')(i))],
            'mo': lambda i: [mo] + seed + ['--use_legacy_frontend', '--output_dir', str(out('mo-seed')(i))]}))
    if 'vgg_16' in only:
        cases.append(('vgg_16 frozen', vgg.stat().st_size, {
            'ours': lambda i: [ours, '--input_model', str(vgg), '-b', '1', '--output_dir', str(out('ours-vgg')(i))],
            'mo': lambda i: [mo, '--input_model', str(vgg), '-b', '1', '--output_dir', str(out('mo-vgg')(i))],
            'ovc': lambda i: [ovc, str(vgg), '--input', 'input:0[1,224,224,3]', '--output_model',
                              str(out('ovc-vgg')(i) / 'vgg_16_frozen.xml')]}))

    rows = []
    try:
        for label, size, tools in cases:
            results = {}
            for tool, make in tools.items():
                print('%s: %s ...' % (label, tool), file=sys.stderr, flush=True)
                results[tool] = measure(make, args.runs)
                shutil.rmtree(work, ignore_errors=True)  # keep the disk from filling up with vgg_16's IRs
                work.mkdir(parents=True, exist_ok=True)
            rows.append((label, size, results))
        copy = None
        if 'vgg_16' in only:
            print('vgg_16: cat, cp ...', file=sys.stderr, flush=True)
            cat_time, _ = measure(lambda i: 'cat %s > /dev/null' % vgg, args.runs, shell=True)
            cp_time, _ = measure(lambda i: 'mkdir -p %s && cp %s %s/' % (work / ('cp-%d' % i), vgg,
                                                                          work / ('cp-%d' % i)), args.runs, shell=True)
            copy = (cat_time, cp_time)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)

    ovc_version = subprocess.run([ovc, '--version'], capture_output=True, text=True).stdout.strip().split('\n')[-1]
    print('convert benchmark: median of %d runs after a warm-up, whole process, %d CPUs, %s; peak RSS per process; '
          'ovc %s' % (args.runs, os.cpu_count(), env_note, ovc_version))
    print()
    print('| model | size MB | ours s | mo s | ovc s | mo/ours | ovc/ours | ours RSS MB | mo RSS MB | ovc RSS MB '
          '| ours RSS / size |')
    print('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
    for label, size, results in rows:
        mb = size / 1e6
        t = {k: v[0] for k, v in results.items()}
        r = {k: v[1] for k, v in results.items()}
        na = '—'
        print('| %s | %.0f | %.2f | %.2f | %s | x%.1f | %s | %.0f | %.0f | %s | %.2f |' % (
            label, mb, t['ours'], t['mo'], '%.2f' % t['ovc'] if 'ovc' in t else na, t['mo'] / t['ours'],
            'x%.1f' % (t['ovc'] / t['ours']) if 'ovc' in t else na, r['ours'], r['mo'],
            '%.0f' % r['ovc'] if 'ovc' in r else na, r['ours'] * 1024 * 1024 / size))
    if copy:
        ours_vgg = [res for label, _, res in rows if label.startswith('vgg_16')][0]['ours'][0]
        print()
        print('vgg_16 weights: `cat > /dev/null` %.2f s, `cp` %.2f s; ours %.2f s = x%.1f the cp time, x%.1f the cat '
              'time (target: within x3 the copy)' % (copy[0], copy[1], ours_vgg, ours_vgg / copy[1],
                                                       ours_vgg / copy[0]))


if __name__ == '__main__':
    main()
