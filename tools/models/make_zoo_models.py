#!/usr/bin/env python3
"""Generate the TF-Slim classifiers of the model zoo suite (conformance/zoo/slim_cases.py) with real TensorFlow.

Each net is research/slim's export_inference_graph.py graph (make_models.slim_inference_graph: input `input`
float32 [None, size, size, 3]) with random weights calibrated like a trained net's and frozen to the net's output
(make_convert_models.make_slim_frozen): NAME_frozen.pb. For the nets in WITH_CHECKPOINT, also the form TF-Slim's
downloads come in, with the same weights: NAME_inference_graph.pb + NAME.ckpt (V1) + NAME_v2.ckpt (V2); for
those in WITH_SAVED_MODEL, a TF1 SavedModel NAME_saved_model/ with the same weights.
The nets: the tf_slim package's (alexnet_v2, overfeat, inception_v1/v2/v3, resnet_v1/v2 50/101/152, vgg_16/19)
and our own builders in tools/models/slim_nets/ (inception_v4, inception_resnet_v2, nasnet_mobile and
pnasnet_mobile (no top scope: their output is final_layer/predictions), mobilenet_v1 at every published multiplier
and resolution, mobilenet_v2 1.0 and 1.4).

The committed fixtures (--fixtures, testdata/slim/): inference graphs (no weights, so small) of one net per family
that testdata/models lacks, for the unit tests of summarize-graph's TF-Slim preprocessing hint.

Usage:
  python tools/models/make_zoo_models.py --out DIR [--only NAME_frozen.pb,...]
  python tools/models/make_zoo_models.py --list
  python tools/models/make_zoo_models.py --fixtures   # rewrites testdata/slim/
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_convert_models  # noqa: E402  (make_slim_frozen and the generator command line)
import make_models  # noqa: E402  (make_slim_inference_graph)
from slim_nets import mobilenet_v1, mobilenet_v2  # noqa: E402

TF_SLIM_NETS = ['alexnet_v2', 'overfeat', 'inception_v1', 'inception_v2', 'inception_v3'] + [
    'resnet_%s_%d' % (version, depth) for version in ('v1', 'v2') for depth in (50, 101, 152)] + ['vgg_16', 'vgg_19']
OWN_NETS = ['inception_v4', 'inception_resnet_v2', 'nasnet_mobile', 'pnasnet_mobile'] + [
    'mobilenet_v1_%s_%d' % (m, r) for m in mobilenet_v1.DEPTH_MULTIPLIERS for r in mobilenet_v1.RESOLUTIONS] + [
    'mobilenet_v2_%s_224' % m for m in mobilenet_v2.DEPTH_MULTIPLIERS]
NETS = TF_SLIM_NETS + OWN_NETS
# also as inference graph + V1 and V2 checkpoints
WITH_CHECKPOINT = ('inception_v3', 'resnet_v2_50', 'mobilenet_v1_1.0_224', 'mobilenet_v2_1.0_224')

# also as a TF1 SavedModel (NAME_saved_model/)
WITH_SAVED_MODEL = ('inception_v1', 'mobilenet_v1_1.0_224')

MODELS = {name + '_frozen.pb': make_convert_models.make_slim_frozen(name, checkpoint=name in WITH_CHECKPOINT,
                                                                    saved_model=name in WITH_SAVED_MODEL)
          for name in NETS}
FIXTURE_NETS = ('inception_v2', 'inception_v3', 'resnet_v2_50', 'vgg_19', 'alexnet_v2', 'overfeat',
                'mobilenet_v1_0.25_128', 'mobilenet_v2_1.4_224')
MODELS.update({name + '_inference_graph.pb': make_models.make_slim_inference_graph(name) for name in FIXTURE_NETS})

if __name__ == '__main__':
    make_convert_models.main(MODELS, __file__, __doc__, committed=[n + '_inference_graph.pb' for n in FIXTURE_NETS],
                             fixtures=make_convert_models.REPO / 'testdata' / 'slim')
