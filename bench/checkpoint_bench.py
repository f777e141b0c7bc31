#!/usr/bin/env python3
"""Whole-process benchmark of tfir's checkpoint reader: reading every tensor of a big checkpoint against `cat` of
the same files to /dev/null, in the same run.

Usage (from the repository root, after `mvn -B -q package -DskipTests` and `tools/python/venv.sh`):
    .venv/bin/python bench/checkpoint_bench.py [--runs 3] [--big-dir ${TFIR_BIG:-target/big-models}] [--no-v1]

The checkpoint: TF-Slim vgg_16 (138M parameters, about 550 MB; its largest tensor, fc6/weights, 411 MB) with random
weights (fixed seed), saved by real TensorFlow (tf.compat.v1.train.Saver) as V2 (and as V1 unless --no-v1) into
BIG_DIR/bench/ on first use, with its inference graph. Commands timed, each as a whole process, median of --runs
runs after one warm-up run (page cache warm for all):
  * cat: `cat` of the checkpoint's files to /dev/null (the issue's baseline; GNU cat 9.1, checked with strace,
    read()s 128 KiB at a time into user space and write()s to /dev/null, which copies nothing);
  * dd: `dd bs=1M` of each file to /dev/null (read() of every byte into user space 1 MiB at a time: the same work,
    by another tool, as a cross-check of the baseline);
  * list: `summarize-graph --input_checkpoint CKPT --list_variables` (the index only: JVM start-up plus the
    listing, the floor of any tfir command);
  * verify: `summarize-graph --input_checkpoint CKPT --list_variables --verify` (reads every tensor and checks its
    CRC32C); again with TFIR_JAVA_OPTS=-XX:+UseTransparentHugePages (huge pages for the Java heap; the values
    themselves are mapped from the files, so it changes little since);
  * freeze: `summarize-graph --input_model vgg_16_inference_graph.pb --input_checkpoint CKPT --save_frozen FILE`
    (reads every tensor and writes the 550 MB frozen graph).
Reports wall time, the ratio to cat (target for verify: <= 2x) and the peak RSS of the process (os.wait4; target for
verify: <= largest tensor + 200 MB), and the time of reading the values alone (verify minus list) against cat and dd.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 20240601
MB = 2 ** 20


def make_checkpoints(directory, v1):
    """The vgg_16 inference graph and its V2 (and V1) checkpoint, by real TensorFlow, into directory."""
    sys.path.insert(0, os.path.join(REPO, 'tools', 'models'))
    import make_models  # the TF-Slim nets as export_inference_graph.py builds them
    tf = make_models._tf1_graph_mode()
    graph = make_models.slim_inference_graph('vgg_16', SEED)
    os.makedirs(directory, exist_ok=True)
    make_models.write_graph_def(graph.as_graph_def(), os.path.join(directory, 'vgg_16_inference_graph.pb'))
    with graph.as_default(), tf.compat.v1.Session(graph=graph) as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        versions = [('vgg_16_v2.ckpt', 'V2')] + ([('vgg_16.ckpt', 'V1')] if v1 else [])
        for name, version in versions:
            saver = tf.compat.v1.train.Saver(write_version=getattr(tf.compat.v1.train.SaverDef, version))
            saver.save(sess, os.path.join(directory, name), write_meta_graph=False)


def checkpoint_files(prefix):
    directory, base = os.path.split(prefix)
    return sorted(os.path.join(directory, f) for f in os.listdir(directory)
                  if f == base or f.startswith(base + '.index') or f.startswith(base + '.data-'))


def run_once(argv, env=None):
    """Runs argv to completion; returns (seconds, peak RSS in MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO, env=env)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit('%s failed: %s' % (' '.join(argv), err.decode(errors='replace')[-500:]))
    return elapsed, usage.ru_maxrss / 1024.0


def measure(argv, runs, env=None):
    run_once(argv, env)  # warm-up: page cache, class-data archive
    results = [run_once(argv, env) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--runs', type=int, default=3)
    parser.add_argument('--big-dir', default=os.environ.get('TFIR_BIG', os.path.join(REPO, 'target', 'big-models')))
    parser.add_argument('--no-v1', action='store_true', help='only the V2 checkpoint')
    args = parser.parse_args()
    directory = os.path.join(os.path.abspath(args.big_dir), 'bench')
    forms = [('V2', 'vgg_16_v2.ckpt')] + ([] if args.no_v1 else [('V1', 'vgg_16.ckpt')])
    if not os.path.isdir(directory) or not all(checkpoint_files(os.path.join(directory, name)) for _, name in forms):
        print('making the vgg_16 checkpoints in %s (real TensorFlow)' % directory, flush=True)
        make_checkpoints(directory, not args.no_v1)
    ours = os.path.join(REPO, 'bin', 'summarize-graph')
    graph = os.path.join(directory, 'vgg_16_inference_graph.pb')
    largest = 7 * 7 * 512 * 4096 * 4 / MB  # vgg_16/fc6/weights, float32
    print('| checkpoint | files MB | command | s (median of %d) | x cat | peak RSS MB |' % args.runs)
    print('|---|---|---|---|---|---|')
    with tempfile.TemporaryDirectory(prefix='tfir-bench-', dir=directory) as tmp:
        for form, name in forms:
            prefix = os.path.join(directory, name)
            files = checkpoint_files(prefix)
            size = sum(os.path.getsize(f) for f in files) / MB
            cat_s, cat_rss = measure(['sh', '-c', 'cat "$@" > /dev/null', 'cat'] + files, args.runs)
            rows = [('cat > /dev/null', cat_s, cat_rss)]
            dd_s, dd_rss = measure(['sh', '-c', 'for f; do dd if="$f" of=/dev/null bs=1M status=none; done', 'dd']
                                   + files, args.runs)
            rows.append(('dd bs=1M > /dev/null (read into user space)', dd_s, dd_rss))
            list_s, list_rss = measure([ours, '--input_checkpoint', prefix, '--list_variables'], args.runs)
            rows.append(('--list_variables (index only: JVM start-up floor)', list_s, list_rss))
            verify_s, verify_rss = measure([ours, '--input_checkpoint', prefix, '--list_variables', '--verify'],
                                           args.runs)
            rows.append(('--list_variables --verify', verify_s, verify_rss))
            thp = dict(os.environ, TFIR_JAVA_OPTS='-XX:+UseTransparentHugePages')
            thp_s, thp_rss = measure([ours, '--input_checkpoint', prefix, '--list_variables', '--verify'], args.runs,
                                     env=thp)
            rows.append(('--verify, TFIR_JAVA_OPTS=-XX:+UseTransparentHugePages', thp_s, thp_rss))
            freeze_s, freeze_rss = measure([ours, '--input_model', graph, '--input_checkpoint', prefix,
                                            '--save_frozen', os.path.join(tmp, 'frozen.pb')], args.runs)
            rows.append(('--save_frozen', freeze_s, freeze_rss))
            for label, seconds, rss in rows:
                print('| %s | %.0f | %s | %.2f | %.2f | %.0f |' % (form, size, label, seconds, seconds / cat_s, rss))
            print('%s: verify %.2fx cat (target <= 2x), peak RSS %.0f MB (target <= %.0f MB: largest tensor %.0f MB '
                  '+ 200 MB); reading the values alone (verify - list) %.2f s = %.2fx cat, %.2fx dd'
                  % (form, verify_s / cat_s, verify_rss, largest + 200, largest, verify_s - list_s,
                     (verify_s - list_s) / cat_s, (verify_s - list_s) / dd_s), flush=True)


if __name__ == '__main__':
    main()
