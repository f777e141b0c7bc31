#!/usr/bin/env python3
"""A sweep of keras-hub's backbones as a new user meets them (issue 18's "more of the same kinds"): each backbone
class with a tiny configuration and random weights, exported by Keras 3 (`model.export(..., 'tf_saved_model')`),
converted by bin/convert and run in both OpenVINO runtimes against TensorFlow's own run of the exported SavedModel.

usage: conformance/families/sweep_keras_hub.py [--only CLASS[,CLASS...]] [--keep]

Not in CI (about 2 min for all): the family zoo (run.py) holds the rows CI and the table run; this sweep looks for
what the zoo does not have. A backbone whose tiny configuration keras-hub refuses, or whose constructor needs
arguments the sweep does not know, is reported as not built, not as a converter's failure. Inputs: token ids
(int32, [2, 8]), a padding mask (the second row's last 3 tokens padded), segment ids 0 or 1; images [2, 64, 64, 3]
(or the backbone's own size); other float inputs random normal. Verdict per backbone: `ok` when every output of the
IR is within 1e-4 of TensorFlow's (relative to max(1, max |output|)) in both runtimes.
Exit status 1 when tfir fails on a backbone that built, or computes it wrong.
Environment: TFIR_VENV (this script's Python: TensorFlow, keras-hub), TFIR_VENV_LATEST, TFIR_CONVERT.
"""

import argparse
import inspect
import os
import sys
from pathlib import Path

os.environ['TF_ENABLE_ONEDNN_OPTS'] = '0'
os.environ.setdefault('KERAS_BACKEND', 'tensorflow')
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')
sys.path.insert(0, str(Path(__file__).resolve().parent))
import sweeps  # noqa: E402

SEED = 1
# values for the constructor arguments the backbones share
COMMON = dict(vocabulary_size=100, vocab_size=100, num_layers=2, num_heads=2, num_query_heads=4,
              num_key_value_heads=2, num_attention_heads=2, hidden_dim=32, intermediate_dim=64,
              max_sequence_length=64, head_dim=8, head_size=16, embedding_dim=32, num_groups=1,
              num_inner_repetitions=1, num_experts=4, top_k=2, moe_intermediate_dim=32,
              shared_expert_intermediate_dim=32)
# the arguments of the backbones whose structure needs more than COMMON
OWN = {
    'DenseNetBackbone': dict(stackwise_num_repeats=[2, 2], image_shape=(64, 64, 3)),
    'VGGBackbone': dict(stackwise_num_repeats=[1, 1], stackwise_num_filters=[8, 16], image_shape=(None, None, 3)),
    'ViTBackbone': dict(image_shape=(32, 32, 3), patch_size=8, mlp_dim=64),
    'XceptionBackbone': dict(stackwise_conv_filters=[[8, 16], [32, 32]], stackwise_pooling=[True, False],
                             image_shape=(64, 64, 3)),
    'MiTBackbone': dict(layerwise_depths=[1, 1], layerwise_num_heads=[1, 2], layerwise_sr_ratios=[4, 2],
                        max_drop_path_rate=0.1, layerwise_patch_sizes=[7, 3], layerwise_strides=[4, 2],
                        hidden_dims=[16, 32], image_shape=(64, 64, 3)),
    'ViTDetBackbone': dict(hidden_size=32, global_attention_layer_indices=[1], image_shape=(64, 64, 3),
                           patch_size=16, window_size=2),
    'WhisperBackbone': dict(max_encoder_sequence_length=64, max_decoder_sequence_length=32),
    'ResNetBackbone': dict(input_conv_filters=[64], input_conv_kernel_sizes=[7], stackwise_num_filters=[64, 128],
                           stackwise_num_blocks=[1, 1], stackwise_num_strides=[1, 2], block_type='bottleneck_block'),
    'MobileNetBackbone': dict(stackwise_expansion=[[1], [4]], stackwise_num_blocks=[1, 1],
                              stackwise_num_filters=[[16], [24]], stackwise_kernel_size=[[3], [5]],
                              stackwise_num_strides=[[2], [2]], stackwise_se_ratio=[[0.25], [None]],
                              stackwise_activation=[['relu'], ['hard_swish']], stackwise_padding=[[1], [2]],
                              output_num_filters=64, depthwise_filters=8, depthwise_stride=1,
                              depthwise_residual=False, last_layer_filter=64, image_shape=(64, 64, 3)),
    'EfficientNetBackbone': dict(stackwise_kernel_sizes=[3, 3], stackwise_num_repeats=[1, 1],
                                 stackwise_input_filters=[16, 16], stackwise_output_filters=[16, 24],
                                 stackwise_expansion_ratios=[1, 4], stackwise_squeeze_and_excite_ratios=[0.25, 0.25],
                                 stackwise_strides=[1, 2], stackwise_block_types=['v1', 'v1'],
                                 stackwise_width_coefficients=[1.0, 1.0], stackwise_depth_coefficients=[1.0, 1.0],
                                 input_shape=(64, 64, 3)),
}


def build(keras, keras_hub, name):
    """The backbone, or a reason why the sweep cannot build it."""
    cls = getattr(keras_hub.models, name)
    parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
    known = dict(COMMON, **OWN.get(name, {}))
    arguments = {p.name: known[p.name] for p in parameters if p.name in known}
    missing = [p.name for p in parameters if p.default is inspect.Parameter.empty and p.name not in known
               and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)]
    if missing:
        return None, 'needs ' + ', '.join(missing)
    keras.utils.set_random_seed(SEED)
    try:
        return cls(**arguments), None
    except Exception as error:  # keras-hub refuses the tiny configuration
        return None, '%s: %s' % (type(error).__name__, str(error).splitlines()[0][:120] if str(error) else '')


def feed_of(model, rng):
    import numpy as np
    feed = {}
    for tensor in model.inputs:
        key = tensor.name.split(':')[0]
        rank = len(tensor.shape)
        shape = [2 if d is None and i == 0 else 64 if d is None and rank == 4 else 8 if d is None else d
                 for i, d in enumerate(tensor.shape)]
        if 'int' in str(tensor.dtype):
            if 'segment' in key:
                value = rng.integers(0, 2, shape)
            elif 'mask' in key:
                value = np.ones(shape)
                value[1, 5:] = 0
            else:
                value = rng.integers(1, 100, shape)
            feed[key] = value.astype(np.int32)
        else:
            feed[key] = rng.standard_normal(shape).astype(np.float32)
    return feed


def sweep(name, work, keras, keras_hub, tf):
    """(verdict, ok): `ok` False only for tfir's failure or wrong IR."""
    import numpy as np
    model, reason = build(keras, keras_hub, name)
    if model is None:
        return 'not built (%s)' % reason, True
    saved = work / name
    try:
        model.export(str(saved), format='tf_saved_model', verbose=False)
        serving = tf.saved_model.load(str(saved)).signatures['serving_default']
        feed = feed_of(model, np.random.default_rng(SEED))
        spec = serving.structured_input_signature[1]
        inputs = {key: tf.constant(feed[key], dtype=spec[key].dtype) for key in spec}
        want = {key: value.numpy() for key, value in serving(**inputs).items()}
    except Exception as error:  # keras-hub or TensorFlow cannot export or run it
        return 'not exported (%s: %s)' % (type(error).__name__, str(error).strip().splitlines()[-1][:120]), True
    return sweeps.convert_and_judge(saved, work / (name + '_ir'), {key: value.numpy() for key, value in inputs.items()},
                                    want)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--only', help='backbone classes, comma-separated')
    parser.add_argument('--keep', action='store_true', help='keep the SavedModels and IRs (the directory is printed)')
    args = parser.parse_args()
    import keras
    import keras_hub
    import tensorflow as tf
    names = args.only.split(',') if args.only else sorted(
        n for n in dir(keras_hub.models) if n.endswith('Backbone') and n != 'Backbone')
    return sweeps.run(names, 'tfir-keras-hub-', lambda name, work: sweep(name, work, keras, keras_hub, tf), args.keep)


if __name__ == '__main__':
    sys.exit(main())
