"""Runs an OpenVINO IR in both of tfir's judges: OpenVINO 2024.6 (the last release with mo and summarize_graph.py,
this venv's, in-process) and the newest OpenVINO on PyPI (the venv of tools/python/venv.sh --latest, in a worker
process of its own Python). Every conformance suite that runs an IR runs it through `run_ir`, so an IR passes only
when it loads and computes right in both.

Both run on CPU with INFERENCE_PRECISION_HINT f32 (the CPU's default may be bf16), each feed on its own (a batch of
one), and give every output of the IR concatenated over the feeds.

Run as a script (by the newest runtime's Python): `ov_runtimes.py MODEL.xml FEEDS.npz OUT.npz` reads the feeds,
runs them and writes the outputs, with the model's interface and the runtime's version in OUT.npz's `meta` (JSON).

Environment: TFIR_VENV_LATEST (default <repo>/.venv-latest).
"""

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


@dataclass
class IrRun:
    """What one runtime made of an IR: its version, the inputs' names and shapes (-1 for a dynamic dimension; None
    for a dynamic rank), the outputs' names and values (each output concatenated over the feeds)."""
    runtime: str
    inputs: list    # [(sorted names, shape)]
    outputs: list   # [(sorted names, values)]

    def output(self, name):
        """The values of the output that has `name` among its tensor names (None when none has)."""
        return next((values for names, values in self.outputs if name in names), None)

    @property
    def label(self):
        """The runtime as the suites print it: 'OV 2024.6.0'."""
        return 'OV ' + self.runtime


def latest_python():
    venv = Path(os.environ.get('TFIR_VENV_LATEST', REPO / '.venv-latest'))
    python = venv / 'bin' / 'python'
    if not python.exists():
        raise RuntimeError('no newest-OpenVINO venv at %s (run tools/python/venv.sh --latest)' % venv)
    return python


def run_ir(xml, feeds):
    """[IrRun for OpenVINO 2024.6, IrRun for the newest]. `feeds`: a list of feeds run one by one, each an array
    for the first input or a dict {input name: array}, with the batch dimension the IR has. Each runtime runs in a
    child process: one that crashes on the IR raises RuntimeError, and the suite goes on."""
    return [infer_apart(xml, feeds), infer_in_latest(xml, feeds)]


def infer_in_latest(xml, feeds):
    return infer_in(latest_python(), xml, feeds)


def infer_apart(xml, feeds):
    """The IR in this process's OpenVINO, run in a child process: an IR that crashes the runtime (a segfault) is
    an error of that runtime, not the end of the suite."""
    return infer_in(Path(sys.executable), xml, feeds)


def infer_in(python, xml, feeds):
    """The IR in the OpenVINO of the given Python, in a child process."""
    import numpy as np
    with tempfile.TemporaryDirectory(prefix='tfir-ov-') as work:
        feeds_file, out_file = Path(work) / 'feeds.npz', Path(work) / 'out.npz'
        np.savez(feeds_file, **{'%d/%s' % (i, name): value for i, feed in enumerate(feeds)
                                for name, value in as_dict(feed).items()})
        done = subprocess.run([str(python), __file__, str(xml), str(feeds_file), str(out_file)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError('OpenVINO (%s) failed on %s (exit %s): %s' % (
                python, Path(xml).name, done.returncode, done.stderr.strip()[-600:] or 'no message'))
        with np.load(out_file) as out:
            meta = json.loads(str(out['meta']))
            outputs = [(names, out['out%d' % k]) for k, names in enumerate(meta['outputs'])]
    return IrRun(meta['runtime'], [tuple(i) for i in meta['inputs']], outputs)


def as_dict(feed):
    """A feed as {input name: array}; '#0' stands for the first input."""
    return feed if isinstance(feed, dict) else {'#0': feed}


def from_dict(feed):
    return feed['#0'] if list(feed) == ['#0'] else feed


def infer(xml, feeds):
    """The IR in this process's OpenVINO."""
    import openvino as ov
    core = ov.Core()
    model = core.read_model(str(xml))
    compiled = core.compile_model(model, 'CPU', {'INFERENCE_PRECISION_HINT': 'f32'})
    results = [compiled(feed if isinstance(feed, dict) else [feed]) for feed in feeds]
    outputs = [(sorted(output.get_names()), join([result[output] for result in results]))
               for output in compiled.outputs]
    inputs = [(sorted(i.get_names()), shape_of(i.get_partial_shape())) for i in model.inputs]
    return IrRun(ov.__version__.split('-')[0], inputs, outputs)


def join(values):
    """One output over the feeds: concatenated on the batch axis, or stacked where the output is a scalar, or
    flattened and concatenated where the feeds give shapes that differ beyond the batch axis (a tf.cond whose sides
    give different shapes)."""
    import numpy as np
    if values[0].ndim == 0:
        return np.stack(values)
    if any(value.shape[1:] != values[0].shape[1:] for value in values):
        return np.concatenate([value.ravel() for value in values])
    return np.concatenate(values)


def shape_of(partial):
    if partial.rank.is_dynamic:
        return None
    return [dim.get_length() if dim.is_static else -1 for dim in partial]


def main(xml, feeds_file, out_file):
    import numpy as np
    with np.load(feeds_file) as stored:
        feeds = {}
        for key in stored.files:
            index, name = key.split('/', 1)
            feeds.setdefault(int(index), {})[name] = stored[key]
    run = infer(xml, [from_dict(feeds[i]) for i in sorted(feeds)])
    meta = dict(runtime=run.runtime, inputs=run.inputs, outputs=[names for names, _ in run.outputs])
    np.savez(out_file, meta=np.array(json.dumps(meta)), **{'out%d' % k: values
                                                          for k, (_, values) in enumerate(run.outputs)})


if __name__ == '__main__':
    main(*sys.argv[1:4])
