#!/usr/bin/env python3
"""Whole-process A/B benchmark of two tfir builds: the same commands, runs interleaved in rounds, so that both meet
the same machine load. For "not slower than before" checks across a change.

Usage (each tree built with `mvn -B -q package -DskipTests`; models from bench/convert_bench.py's generators):
    .venv/bin/python bench/compare_builds.py --before ../tfir-before --after . [--runs 7] [--big-dir DIR]
        [--only summarize_vgg_16,convert_inception_v1,convert_seed,convert_vgg_16]

Cases (models under --big-dir, default ${TFIR_BIG:-target/big-models}; made when missing as convert_bench.py does):
  summarize_vgg_16      bin/summarize-graph --input_model vgg_16_frozen.pb (553 MB)
  convert_inception_v1  bin/convert --input_model convert/inception_v1_frozen.pb -b 1 + the seed's mean/scale
  convert_seed          the seed's command: inference graph + V1 checkpoint, -b 1 --mean_value --scale
  convert_vgg_16        bin/convert --input_model vgg_16_frozen.pb -b 1
Each round runs both builds in random order, each run after os.sync(). Prints a markdown table: median wall
seconds and peak RSS (MB) of each build, and the median and quartiles of the rounds' after/before ratios (the
machine's speed drifts over minutes; a round's two runs meet the same).
"""
import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import convert_bench  # noqa: E402  (run_once, ensure_models, SEED_OPTIONS)


def cases(big, convert_dir):
    inception = convert_dir / 'inception_v1_frozen.pb'
    seed = ['--input_model', str(convert_dir / 'inception_v1_inference_graph.pb'), '--input_checkpoint',
            str(convert_dir / 'inception_v1.ckpt')] + convert_bench.SEED_OPTIONS
    vgg = big / 'vgg_16_frozen.pb'
    return {
        'summarize_vgg_16': ('summarize-graph', ['--input_model', str(vgg)]),
        'convert_inception_v1': ('convert', ['--input_model', str(inception)] + convert_bench.SEED_OPTIONS),
        'convert_seed': ('convert', seed),
        'convert_vgg_16': ('convert', ['--input_model', str(vgg), '-b', '1']),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--before', required=True, help='the tree of the build before the change')
    parser.add_argument('--after', default=str(HERE.parent), help='the tree of the build after it (default: this)')
    parser.add_argument('--runs', type=int, default=7, help='counted runs per build and case (after a warm-up)')
    parser.add_argument('--big-dir', default=os.environ.get('TFIR_BIG', str(HERE.parent / 'target' / 'big-models')))
    parser.add_argument('--only', help='comma-separated case names')
    args = parser.parse_args()
    big = Path(args.big_dir)
    trees = {'before': Path(args.before).resolve(), 'after': Path(args.after).resolve()}
    for label, tree in trees.items():
        if not (tree / 'convert/target/convert.jar').exists():
            sys.exit('compare_builds.py: %s (%s) is not built; run mvn -B -q package -DskipTests there' % (label,
                                                                                                          tree))
    selected = cases(big, convert_bench.ensure_models(big))
    if args.only:
        selected = {name: selected[name] for name in args.only.split(',')}
    work = Path(tempfile.mkdtemp(prefix='tfir-compare-'))
    rows = []
    try:
        for name, (tool, tool_args) in selected.items():
            samples = {label: [] for label in trees}
            ratios = []
            for i in range(args.runs + 1):
                order = list(trees)
                random.shuffle(order)  # neither build always runs first (after the other's page-cache writeback)
                round_times = {}
                for label in order:
                    out = work / ('%s-%s-%d' % (name, label, i))
                    argv = [str(trees[label] / 'bin' / tool)] + tool_args + (['--output_dir', str(out)]
                                                                             if tool == 'convert' else [])
                    os.sync()  # the last run's output written out before this one starts
                    result = convert_bench.run_once(argv)
                    if i > 0:  # the first round warms the page cache and the class-data archives
                        samples[label].append(result)
                        round_times[label] = result[0]
                    shutil.rmtree(out, ignore_errors=True)
                if i > 0:
                    ratios.append(round_times['after'] / round_times['before'])
            print('%s done' % name, file=sys.stderr, flush=True)
            rows.append((name, {label: (statistics.median(s[0] for s in runs), max(s[1] for s in runs))
                                for label, runs in samples.items()}, statistics.quantiles(ratios, n=4)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print('A/B: %d rounds after a warm-up, each running both builds in random order, whole process, %d CPUs; '
          'before %s, after %s' % (args.runs, os.cpu_count(), trees['before'], trees['after']))
    print()
    print('| case | before s | after s | after/before (median of rounds) | quartiles | before RSS MB | '
          'after RSS MB |')
    print('|---|---:|---:|---:|---:|---:|---:|')
    for name, result, (q1, median, q3) in rows:
        (bt, br), (at, ar) = result['before'], result['after']
        print('| %s | %.3f | %.3f | %.2f | %.2f to %.2f | %.0f | %.0f |' % (name, bt, at, median, q1, q3, br, ar))


if __name__ == '__main__':
    main()
