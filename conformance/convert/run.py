#!/usr/bin/env python3
"""Conformance of bin/convert: its IR, run in the real OpenVINO runtime, must compute what TensorFlow computes.

usage: conformance/convert/run.py [--only CASE[,CASE...]] [--keep]

For TF-Slim inception_v1 and resnet_v1_50 frozen graphs (random weights, fixed seed; made by
tools/models/make_convert_models.py into ${TFIR_BIG:-target/big-models}/convert when missing), each case:
  1. converts with ours (bin/convert) and with the original Model Optimizer (mo, PyPI openvino-dev 2024.6.0),
     same options, each timed as a whole process;
  2. runs each IR in both judges, OpenVINO 2024.6 (the release with mo) and the newest OpenVINO on PyPI
     (conformance/ov_runtimes.py: read_model, compile_model on CPU with INFERENCE_PRECISION_HINT=f32, since on
     CPUs with bf16 support OpenVINO otherwise computes in bf16, 0.4% off); ours must pass in both;
  3. runs 4 random images in [0, 255] (fixed seed) one by one (the IR is converted with -b 1) and compares with
     TensorFlow's output of the frozen graph on the same images preprocessed the TF-Slim way, (x/255-0.5)*2 for
     inception, x - [123.68,116.78,103.94] for resnet_v1, which the IR embeds through --mean_values/--scale:
     with --compress_to_fp16=False max abs diff <= 1e-4; with FP16 (mo's default) top-1 equal and <= 1e-2.
The same for testdata/convert/ops_zoo.pb (16x16 images, no preprocessing): every op family that
convert translates, in both layouts. And the seed's exact command, `--input_model ./inception_v1_inference_graph.pb
--input_checkpoint ./inception_v1.ckpt -b 1 --mean_value [127.5,127.5,127.5] --scale 127.5` (a V1 checkpoint
with the frozen graph's weights), run from the models' directory, FP16 by default; mo 2024.6's default TensorFlow
frontend fails on it (VariableV2), so mo is then run again with --use_legacy_frontend, as the line says.
The inference graph + checkpoint form for both nets, with V1 (NAME.ckpt) and V2 (NAME_v2.ckpt prefix: .index +
.data) checkpoints of the frozen graph's weights, `-b 1`, the net's --mean_values/--scale and
--compress_to_fp16=False, compared with TensorFlow's frozen graph (max abs diff <= 1e-4; ours only, mo is timed on
the frozen and seed cases). Every model case also checks the IR's names in OpenVINO (read_model): one input named
`input` of shape [1, size, size, 3], and the net's output reachable by its TF name (get_names()).
The committed TF2 SavedModels testdata/models/saved_model_tf2 (Keras), saved_model_tf2_calls (nested function
calls, multi-output ops, control dependencies) and saved_model_tf2_multi (two inputs, float and int64; three outputs:
MatMul, Size, ArgMax), and testdata/convert's grouped_conv_saved_model, embedding_saved_model (Keras Embedding,
ResourceGather with batch_dims), conv_transpose_saved_model and conv_transpose_dynamic_saved_model (Keras
Conv2DTranspose, no -b), keras3_export_saved_model and keras3_archive_saved_model (Keras 3's model.export and
ExportArchive: the captured variable handles only the object graph binds) and testdata/checkpoints/saved_model
(module_same_names_saved_model: a tf.Module whose layers' variables share names) are converted with
--saved_model_dir (function bodies inlined) and compared with the SavedModel's serving signature run by TensorFlow
on random inputs (unknown dims 1, then 3), every output: max abs diff <= 1e-5.
The same forms built under the nets' default arg scopes (tools/models/make_convert_models.py, arg_scope/: weight
decay, so the inference graphs have an L2 regularization loss per weight, sinks no input reaches): the seed's exact
command from that directory (ours and mo; FP16), summarize-graph's stdout on the inference graph byte for byte the
original's (59 outputs for inception_v1) and the convert command of its hint run exactly as printed (FP16), and
inception_v1, resnet_v1_50 and mobilenet_v1 with V1 and V2 checkpoints (FP32, ours).
The input/output cases (IO_CASES, graphs of tools/models/make_io_models.py in testdata/convert/): the order of
default outputs (by node name, as mo and ovc) and of --output, `--input 0:mul --input_shape [1,8]` with another
Placeholder still needed (a further input, as mo), and a TF2 frozen graph whose unused_control_flow_input
Placeholders nothing reads (no inputs: --input_shape is for `x` alone); ours (both runtimes) and mo in FP32, every
output by position against TensorFlow (<= 1e-5) and named as expected.
Another case converts a graph with op types no translator handles (tf.raw_ops.Igamma, Zeta): convert must exit 1,
list every unsupported op type with its nodes on one line, and write no file.

One line per case (PASS/FAIL, ours in each runtime and mo: max abs diff, top-1 matches, conversion time, the ratio
mo/ours), then
`N passed, N failed`; the exit status is 1 if any case failed, 2 for a set-up error.
Environment: TFIR_VENV (the venv with openvino-dev and TensorFlow, made by tools/python/venv.sh; default .venv),
TFIR_VENV_LATEST (the newest OpenVINO, made by tools/python/venv.sh --latest; default .venv-latest),
TFIR_BIG (generated models' root), TFIR_CONVERT (the command under test, default bin/convert).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# TensorFlow's references without oneDNN's graph rewrites: on this CPU they moved a BERT-like graph's output by
# 0.35, and OpenVINO's IRs matched plain TensorFlow.
os.environ['TF_ENABLE_ONEDNN_OPTS'] = '0'
sys.path.insert(0, str(REPO / 'conformance'))
import ov_runtimes  # noqa: E402
SEED = 20240601
IMAGES = 4
FP32_LIMIT = 1e-4
FP16_LIMIT = 1e-2

MODELS = {
    # every op family convert translates, in both layouts (committed, made by make_convert_models.py --fixtures)
    'ops_zoo': dict(file=REPO / 'testdata/convert/ops_zoo.pb', output='output', size=16, options=['-b', '1'],
                    preprocess=lambda x: x),
    'inception_v1': dict(file='inception_v1_frozen.pb', output='InceptionV1/Logits/Predictions/Reshape_1', size=224,
                         # the seed's options (docs: Converting TF-Slim models) on the frozen graph
                         options=['-b', '1', '--mean_value', '[127.5,127.5,127.5]', '--scale', '127.5'],
                         preprocess=lambda x: (x / 255.0 - 0.5) * 2.0),
    # constants f16 cannot hold and constant subexpressions (issue 13, item 2); inputs in [0, 1] by --scale 255
    'tiny_constants': dict(file=REPO / 'testdata/convert/tiny_constants.pb', output='output', size=16,
                           options=['-b', '1', '--scale', '255'], preprocess=lambda x: x / 255.0),
    # a Keras model of grouped convolutions (Conv2D groups > 1 in XLA function calls, dilated, Conv1D), frozen as
    # TF2 freezes Keras models (issue 13, item 6); 8 channels. mo 2024.6 fails on it (the dilated grouped
    # convolution's SpaceToBatch hides the groups from its shape inference): reported, not held against ours
    'grouped_conv': dict(file=REPO / 'testdata/convert/grouped_conv_frozen.pb', output='Identity', size=16,
                         channels=8, options=['-b', '1', '--scale', '255'], preprocess=lambda x: x / 255.0,
                         mo_fails=True),
    'resnet_v1_50': dict(file='resnet_v1_50_frozen.pb', output='resnet_v1_50/predictions/Reshape_1', size=224,
                         options=['-b', '1', '--mean_values', '[123.68,116.78,103.94]'],
                         preprocess=lambda x: x - [123.68, 116.78, 103.94]),
}
TIMEOUT = 600  # seconds for one conversion
SEED_COMMAND = ['--input_model', './inception_v1_inference_graph.pb', '--input_checkpoint', './inception_v1.ckpt',
                '-b', '1', '--mean_value', '[127.5,127.5,127.5]', '--scale', '127.5']
# inference graph + checkpoint (V1 and V2) of the same weights as the frozen graph: (case suffix, checkpoint file)
CHECKPOINT_NETS = ('inception_v1', 'resnet_v1_50')
CHECKPOINT_FORMS = (('ckpt-v1', '%s.ckpt'), ('ckpt-v2', '%s_v2.ckpt'))
# built under the nets' default arg scopes (weight decay: an L2 regularization loss per weight, sinks no input reaches)
ARG_SCOPE_NETS = ('inception_v1', 'resnet_v1_50', 'mobilenet_v1_1.0_224')
ARG_SCOPE_MODELS = {'mobilenet_v1_1.0_224': dict(MODELS['inception_v1'], output='MobilenetV1/Predictions/Reshape_1')}
# graphs of the input/output cases (committed, made by tools/models/make_io_models.py --fixtures): the options, each
# IR input's name with the TF tensor it feeds and its shape (and its dtype, when not float32), and the outputs in the order mo and ovc give them (by
# node name), checked by position against TensorFlow, ours and mo
IO_CASES = {
    'outputs-order': dict(file='outputs_order.pb', args=[], feeds=[('input', 'input:0', [1, 8])],
                          outputs=['Head/probs', 'a/z', 'aux', 'head-b', 'head_1', 'logits', 'mul_1']),
    'outputs-order-given': dict(file='outputs_order.pb', args=['--output', 'mul_1,logits,aux'],
                                feeds=[('input', 'input:0', [1, 8])], outputs=['mul_1', 'logits', 'aux']),
    'input-port-further-input': dict(file='cut_port.pb', args=['--input', '0:mul', '--input_shape', '[1,8]'],
                                     feeds=[('0:mul', 'relu:0', [1, 8]), ('input_1', 'input_1:0', [1, 8])],
                                     outputs=['out']),
    'unread-placeholders': dict(file='unused_inputs.pb', args=['--output', 'Identity_1', '--input_shape', '[1,12,8]'],
                                feeds=[('x', 'x:0', [1, 12, 8])], outputs=['Identity_1']),
    # an op added in the op table's one-line form (issue 15), made by make_convert_models.py
    'op-softsign': dict(file='softsign.pb', args=['--input_shape', '[2,6]'], feeds=[('input', 'input:0', [2, 6])],
                        outputs=['output']),
    # a graph frozen with its tf.data pipeline: the iterator's outputs are the inputs, as mo and ovc make them
    'iterator-outputs-as-inputs': dict(file='iterator_input.pb', args=[],
                                       feeds=[('IteratorGetNext:0', 'IteratorGetNext:0', [2, 5]),
                                              ('IteratorGetNext:1', 'IteratorGetNext:1', [2])], outputs=['out']),
    # graphs frozen with TF1 queue pipelines (train.shuffle_batch, a FIFOQueue's dequeue; train.batch with
    # allow_smaller_final_batch): the dequeued tensors are the inputs; ovc has no QueueDequeueManyV2, mo no
    # RandomShuffleQueueV2 nor a QueueDequeueUpToV2 of this form
    'queue-outputs-as-inputs': dict(file='queue_input.pb', args=[],
                                    feeds=[('shuffle_batch:0', 'shuffle_batch:0', [2, 5]),
                                           ('shuffle_batch:1', 'shuffle_batch:1', [2], 'int32'),
                                           ('scale:0', 'scale:0', [])], outputs=['out']),
    'queue-up-to-as-inputs': dict(file='queue_up_to_input.pb', args=[], feeds=[('batch:0', 'batch:0', [3, 5])],
                                  outputs=['out']),
}
IO_LIMIT = 1e-5
UNSUPPORTED = dict(file=REPO / 'testdata/convert/unsupported_ops.pb',
                   expected="the model uses 2 op types that convert cannot translate: Igamma (2 nodes: 'gamma_low', "
                            "'gamma_high'), Zeta (node 'zeta');")


def reexec_in_venv(script=__file__):
    """Runs `script` again with the venv's Python when this one lacks openvino or TensorFlow."""
    try:
        import openvino  # noqa: F401
        import tensorflow  # noqa: F401
        return
    except ImportError:
        pass
    python = Path(os.environ.get('TFIR_VENV', REPO / '.venv')) / 'bin' / 'python'
    if not python.exists() or os.environ.get('TFIR_CONVERT_REEXEC'):
        sys.exit('run.py: no openvino/tensorflow here and no venv at %s (run tools/python/venv.sh)' % python)
    env = dict(os.environ, TFIR_CONVERT_REEXEC='1')
    os.execve(str(python), [str(python), str(Path(script).resolve())] + sys.argv[1:], env)


def models_dir():
    big = Path(os.environ.get('TFIR_BIG', REPO / 'target' / 'big-models'))
    directory = big / 'convert'
    made_by = {}
    for net in CHECKPOINT_NETS:
        for file in (net + '_frozen.pb', net + '_inference_graph.pb', net + '.ckpt', net + '_v2.ckpt.index'):
            made_by[file] = net + '_frozen.pb'
    for net in ARG_SCOPE_NETS:
        for file in ('_frozen.pb', '_inference_graph.pb', '.ckpt', '_v2.ckpt.index'):
            made_by['arg_scope/' + net + file] = 'arg_scope/' + net + '_frozen.pb'
    missing = sorted({model for file, model in made_by.items() if not (directory / file).exists()})
    if missing:
        print('making %s in %s' % (', '.join(missing), directory), flush=True)
        subprocess.run([sys.executable, str(REPO / 'tools/models/make_convert_models.py'), '--out', str(directory),
                        '--only', ','.join(missing)], check=True)
    return directory


def timed(command, cwd=None):
    """(CompletedProcess, seconds); a run longer than TIMEOUT is killed and gets returncode None."""
    start = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        done = subprocess.CompletedProcess(command, None, '', 'killed after %d s' % TIMEOUT)
    return done, time.perf_counter() - start


def run_mo(model_args, mo_dir, cwd):
    """mo, with its legacy frontend if its default one fails; a run that hangs is killed and started again once
    (mo deadlocked at start when OpenVINO's telemetry forked from a thread: tools/python/venv.sh opts out of
    telemetry, this is the safety net). (done, seconds, note)."""
    command = [str(Path(sys.executable).parent / 'mo')] + model_args + ['--output_dir', str(mo_dir)]
    note = ''
    for attempt in range(2):
        mo, seconds = timed(command, cwd)
        if mo.returncode not in (None, 0):
            mo, seconds = timed(command + ['--use_legacy_frontend'], cwd)
            note = ' (its default frontend failed; legacy frontend)'
        if mo.returncode is not None:
            break
        note += ' (a run hung and was killed)'
    return mo, seconds, note


def ours_result(model, ours_dir, stem, fp16, images, want, ours_time):
    """Checks our IR's outputs and names in both runtimes; (passed, text)."""
    limit = FP16_LIMIT if fp16 else FP32_LIMIT
    passed, texts = True, []
    for run in image_runs(ours_dir / (stem + '.xml'), images):
        diff, top1 = compare(run.outputs[0][1], want)
        problems = name_problems(run, model)
        passed = passed and diff <= limit and (not fp16 or top1 == IMAGES) and not problems
        texts.append('%s max abs diff %.3g, top-1 %d/%d, names %s' % (run.label, diff, top1, IMAGES,
                                                                      '; '.join(problems) or 'ok'))
    return passed, 'ours (limit %g): %s, %.2f s' % (limit, ', '.join(texts), ours_time)


def tf_reference(model_file, output, images):
    import numpy as np
    return run_frozen(model_file, {'input:0': images.astype(np.float32)}, output + ':0')


def run_frozen(model_file, feeds, fetches):
    """TensorFlow's values of `fetches` (tensor names) in a frozen graph, `feeds` by tensor name."""
    import tensorflow as tf
    graph_def = tf.compat.v1.GraphDef()
    graph_def.ParseFromString(Path(model_file).read_bytes())
    graph = tf.Graph()
    with graph.as_default():
        tf.import_graph_def(graph_def, name='')
    with tf.compat.v1.Session(graph=graph) as session:
        return session.run(fetches, feeds)


def image_runs(xml, images):
    """The IR in both runtimes on the images one by one (a batch of one each)."""
    return ov_runtimes.run_ir(xml, [image[None] for image in images])


def compare(got, want):
    import numpy as np
    top1 = (got.reshape(len(got), -1).argmax(1) == want.reshape(len(want), -1).argmax(1)).sum()
    return float(np.abs(got - want).max()), int(top1)


def name_problems(run, model):
    """The IR's interface as users find it by name in a runtime: one input `input` [1, size, size, 3], the output by
    its TF name."""
    problems = []
    shape = [1, model['size'], model['size'], model.get('channels', 3)]
    if len(run.inputs) != 1 or 'input' not in run.inputs[0][0]:
        problems.append('inputs %s, expected one named input' % [names for names, _ in run.inputs])
    elif run.inputs[0][1] != shape:
        problems.append('input shape %s, expected %s' % (run.inputs[0][1], shape))
    if run.output(model['output']) is None:
        problems.append('no output named %s (outputs %s)' % (model['output'], [names for names, _ in run.outputs]))
    return problems


def run_model_case(name, model, model_args, stem, fp16, work, cwd=None, with_mo=True):
    """Converts with ours and with mo (with mo's legacy frontend if its default one fails), runs both IRs and
    TensorFlow on the same images, and checks ours (outputs and names). Without `with_mo`, ours only."""
    import numpy as np
    size = model['size']
    images = np.random.default_rng(SEED).uniform(0, 255, (IMAGES, size, size, model.get('channels', 3))).astype(
        np.float32)
    ours_dir, mo_dir = work / ('ours-' + name), work / ('mo-' + name)
    ours, ours_time = timed([os.environ.get('TFIR_CONVERT', str(REPO / 'bin/convert'))] + model_args
                            + ['--output_dir', str(ours_dir)], cwd)
    if ours.returncode != 0:
        return False, 'conversion failed: ours exit %s %s' % (ours.returncode, ours.stderr.strip()[-300:])
    want = tf_reference(model['path'], model['output'], model['preprocess'](images))
    passed, detail = ours_result(model, ours_dir, stem, fp16, images, want, ours_time)
    if not with_mo:
        return passed, detail
    mo, mo_time, mo_note = run_mo(model_args, mo_dir, cwd)
    if mo.returncode != 0:
        return passed and model.get('mo_fails', False), '%s | mo%s exit %s %s' % (
            detail, mo_note, mo.returncode, mo.stderr.strip()[-300:])
    mo_run = ov_runtimes.infer_apart(mo_dir / (stem + '.xml'), [image[None] for image in images])
    mo_diff, mo_top1 = compare(mo_run.outputs[0][1], want)
    return passed, '%s | mo%s (in OV 2024.6): max abs diff %.3g, top-1 %d/%d, %.2f s | mo/ours time x%.1f' % (
        detail, mo_note, mo_diff, mo_top1, IMAGES, mo_time, mo_time / ours_time)


def run_hint_case(name, model, stem, work, cwd):
    """summarize-graph on the seed's inference graph: stdout byte for byte the original summarize_graph.py's; then,
    with the checkpoint, the convert command of its hint (stderr) run exactly as printed, and its IR checked."""
    import shlex
    summarize = str(REPO / 'bin/summarize-graph')
    graph = ['--input_model', './%s.pb' % stem]
    ours = subprocess.run([summarize] + graph, capture_output=True, text=True, cwd=cwd)
    original = subprocess.run([sys.executable, str(REPO / 'conformance/run_original.py')] + graph,
                              capture_output=True, text=True, cwd=cwd)
    if ours.stdout != original.stdout or ours.returncode != 0:
        return False, 'summarize-graph stdout differs from the original\'s (exit %s)' % ours.returncode
    hint = subprocess.run([summarize] + graph + ['--input_checkpoint', './inception_v1.ckpt'], capture_output=True,
                          text=True, cwd=cwd).stderr
    command = [line.strip() for line in hint.splitlines() if line.strip().startswith('convert ')]
    if len(command) != 1:
        return False, 'no convert command in the hint: %s' % hint.strip()
    args = shlex.split(command[0])[1:]
    passed, detail = run_model_case(name, model, args, stem, True, work, cwd, with_mo=False)
    return passed, 'summarize-graph stdout = the original\'s (%d outputs); hint `%s`: %s' % (
        len(ours.stdout.splitlines()) - 3, command[0], detail)


def run_io_case(name, work):
    """Ours (in both runtimes) and mo (in OV 2024.6) on a small graph of IO_CASES, FP32: every IR output by position
    against TensorFlow's fetch of the case's outputs in that order, and named as that output (mo's order is checked
    and shown too, as it runs)."""
    import numpy as np
    import tensorflow as tf
    case = IO_CASES[name]
    model = REPO / 'testdata/convert' / case['file']
    args = ['--input_model', str(model)] + case['args'] + ['--compress_to_fp16=False']
    rng = np.random.default_rng(SEED)
    feeds = [(ir_name, tensor, rng.integers(0, 5, shape).astype(dtype[0]) if dtype
              else rng.uniform(-1, 1, shape).astype(np.float32)) for ir_name, tensor, shape, *dtype in case['feeds']]
    graph_def = tf.compat.v1.GraphDef()
    graph_def.ParseFromString(model.read_bytes())
    graph = tf.Graph()
    with graph.as_default():
        tf.import_graph_def(graph_def, name='')
    with tf.compat.v1.Session(graph=graph) as session:
        want = session.run([output + ':0' for output in case['outputs']],
                           {tensor: value for _, tensor, value in feeds})
    ir_feed = [{ir_name: value for ir_name, _, value in feeds}]
    ours_dir, mo_dir = work / ('ours-' + name), work / ('mo-' + name)
    done, seconds = timed([os.environ.get('TFIR_CONVERT', str(REPO / 'bin/convert'))] + args
                          + ['--output_dir', str(ours_dir)])
    if done.returncode != 0:
        return False, 'ours exit %s %s' % (done.returncode, done.stderr.strip()[-300:])
    passed, texts = True, []
    for run in ov_runtimes.run_ir(ours_dir / (model.stem + '.xml'), ir_feed):
        ok, text = io_result(run, case, want)
        passed = passed and ok
        texts.append(text)
    detail = 'ours (limit %g): %s, %.2f s' % (IO_LIMIT, ', '.join(texts), seconds)
    mo, mo_time, mo_note = run_mo(args, mo_dir, None)
    if mo.returncode != 0:
        return passed, '%s | mo%s exit %s %s' % (detail, mo_note, mo.returncode, mo.stderr.strip()[-300:])
    mo_xml = mo_dir / (model.stem + '.xml')
    try:
        _, mo_text = io_result(ov_runtimes.infer_apart(mo_xml, [mo_names(mo_xml, ir_feed[0])]), case, want)
    except RuntimeError as error:  # mo's IR cannot take the case's feed (a batch it fixed)
        mo_text = 'OV 2024.6 cannot run it: %s' % str(error).strip().splitlines()[-1][-200:]
    return passed, '%s | mo%s: %s, %.2f s' % (detail, mo_note, mo_text, mo_time)


def mo_names(xml, feed):
    """The feed keyed by the names mo gives the inputs: a Placeholder's tensor name `name:0`, not its node name."""
    import openvino as ov
    names = set().union(*(i.get_names() for i in ov.Core().read_model(str(xml)).inputs))
    return {key if key in names else key + ':0': value for key, value in feed.items()}


def io_result(run, case, want):
    """(passed, text): the run's outputs in the case's order by name, and each against TensorFlow's."""
    import numpy as np
    names = [names for names, _ in run.outputs]
    problems = ['output %d is %s, expected %s' % (i, names[i] if i < len(names) else 'missing', expected)
                for i, expected in enumerate(case['outputs'])
                if i >= len(names) or not {expected, expected + ':0'} & set(names[i])]
    if len(names) != len(case['outputs']):
        problems.append('%d outputs, expected %d' % (len(names), len(case['outputs'])))
    diff = max((float(np.abs(values - w).max()) if values.shape == w.shape else float('inf')
                for (_, values), w in zip(run.outputs, want)), default=float('inf'))
    return not problems and diff <= IO_LIMIT, '%s %d outputs %s, max abs diff %.3g' % (
        run.label, len(names), '; '.join(problems) or 'in order', diff)


SAVED_MODELS = {name: REPO / 'testdata/models' / name
                for name in ('saved_model_tf2', 'saved_model_tf2_calls', 'saved_model_tf2_multi')}
for name in ('grouped_conv_saved_model', 'embedding_saved_model', 'conv_transpose_saved_model',
             'conv_transpose_dynamic_saved_model', 'keras3_export_saved_model', 'keras3_archive_saved_model'):
    SAVED_MODELS[name] = REPO / 'testdata/convert' / name
# a tf.Module whose two layers' variables have the same names (kernel, bias): bound by the object graph alone
SAVED_MODELS['module_same_names_saved_model'] = REPO / 'testdata/checkpoints/saved_model'
UNKNOWN_DIMS = (1, 3)   # each SavedModel runs twice: its unknown dims (batch, dynamic sizes) 1, then 3
SAVED_MODEL_LIMIT = 1e-5


def signature_inputs(serve, rng, unknown):
    """Random values for every input of a serving signature (unknown dims `unknown`): floats in [-1, 1), integers in
    [0, 10), by the input's key."""
    import numpy as np
    values = {}
    for key, spec in serve.structured_input_signature[1].items():
        shape = [unknown if dim is None else dim for dim in spec.shape]
        dtype = spec.dtype.as_numpy_dtype
        values[key] = (rng.uniform(-1, 1, shape) if spec.dtype.is_floating else rng.integers(0, 10, shape)).astype(
            dtype)
    return values


def run_saved_model_case(name, work):
    """Ours only (FP32) on a committed TF2 SavedModel, against its serving signature in TensorFlow: every output,
    found in the IR by its signature key (as mo names it) and by Identity, Identity_1, ... in the order of the keys
    (as summarize-graph lists them)."""
    import numpy as np
    import tensorflow as tf
    directory = SAVED_MODELS[name]
    out_dir = work / name
    done, seconds = timed([os.environ.get('TFIR_CONVERT', str(REPO / 'bin/convert')), '--saved_model_dir',
                           str(directory), '--compress_to_fp16=False', '--output_dir', str(out_dir)])
    if done.returncode != 0:
        return False, 'conversion failed: exit %d %s' % (done.returncode, done.stderr.strip()[-300:])
    serve = tf.saved_model.load(str(directory)).signatures['serving_default']
    texts = []
    for unknown in UNKNOWN_DIMS:
        values = signature_inputs(serve, np.random.default_rng(SEED), unknown)
        want = serve(**{key: tf.constant(value) for key, value in values.items()})
        ok, text = compare_saved_model(out_dir, values, want)
        if not ok:
            return False, 'unknown dims %d: %s' % (unknown, text)
        texts.append('unknown dims %d: %s' % (unknown, text))
    return True, 'ours: %s (limit %g), %.2f s' % ('; '.join(texts), SAVED_MODEL_LIMIT, seconds)


def compare_saved_model(out_dir, values, want):
    """(passed, text): the IR in both runtimes on `values` against the signature's outputs `want`."""
    import numpy as np
    texts = []
    for run in ov_runtimes.run_ir(out_dir / 'saved_model.xml', [values]):
        diff = 0.0
        for port, key in enumerate(sorted(want)):
            identity = 'Identity' if port == 0 else 'Identity_%d' % port
            for name in (key, identity):
                if run.output(name) is None:
                    return False, '%s: the IR has no output named %s (signature output %s)' % (run.label, name, key)
                diff = max(diff, float(np.abs(run.output(name).astype(np.float64) - want[key].numpy()).max()))
        if diff > SAVED_MODEL_LIMIT:
            return False, '%s: max abs diff %.3g > %g' % (run.label, diff, SAVED_MODEL_LIMIT)
        texts.append('%s max abs diff %.3g' % (run.label, diff))
    return True, '%d output(s), %s' % (len(want), ', '.join(texts))


def run_unsupported_case(work):
    out_dir = work / 'unsupported'
    out_dir.mkdir()
    done, _ = timed([os.environ.get('TFIR_CONVERT', str(REPO / 'bin/convert')), '--input_model',
                     str(UNSUPPORTED['file']), '--output_dir', str(out_dir)])
    problems = []
    if done.returncode != 1:
        problems.append('exit %d, expected 1' % done.returncode)
    lines = done.stderr.strip().splitlines()
    if len(lines) != 1:
        problems.append('%d lines on stderr, expected 1' % len(lines))
    if UNSUPPORTED['expected'] not in done.stderr:
        problems.append('the list is not "%s": %s' % (UNSUPPORTED['expected'], done.stderr.strip()))
    files = sorted(p.name for p in out_dir.iterdir())
    if files:
        problems.append('files written: %s' % ', '.join(files))
    return not problems, '; '.join(problems) if problems else 'exit 1, ' + lines[0][:160]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--only', help='cases to run, e.g. inception_v1-fp32,unsupported')
    parser.add_argument('--keep', action='store_true', help='keep the converted IRs (their directory is printed)')
    args = parser.parse_args()
    reexec_in_venv()
    os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
    if not Path(os.environ.get('TFIR_CONVERT', REPO / 'bin/convert')).exists() or \
            not (REPO / 'convert/target/convert.jar').exists():
        print('run.py: bin/convert is not built; run: mvn -B -q package -DskipTests', file=sys.stderr)
        return 2
    directory = models_dir()
    cases = []
    for name, model in MODELS.items():
        model = dict(model, path=directory / model['file'])
        for fp16 in (False, True):
            command = ['--input_model', str(model['path'])] + model['options'] + ['--compress_to_fp16=%s' % fp16]
            cases.append(('%s-%s' % (name, 'fp16' if fp16 else 'fp32'), model, command, model['path'].stem, fp16,
                          None, True))
    for name in CHECKPOINT_NETS:
        model = dict(MODELS[name], path=directory / MODELS[name]['file'])
        for form, checkpoint in CHECKPOINT_FORMS:
            command = ['--input_model', str(directory / (name + '_inference_graph.pb')), '--input_checkpoint',
                       str(directory / (checkpoint % name))] + model['options'] + ['--compress_to_fp16=False']
            cases.append(('%s-%s-fp32' % (name, form), model, command, name + '_inference_graph', False, None, False))
    # the seed's exact command (docs: Converting TF-Slim models), from the directory of its files
    seed = dict(MODELS['inception_v1'], path=directory / MODELS['inception_v1']['file'])
    cases.append(('inception_v1-seed-command', seed, SEED_COMMAND, 'inception_v1_inference_graph', True, directory,
                  True))
    # the same on inference graphs built under the nets' default arg scopes (training-only sinks: L2 losses)
    arg_scope = directory / 'arg_scope'
    seed = dict(MODELS['inception_v1'], path=arg_scope / MODELS['inception_v1']['file'])
    cases.append(('arg-scope-seed-command', seed, SEED_COMMAND, 'inception_v1_inference_graph', True, arg_scope,
                  True))
    cases.append(('arg-scope-hint-command', seed, 'hint', 'inception_v1_inference_graph', True, arg_scope, False))
    for name in ARG_SCOPE_NETS:
        model = dict(ARG_SCOPE_MODELS.get(name, MODELS.get(name)), path=arg_scope / (name + '_frozen.pb'))
        for form, checkpoint in CHECKPOINT_FORMS:
            command = ['--input_model', str(arg_scope / (name + '_inference_graph.pb')), '--input_checkpoint',
                       str(arg_scope / (checkpoint % name))] + model['options'] + ['--compress_to_fp16=False']
            cases.append(('arg-scope-%s-%s-fp32' % (name, form), model, command, name + '_inference_graph', False,
                          None, False))
    cases += [(name, 'io', None, None, None, None, False) for name in IO_CASES]
    cases.append(('unsupported', None, None, None, None, None, False))
    cases += [(name, 'saved_model', None, None, None, None, False) for name in SAVED_MODELS]
    if args.only:
        wanted = set(args.only.split(','))
        cases = [c for c in cases if c[0] in wanted]
    work = Path(tempfile.mkdtemp(prefix='tfir-convert-'))
    passed = failed = 0
    try:
        for case, model, model_args, stem, fp16, cwd, with_mo in cases:
            if model is None:
                ok, detail = run_unsupported_case(work)
            elif model == 'saved_model':
                ok, detail = run_saved_model_case(case, work)
            elif model == 'io':
                ok, detail = run_io_case(case, work)
            elif model_args == 'hint':
                ok, detail = run_hint_case(case, model, stem, work, cwd)
            else:
                ok, detail = run_model_case(case, model, model_args, stem, fp16, work, cwd, with_mo)
            passed, failed = passed + ok, failed + (not ok)
            print('%s %s: %s' % ('PASS' if ok else 'FAIL', case, detail), flush=True)
    finally:
        if args.keep:
            print('IRs kept in %s' % work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
