#!/usr/bin/env python3
"""Whole-process benchmark: tfir's summarize-graph against OpenVINO's summarize_graph.py, in the same run.

Usage (from the repository root, after `mvn -B -q package -DskipTests` and `tools/python/venv.sh`):
    .venv/bin/python bench/summarize_bench.py [--runs 5] [--big-dir target/big-models]

Models: the bundled inception_v1 inference graph and a frozen vgg_16 (about 550 MB, generated on first use by
tools/models/make_models.py --big). For each tool it reports the median wall time over --runs runs (after one
warm-up run that is not counted), the peak RSS of the process, and the ratio original / ours.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_once(argv):
    """Runs argv to completion; returns (seconds, peak RSS in MB, stdout)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=REPO)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed with exit code {proc.returncode}")
    return elapsed, usage.ru_maxrss / 1024.0, out


def measure(argv, runs):
    run_once(argv)  # warm-up: page cache, class-data archive
    results = [run_once(argv) for _ in range(runs)]
    return (statistics.median(r[0] for r in results), max(r[1] for r in results), results[-1][2])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--big-dir", default=os.path.join(REPO, "target", "big-models"))
    args = parser.parse_args()

    vgg = os.path.join(args.big_dir, "vgg_16_frozen.pb")
    if not os.path.exists(vgg):
        subprocess.run([sys.executable, os.path.join(REPO, "tools/models/make_models.py"), "--big",
                        "--only", "vgg_16_frozen", "--out", args.big_dir], check=True)
    models = [("inception_v1 inference graph", os.path.join(REPO, "examples/inception_v1_inference_graph.pb")),
              ("vgg_16 frozen", vgg)]
    original = [sys.executable, os.path.join(REPO, "conformance/run_original.py")]
    ours = [os.path.join(REPO, "bin/summarize-graph")]

    print(f"| model | file MB | summarize_graph.py s | tfir s | speed-up | tfir peak RSS MB | original peak RSS MB |")
    print("|---|---|---|---|---|---|---|")
    for label, path in models:
        size_mb = os.path.getsize(path) / 2**20
        o_time, o_rss, o_out = measure(original + ["--input_model", path], args.runs)
        t_time, t_rss, t_out = measure(ours + ["--input_model", path], args.runs)
        same = "" if o_out == t_out else " (OUTPUTS DIFFER)"
        print(f"| {label}{same} | {size_mb:.1f} | {o_time:.3f} | {t_time:.3f} | {o_time / t_time:.1f}x "
              f"| {t_rss:.0f} | {o_rss:.0f} |")


if __name__ == "__main__":
    main()
