"""The TF-Slim classifiers of the model zoo (conformance/zoo/run.py): every net of tools/models/make_zoo_models.py
as a frozen graph, the nets of its WITH_CHECKPOINT also as inference graph + V1 checkpoint (the form TF-Slim's
downloads come in), those of WITH_SAVED_MODEL as a TF1 SavedModel. Converted with `-b 1` and the mean/scale of OpenVINO's docs for the net's family (the
preprocessing the weights are calibrated for); the reference is TensorFlow running the frozen graph (the same
weights as the checkpoint) on the images preprocessed the TF-Slim way."""

import subprocess
import sys
from pathlib import Path

from zoo_case import ZooCase

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / 'tools/models'))
import make_models  # noqa: E402  (the nets' outputs and preprocessing)
import make_zoo_models  # noqa: E402  (the net list)

OPTIONS = {'inception': ['--mean_values', '[127.5,127.5,127.5]', '--scale', '127.5'],
           'vgg': ['--mean_values', '[123.68,116.78,103.94]']}
PREPROCESS = {'inception': lambda x: (x / 255.0 - 0.5) * 2.0,
              'vgg': lambda x: x - [123.68, 116.78, 103.94]}


def _generate_missing(directory, names):
    missing = [n + '_frozen.pb' for n in names if not (directory / (n + '_frozen.pb')).exists()
               or n in make_zoo_models.WITH_SAVED_MODEL and not (directory / (n + '_saved_model')).is_dir()]
    if missing:
        print('making %d TF-Slim nets in %s' % (len(missing), directory), flush=True)
        subprocess.run(['nice', sys.executable, str(REPO / 'tools/models/make_zoo_models.py'), '--out',
                        str(directory), '--only', ','.join(missing)], check=True)


def _reference(frozen, name):
    def reference(images):
        import convert_suite
        return convert_suite.tf_reference(frozen, make_models.slim_output(name),
                                          PREPROCESS[make_models.slim_preprocessing(name)](images))
    return reference


def cases(big, wanted=lambda model: True):
    """The rows of the nets `wanted` keeps (by row name), made first where missing."""
    directory = Path(big) / 'zoo'
    names = [name for name in make_zoo_models.NETS if wanted(name)]
    _generate_missing(directory, names)
    result = []
    for name in names:
        frozen = directory / (name + '_frozen.pb')
        options = ['-b', '1'] + OPTIONS[make_models.slim_preprocessing(name)]
        note = 'output: logits (no softmax)' if make_models.slim_output(name).endswith('squeezed') else ''
        forms = [('frozen', ['--input_model', str(frozen)], frozen.stem)]
        if name in make_zoo_models.WITH_CHECKPOINT:
            graph = directory / (name + '_inference_graph.pb')
            forms.append(('graph+ckpt', ['--input_model', str(graph), '--input_checkpoint',
                                         str(directory / (name + '.ckpt'))], graph.stem))
        if name in make_zoo_models.WITH_SAVED_MODEL:
            forms.append(('saved_model', ['--saved_model_dir', str(directory / (name + '_saved_model'))],
                          'saved_model'))
        for form, model_args, stem in forms:
            result.append(ZooCase(model=name, form=form, size=make_models.slim_image_size(name), convert_args=model_args + options,
                                  stem=stem, reference=_reference(frozen, name), mo_args=model_args + options,
                                  note=note))
    return result
