#!/usr/bin/env python3
"""A sweep of transformers' TensorFlow base models as a new user meets them (issue 18's "more of the same kinds"):
every model type of TF_MODEL_MAPPING (transformers 4.46.3, the last line with TF classes) with a tiny configuration
and random weights, saved with its `serving` signature (tf.saved_model.save), converted by bin/convert and run in
both OpenVINO runtimes against TensorFlow's own run of the saved signature.

usage: conformance/families/sweep_transformers.py [--only TYPE[,TYPE...]] [--keep]

Not in CI (about 20 min for all): the family zoo (run.py) holds the rows CI and the table run; this sweep looks for
what the zoo does not have. A model type whose tiny configuration transformers refuses, or whose serving signature
needs inputs the sweep does not make (images of another size, boxes, several modalities), is reported as not built,
not as a converter's failure. Inputs: int32 token ids [2, 8] and an attention mask (the second row's last 3 tokens
padded), token type ids 0; images [2, 3, 32, 32]; audio [2, 4000] (or the features the model takes). Verdict: `ok`
when every output of the IR is within 1e-4 of TensorFlow's (relative to max(1, max |output|)) in both runtimes; a
refusal that names its reason (an untranslatable op type, a construct OpenVINO cannot hold) is reported, not failed.
Exit status 1 when tfir computes a model wrong or fails otherwise.
Environment: TFIR_VENV (this script's Python: TensorFlow, transformers), TFIR_VENV_LATEST, TFIR_CONVERT.
"""

import argparse
import os
import sys
from pathlib import Path

os.environ['TF_ENABLE_ONEDNN_OPTS'] = '0'
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')
os.environ.setdefault('TF_USE_LEGACY_KERAS', '1')
sys.path.insert(0, str(Path(__file__).resolve().parent))
import sweeps  # noqa: E402

SEED = 1
# tiny sizes under the names the configurations give them
TINY = dict(vocab_size=100, hidden_size=32, num_hidden_layers=2, num_attention_heads=2, intermediate_size=64,
            max_position_embeddings=64, d_model=32, n_embd=32, n_layer=2, n_head=2, n_positions=64, n_ctx=64,
            encoder_layers=2, decoder_layers=2, encoder_attention_heads=2, decoder_attention_heads=2,
            encoder_ffn_dim=64, decoder_ffn_dim=64, num_layers=2, num_heads=2, d_ff=64, d_kv=16, ffn_dim=64,
            embedding_size=32, image_size=32, patch_size=8, num_channels=3, hidden_sizes=[16, 32], depths=[1, 1],
            embed_dim=16, num_key_value_heads=2, rotary_dim=8, head_dim=16, block_size=8, attention_window=[4, 4],
            max_source_positions=64, max_target_positions=64, num_mel_bins=16, d_inner=64, dim=32, n_layers=2,
            n_heads=2, hidden_dim=64)
# the refusals that name their reason (not the converter's failure)
REASONED = ('cannot translate', 'cannot be held', 'OpenVINO', 'give it', 'not supported', 'needs')


def configured(config_class):
    """The configuration's defaults with TINY's sizes where it has them, initialised wide (the zoo's WIDE_INIT)."""
    config = config_class()
    for key, value in TINY.items():
        if getattr(config, key, None) is not None:
            try:
                setattr(config, key, value)
            except NotImplementedError:  # a size the configuration derives (Funnel's layers, from block_sizes)
                pass
    if getattr(config, 'num_stages', None) is not None:
        config.num_stages = len(TINY['depths'])
    if getattr(config, 'block_sizes', None) is not None:
        config.block_sizes = [1, 1]
    if hasattr(config, 'initializer_range'):
        config.initializer_range = 0.2
    return config


def feed_of(signature):
    """The inputs the serving signature takes, or None when the sweep cannot make one of them."""
    import numpy as np
    rng = np.random.default_rng(SEED)
    feed = {}
    for key, spec in signature.items():
        rank = len(spec.shape)
        if key in ('input_ids', 'decoder_input_ids'):
            value = rng.integers(1, 100, (2, 8))
        elif key in ('attention_mask', 'decoder_attention_mask'):
            value = np.ones((2, 8))
            value[1, 5:] = 0
        elif key == 'token_type_ids':
            value = np.zeros((2, 8))
        elif key == 'pixel_values' and rank == 4:
            value = rng.uniform(0, 1, (2, 3, 32, 32))
        elif key == 'input_values' and rank == 2:
            value = rng.uniform(-1, 1, (2, 4000))
        elif key == 'input_features' and rank == 3:
            value = rng.standard_normal((2, spec.shape[1] or 16, spec.shape[2] or 128))
        else:
            return None
        feed[key] = value.astype(spec.dtype.as_numpy_dtype)
    return feed


def sweep(model_type, class_name, work, tf, transformers):
    """(verdict, ok): `ok` False only for tfir's wrong IR or unexplained failure."""
    saved = work / model_type
    try:
        config = configured(transformers.CONFIG_MAPPING[model_type])
        tf.keras.utils.set_random_seed(SEED)
        model = getattr(transformers, class_name)(config)
        signature = model.input_signature
        feed = feed_of(signature)
        if feed is None:
            return 'not built (its serving signature takes %s)' % ', '.join(sorted(signature)), True
        model(model.dummy_inputs)
        serving = tf.function(lambda inputs: {key: value for key, value in model(inputs, training=False).items()
                                              if value is not None and not isinstance(value, tuple)},
                              input_signature=[signature])
        tf.saved_model.save(model, str(saved), signatures={'serving_default': serving.get_concrete_function()})
        loaded = tf.saved_model.load(str(saved)).signatures['serving_default']
        want = {key: value.numpy() for key, value in loaded(**{k: tf.constant(v) for k, v in feed.items()}).items()
                if value.dtype.is_floating}
    except Exception as error:  # transformers refuses the tiny configuration, or cannot save or run it
        lines = str(error).strip().splitlines()
        return 'not built (%s: %s)' % (type(error).__name__, lines[-1][:120] if lines else ''), True
    return sweeps.convert_and_judge(saved, work / (model_type + '_ir'), feed, want, REASONED)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--only', help='model types, comma-separated (e.g. bert,gpt2)')
    parser.add_argument('--keep', action='store_true', help='keep the SavedModels and IRs (the directory is printed)')
    args = parser.parse_args()
    import tensorflow as tf
    import transformers
    from transformers.models.auto.modeling_tf_auto import TF_MODEL_MAPPING_NAMES
    types = args.only.split(',') if args.only else sorted(TF_MODEL_MAPPING_NAMES)

    def class_of(model_type):
        name = TF_MODEL_MAPPING_NAMES[model_type]
        return name if isinstance(name, str) else name[0]

    def sweep_one(model_type, work):
        result = sweep(model_type, class_of(model_type), work, tf, transformers)
        tf.keras.backend.clear_session()
        return result
    return sweeps.run(types, 'tfir-transformers-', sweep_one, args.keep,
                      lambda model_type: '%s (%s)' % (model_type, class_of(model_type)))


if __name__ == '__main__':
    sys.exit(main())
