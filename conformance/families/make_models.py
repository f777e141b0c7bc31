#!/usr/bin/env python3
"""Generate the family zoo (issue 18): real architectures from maintained packages (transformers' TF classes, Keras 3,
keras-hub, keras-cv, Model Garden), small configurations with random weights, each as a TF2 SavedModel and a
frozen graph, with TensorFlow's outputs on fixed inputs at two sizes.

Runs in the families venv (tools/python/venv.sh --families: TensorFlow 2.17.1 with transformers, keras-hub, keras-cv,
tf-models-official; tools/python/requirements-families.txt). Each model is built in a fresh process of its own with
fixed seeds. The configurations are small (two layers, hidden size 64): the graph's structure is the point, not its
size. Weights are random, initialised wider than the packages' defaults so that attention is not uniform (scores
of a 0.02-initialised net are all near 0: masks and position biases would then hardly change the output).
For each model NAME, under OUT/NAME/ (OUT: ${TFIR_BIG}/families by default):
  saved_model/   tf.saved_model.save of a tf.Module whose `serving_default` signature takes the inputs below with
                 dynamic batch and length (or image size) and returns a dict of outputs; for the models of
                 KERAS_EXPORTED, Keras 3's own exporter instead (keras.export.ExportArchive, what model.export
                 runs: endpoint `serve`, also `serving_default`), whose graph gives each variable a handle for the
                 trackable, one the signature captures and one the save function writes;
  frozen.pb      that signature's concrete function frozen by convert_variables_to_constants_v2 (defaults: control
                 flow lowered to Switch/Merge and TF1 loops, as users freeze), inputs named as the signature's keys
                 (not for the models of SAVED_MODEL_ONLY: BERT-large's size, a row for the converters' memory);
  reference.npz  the inputs at two lengths (or sizes) and TensorFlow's outputs of each file on them
                 (TF_ENABLE_ONEDNN_OPTS=0): `SIZE/in/INPUT`, `SIZE/saved_model/OUTPUT`, `SIZE/frozen/OUTPUT`;
  meta.json      package and version, the input kind, the inputs (name, dtype), the outputs (signature keys, sorted)
                 with the frozen graph's tensors, the forms made, the sizes; written last (a model without it is not
                 made).
Kinds: text (input_ids and attention_mask, int32 [2, L], L 8 and 13, the second row padded by 3), image (float32
NHWC [1, S, S, 3] in [0, 1] at two sizes S, or at one, then static, where the model cannot be traced with a dynamic
size: the anchors of YOLOv8 and RetinaNet, DeepLabV3+'s UpSampling2D and ViT's interpolate_pos_encoding test the size
in Python), audio (a float32 waveform [2, N], N 4000 and 8000).

Usage:
  make_models.py [--out DIR] [--only NAME,...] [--force]    make what is missing
  make_models.py --list
"""

import argparse
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

os.environ['TF_ENABLE_ONEDNN_OPTS'] = '0'
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from convert import run as convert_suite  # noqa: E402  (run_frozen)
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')
SEED = 20240601
VOCAB = 1000
TEXT_LENGTHS = (8, 13)
PADDED = 3  # the second row's last PADDED tokens are padding (attention_mask 0, id 0)
AUDIO_LENGTHS = (4000, 8000)
WIDE_INIT = 0.2  # initializer_range of the transformers models (theirs: 0.02)


def transformer(class_name, config_name, outputs, **config):
    """A transformers TF model of the given config class; its call gets input_ids and attention_mask."""
    def build():
        import transformers
        model = getattr(transformers, class_name)(getattr(transformers, config_name)(**config))

        def call(input_ids, attention_mask):
            result = model(input_ids=input_ids, attention_mask=attention_mask, training=False)
            return {key: result[key] for key in outputs}
        return model, call
    return build


BERT_SIZE = dict(vocab_size=VOCAB, hidden_size=64, num_hidden_layers=2, num_attention_heads=4, intermediate_size=128,
                 max_position_embeddings=64, initializer_range=WIDE_INIT)


def vit():
    import transformers
    model = transformers.TFViTModel(transformers.ViTConfig(
        image_size=32, patch_size=8, hidden_size=64, num_hidden_layers=2, num_attention_heads=4,
        intermediate_size=128, initializer_range=WIDE_INIT))

    def call(images):  # NHWC in, as the other image models; ViT takes NCHW pixel_values
        pixels = (images - 0.5) / 0.5
        result = model(pixel_values=_tf().transpose(pixels, [0, 3, 1, 2]), training=False)
        return {'last_hidden_state': result['last_hidden_state'], 'pooler_output': result['pooler_output']}
    return model, call


def swin():
    """transformers' Swin (two stages of shifted windows; the window padding is a tf.cond, lowered to Switch/Merge
    by freezing)."""
    import transformers
    model = transformers.TFSwinModel(transformers.SwinConfig(
        image_size=32, patch_size=4, embed_dim=32, depths=[2, 2], num_heads=[2, 4], window_size=4, mlp_ratio=2.0,
        initializer_range=WIDE_INIT))

    def call(images):  # NHWC in, as the other image models; Swin takes NCHW pixel_values
        result = model(pixel_values=_tf().transpose((images - 0.5) / 0.5, [0, 3, 1, 2]), training=False)
        return {'last_hidden_state': result['last_hidden_state'], 'pooler_output': result['pooler_output']}
    return model, call


def wav2vec2():
    """transformers' wav2vec 2.0 encoder: a Conv1D feature extractor (group-normalized first layer), a grouped
    Conv1D position embedding, two transformer layers."""
    import transformers
    model = transformers.TFWav2Vec2Model(transformers.Wav2Vec2Config(
        hidden_size=64, num_hidden_layers=2, num_attention_heads=4, intermediate_size=128, conv_dim=(32, 32, 32),
        conv_stride=(5, 4, 4), conv_kernel=(10, 8, 8), num_conv_pos_embeddings=16, num_conv_pos_embedding_groups=4,
        feat_extract_norm='group', initializer_range=WIDE_INIT))

    def call(waveform):
        return {'last_hidden_state': model(input_values=waveform, training=False)['last_hidden_state']}
    return model, call


def mobilenet_v3_export():
    """Keras 3's MobileNetV3Small (its Rescaling preprocessing, hard-swish, squeeze-excite), of any image size,
    batch norm statistics of a trained net; its SavedModel written by Keras 3's exporter (KERAS_EXPORTED)."""
    import keras
    import numpy as np
    keras.utils.set_random_seed(SEED)
    model = keras.applications.MobileNetV3Small(input_shape=(None, None, 3), weights=None, classes=20,
                                                 classifier_activation=None)
    rng = np.random.default_rng(SEED)
    for layer in model.layers:
        if isinstance(layer, keras.layers.BatchNormalization):
            layer.set_weights([rng.uniform(0.8, 1.6, layer.gamma.shape), rng.normal(0, 0.2, layer.beta.shape),
                               rng.normal(0, 0.1, layer.moving_mean.shape),
                               rng.uniform(0.3, 1.0, layer.moving_variance.shape)])

    def call(images):
        return {'logits': model(images * 255.0, training=False)}
    return model, call


def bert_large():
    """BERT-large's size (24 layers, hidden 1024, vocabulary 30522: 335M parameters, 1.3 GB), the package's own
    initializer: the row measures the converters' time and memory on a big SavedModel."""
    import transformers
    model = transformers.TFBertModel(transformers.BertConfig(
        vocab_size=30522, hidden_size=1024, num_hidden_layers=24, num_attention_heads=16, intermediate_size=4096,
        max_position_embeddings=512))

    def call(input_ids, attention_mask):
        return {'last_hidden_state': model(input_ids=input_ids, attention_mask=attention_mask,
                                           training=False)['last_hidden_state']}
    return model, call


def bilstm():
    import keras
    keras.utils.set_random_seed(SEED)
    ids = keras.Input((None,), dtype='int32')
    x = keras.layers.Embedding(VOCAB, 32, mask_zero=True)(ids)
    x = keras.layers.Bidirectional(keras.layers.LSTM(32))(x)
    model = keras.Model(ids, keras.layers.Dense(4)(x))

    def call(input_ids, attention_mask):
        return {'logits': model(input_ids * attention_mask, training=False)}
    return model, call


def audio_conv1d():
    """A spectrogram front end (frames, Hann window, RFFT, power from the real and imaginary parts, log) and a
    Conv1D classifier."""
    import keras
    tf = _tf()
    keras.utils.set_random_seed(SEED)
    model = keras.Sequential([keras.Input((None, 129)), keras.layers.Conv1D(32, 3, activation='relu'),
                              keras.layers.Conv1D(32, 3, strides=2, activation='relu'),
                              keras.layers.GlobalAveragePooling1D(), keras.layers.Dense(5)])

    def call(waveform):
        frames = tf.signal.frame(waveform, 256, 128) * tf.signal.hann_window(256)
        spectrum = tf.signal.rfft(frames)
        power = tf.math.real(spectrum) ** 2 + tf.math.imag(spectrum) ** 2
        return {'logits': model(tf.math.log(power + 1e-6), training=False)}
    return model, call


def garden_bert():
    from official.nlp.modeling import networks
    encoder = networks.BertEncoder(vocab_size=VOCAB, hidden_size=64, num_layers=2, num_attention_heads=4,
                                   inner_dim=128, max_sequence_length=64, initializer=_initializer(),
                                   dict_outputs=True)

    def call(input_ids, attention_mask):
        result = encoder(dict(input_word_ids=input_ids, input_mask=attention_mask,
                              input_type_ids=_tf().zeros_like(input_ids)), training=False)
        return {'sequence_output': result['sequence_output'], 'pooled_output': result['pooled_output']}
    return encoder, call


def hub_bert():
    import keras
    import keras_hub
    keras.utils.set_random_seed(SEED)
    backbone = keras_hub.models.BertBackbone(vocabulary_size=VOCAB, num_layers=2, num_heads=4, hidden_dim=64,
                                             intermediate_dim=128, max_sequence_length=64)

    def call(input_ids, attention_mask):
        result = backbone(dict(token_ids=input_ids, padding_mask=attention_mask,
                               segment_ids=_tf().zeros_like(input_ids)), training=False)
        return {'sequence_output': result['sequence_output'], 'pooled_output': result['pooled_output']}
    return backbone, call


def hub_decoder(class_name, **config):
    """A keras-hub decoder backbone (token_ids, padding_mask -> sequence_output): Llama's rotary positions, RMS norm
    and grouped-query causal attention; Mixtral's as well with its experts routed by top-k."""
    def build():
        import keras
        import keras_hub
        keras.utils.set_random_seed(SEED)
        backbone = getattr(keras_hub.models, class_name)(vocabulary_size=VOCAB, num_layers=2, num_query_heads=4,
                                                         num_key_value_heads=2, hidden_dim=64, intermediate_dim=128,
                                                         **config)

        def call(input_ids, attention_mask):
            return {'sequence_output': backbone(dict(token_ids=input_ids, padding_mask=attention_mask),
                                                training=False)}
        return backbone, call
    return build


def hub_fnet():
    """keras-hub's FNet: token mixing by a 2-D FFT (its real part) over the length and hidden axes, no attention (the
    padding mask is no input of it)."""
    import keras
    import keras_hub
    keras.utils.set_random_seed(SEED)
    backbone = keras_hub.models.FNetBackbone(vocabulary_size=VOCAB, num_layers=2, hidden_dim=64, intermediate_dim=128,
                                             max_sequence_length=64)

    def call(input_ids, attention_mask):
        del attention_mask  # FNet has no attention to mask
        result = backbone(dict(token_ids=input_ids, segment_ids=_tf().zeros_like(input_ids)), training=False)
        return {'sequence_output': result['sequence_output'], 'pooled_output': result['pooled_output']}
    return backbone, call


def _resnet_encoder(name):
    """A small keras-hub ResNet (four stages of one basic block: pyramid outputs P2..P5) for NAME's image size."""
    import keras_hub
    side = IMAGE_SIZES[name][0]
    return keras_hub.models.ResNetBackbone(image_shape=(side, side, 3),
        input_conv_filters=[64], input_conv_kernel_sizes=[3], stackwise_num_filters=[64, 32, 32, 64],
        stackwise_num_blocks=[1, 1, 1, 1], stackwise_num_strides=[1, 2, 2, 2], block_type='basic_block')


def deeplab_v3_plus():
    import keras
    import keras_hub
    keras.utils.set_random_seed(SEED)
    backbone = keras_hub.models.DeepLabV3Backbone(
        image_encoder=_resnet_encoder('deeplab_v3_plus'), image_shape=(64, 64, 3), low_level_feature_key='P2',
        spatial_pyramid_pooling_key='P4',
        upsampling_size=4, dilation_rates=[6, 12, 18], projection_filters=16)
    model = keras_hub.models.DeepLabV3ImageSegmenter(backbone=backbone, num_classes=3)
    _spread_scores([model.output_conv], model(_calibration_images('deeplab_v3_plus')))

    def call(images):
        return {'logits': model(images, training=False)}
    return model, call


def retinanet():
    """keras-hub's RetinaNet with its decoding and non-max suppression (decode_predictions, as predict does); the
    classification prior 0.5 keeps random scores around the decoder's confidence threshold, so boxes are found."""
    import keras
    import keras_hub
    keras.utils.set_random_seed(SEED)
    backbone = keras_hub.models.RetinaNetBackbone(image_encoder=_resnet_encoder('retinanet'), min_level=3, max_level=5,
                                                  use_p5=False)
    model = keras_hub.models.RetinaNetObjectDetector(backbone=backbone, num_classes=3, pre_logits_num_conv_layers=1,
                                                     classification_head_prior_probability=0.5)
    _spread_scores([model.classification_head.prediction_layer],
                   model(_calibration_images('retinanet'))['cls_logits'])

    def call(images):
        return dict(model.decode_predictions(model(images, training=False), images))
    return model, call


def yolo_v8():
    """keras-cv's YOLOv8 with its box decoding and non-max suppression (decode_predictions, as predict does); its
    anchors need a static image size."""
    import keras
    import keras_cv
    keras.utils.set_random_seed(SEED)
    backbone = keras_cv.models.YOLOV8Backbone(stackwise_channels=[16, 32, 64, 64], stackwise_depth=[1, 1, 1, 1],
                                              include_rescaling=False)
    model = keras_cv.models.YOLOV8Detector(num_classes=3, bounding_box_format='xyxy', backbone=backbone,
                                           fpn_depth=1)
    scores = _tf().clip_by_value(model(_calibration_images('yolo_v8'))['classes'], 1e-6, 1 - 1e-6)
    _spread_scores([layer for layer in model.layers if layer.name.endswith('_class_3_conv')],
                   _tf().math.log(scores / (1 - scores)))

    def call(images):
        return dict(model.decode_predictions(model(images, training=False), images))
    return model, call


def _calibration_images(name):
    import numpy as np
    side = IMAGE_SIZES[name][0]
    return np.random.default_rng(SEED + 1).uniform(0, 1, (2, side, side, 3)).astype(np.float32)


def _spread_scores(classifiers, logits):
    """Scales a head's classification layers so that its class logits have a standard deviation of 2: a random
    detector's scores all round to about the same value (0.5001 +- 1e-4), and which boxes the non-max suppression
    keeps would be decided by float noise; a random segmenter's logits are about 0.02."""
    import numpy as np
    factor = 2.0 / float(np.std(np.asarray(logits)))
    for layer in classifiers:
        layer.kernel.assign(layer.kernel * factor)


def _initializer():
    import tf_keras
    return tf_keras.initializers.TruncatedNormal(stddev=WIDE_INIT)


def _tf():
    import tensorflow
    return tensorflow


# name -> (package, kind, builder); image sizes in IMAGE_SIZES
MODELS = {
    'bert': ('transformers', 'text', transformer('TFBertModel', 'BertConfig', ['last_hidden_state'], **BERT_SIZE)),
    'distilbert': ('transformers', 'text', transformer(
        'TFDistilBertModel', 'DistilBertConfig', ['last_hidden_state'], vocab_size=VOCAB, dim=64, n_layers=2,
        n_heads=4, hidden_dim=128, max_position_embeddings=64, initializer_range=WIDE_INIT)),
    'roberta': ('transformers', 'text', transformer('TFRobertaModel', 'RobertaConfig', ['last_hidden_state'],
                                                     **dict(BERT_SIZE, max_position_embeddings=66))),
    'albert': ('transformers', 'text', transformer('TFAlbertModel', 'AlbertConfig', ['last_hidden_state'],
                                                    embedding_size=32, **BERT_SIZE)),
    'gpt2': ('transformers', 'text', transformer(
        'TFGPT2LMHeadModel', 'GPT2Config', ['logits'], vocab_size=VOCAB, n_embd=64, n_layer=2, n_head=4,
        n_positions=64, initializer_range=WIDE_INIT)),
    # a decoder whose causal mask is band_part(ones([n, n]), -1, 0) of the sequence's length (MatrixBandPart)
    'opt': ('transformers', 'text', transformer(
        'TFOPTModel', 'OPTConfig', ['last_hidden_state'], vocab_size=VOCAB, hidden_size=64, num_hidden_layers=2,
        num_attention_heads=4, ffn_dim=128, max_position_embeddings=64, word_embed_proj_dim=64,
        init_std=WIDE_INIT)),
    'bart': ('transformers', 'text', transformer(
        'TFBartModel', 'BartConfig', ['last_hidden_state', 'encoder_last_hidden_state'], vocab_size=VOCAB,
        d_model=64, encoder_layers=2, decoder_layers=2, encoder_attention_heads=4, decoder_attention_heads=4,
        encoder_ffn_dim=128, decoder_ffn_dim=128, max_position_embeddings=64, init_std=WIDE_INIT)),
    't5_encoder': ('transformers', 'text', transformer(
        'TFT5EncoderModel', 'T5Config', ['last_hidden_state'], vocab_size=VOCAB, d_model=64, d_kv=16, d_ff=128,
        num_layers=2, num_heads=4, relative_attention_num_buckets=32, initializer_factor=10.0)),
    'vit': ('transformers', 'image', vit),
    'swin': ('transformers', 'image', swin),
    'wav2vec2': ('transformers', 'audio', wav2vec2),
    'bert_large': ('transformers', 'text', bert_large),
    'bilstm': ('keras', 'text', bilstm),
    'audio_conv1d': ('keras', 'audio', audio_conv1d),
    'garden_bert': ('tf-models-official', 'text', garden_bert),
    'hub_bert': ('keras-hub', 'text', hub_bert),
    'hub_llama': ('keras-hub', 'text', hub_decoder('LlamaBackbone')),
    'hub_mixtral': ('keras-hub', 'text', hub_decoder('MixtralBackbone', num_experts=4, top_k=2)),
    'hub_fnet': ('keras-hub', 'text', hub_fnet),
    'deeplab_v3_plus': ('keras-hub', 'image', deeplab_v3_plus),
    'retinanet': ('keras-hub', 'image', retinanet),
    'yolo_v8': ('keras-cv', 'image', yolo_v8),
    'mobilenet_v3_export': ('keras', 'image', mobilenet_v3_export),
}
# models made as a SavedModel only: a 1.3 GB frozen graph would add nothing the small BERT's does not
SAVED_MODEL_ONLY = {'bert_large'}
KERAS_EXPORTED = {'mobilenet_v3_export'}
# image sizes; a model with one size gets it as a static input shape
IMAGE_SIZES = {'vit': (32,), 'swin': (32, 48), 'deeplab_v3_plus': (64,), 'retinanet': (64,), 'yolo_v8': (64,),
               'mobilenet_v3_export': (64, 96)}


def specs(name, kind):
    tf = _tf()
    if kind == 'text':
        return [tf.TensorSpec([None, None], tf.int32, name='input_ids'),
                tf.TensorSpec([None, None], tf.int32, name='attention_mask')]
    if kind == 'image':
        sizes = IMAGE_SIZES[name]
        side = sizes[0] if len(sizes) == 1 else None
        return [tf.TensorSpec([None if side is None else 1, side, side, 3], tf.float32, name='images')]
    return [tf.TensorSpec([None, None], tf.float32, name='waveform')]


def feeds(name, kind):
    """{size: {input name: array}}: the fixed inputs at two lengths (or image sizes)."""
    import numpy as np
    rng = np.random.default_rng(SEED)
    result = {}
    if kind == 'text':
        for length in TEXT_LENGTHS:
            mask = np.ones((2, length), np.int32)
            mask[1, -PADDED:] = 0
            ids = rng.integers(2, VOCAB, (2, length)).astype(np.int32) * mask
            result[length] = dict(input_ids=ids, attention_mask=mask)
    elif kind == 'image':
        for size in IMAGE_SIZES[name]:
            result[size] = dict(images=rng.uniform(0, 1, (1, size, size, 3)).astype(np.float32))
    else:
        for length in AUDIO_LENGTHS:
            result[length] = dict(waveform=rng.uniform(-1, 1, (2, length)).astype(np.float32))
    return result


def make(name, out):
    """Builds NAME in this process and writes its directory (see the module's doc)."""
    tf = _tf()
    tf.get_logger().setLevel('ERROR')
    import numpy as np
    tf.random.set_seed(SEED)
    np.random.seed(SEED)
    package, kind, builder = MODELS[name]
    model, call = builder()
    version = importlib.metadata.version('keras' if package == 'keras' else package)
    write_model(out / name, model, call, specs(name, kind), feeds(name, kind),
                dict(name=name, package=package, version=version, kind=kind),
                ('saved_model',) if name in SAVED_MODEL_ONLY else ('saved_model', 'frozen'), name in KERAS_EXPORTED)


def write_model(directory, model, call, input_specs, size_feeds, about, forms=('saved_model', 'frozen'),
                keras_export=False):
    """Writes DIRECTORY (saved_model/, frozen.pb when `forms` has it, reference.npz, meta.json: `about`, the
    inputs, outputs, forms, sizes and the op types of each form) for `call` traced on `input_specs`, `model` tracked
    for its variables; built under DIRECTORY.partial, then renamed. `size_feeds`: {size: {input name: array}}.
    `keras_export`: the SavedModel written by Keras 3's exporter, not by tf.saved_model.save."""
    tf = _tf()
    from tensorflow.python.framework.convert_to_constants import convert_variables_to_constants_v2
    import numpy as np
    module = tf.Module()
    module.model = model
    module.serve = tf.function(call, input_signature=input_specs)
    concrete = module.serve.get_concrete_function()
    work = directory.with_name(directory.name + '.partial')
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    if keras_export:
        import keras
        archive = keras.export.ExportArchive()
        archive.track(model)
        archive.add_endpoint('serve', call, input_signature=input_specs)
        archive.write_out(str(work / 'saved_model'), verbose=False)
    else:
        tf.saved_model.save(module, str(work / 'saved_model'), signatures={'serving_default': concrete})
    keys = sorted(concrete.structured_outputs)
    frozen_outputs = {}
    if 'frozen' in forms:
        frozen = convert_variables_to_constants_v2(concrete)
        (work / 'frozen.pb').write_bytes(frozen.graph.as_graph_def().SerializeToString(deterministic=True))
        frozen_outputs = dict(zip(keys, [t.name for t in frozen.outputs]))
    serving = tf.saved_model.load(str(work / 'saved_model')).signatures['serving_default']
    arrays = {}
    for size, feed in size_feeds.items():
        arrays.update({'%d/in/%s' % (size, key): value for key, value in feed.items()})
        saved = serving(**{key: tf.constant(value) for key, value in feed.items()})
        arrays.update({'%d/saved_model/%s' % (size, key): saved[key].numpy() for key in keys})
        if 'frozen' in forms:
            graph_outputs = convert_suite.run_frozen(work / 'frozen.pb', {key + ':0': value for key, value in
                                                                          feed.items()},
                                                     [frozen_outputs[key] for key in keys])
            arrays.update({'%d/frozen/%s' % (size, key): value for key, value in zip(keys, graph_outputs)})
    np.savez(work / 'reference.npz', **arrays)
    meta = dict(about, tensorflow=tf.__version__,
                inputs=[dict(name=spec.name, dtype=spec.dtype.name) for spec in input_specs], outputs=keys,
                forms=list(forms), frozen_outputs=frozen_outputs, sizes=sorted(size_feeds),
                op_types=dict(saved_model=op_types(concrete.graph.as_graph_def()),
                              **({'frozen': op_types(frozen.graph.as_graph_def())} if 'frozen' in forms else {})))
    (work / 'meta.json').write_text(json.dumps(meta, indent=1) + '\n')
    shutil.rmtree(directory, ignore_errors=True)
    os.replace(work, directory)


def op_types(graph_def):
    """The op types of a GraphDef and of the functions of its library, sorted."""
    nodes = list(graph_def.node) + [node for function in graph_def.library.function for node in function.node_def]
    return sorted({node.op for node in nodes})


def made(out, name):
    return (out / name / 'meta.json').exists()


def main(models=None, make_one=make, directory='families'):
    """Makes the models of `models` ({name: (package, kind, builder)}, default MODELS) that are missing, each in a
    fresh process of this command running `make_one(name, out)`; their default root is $TFIR_BIG/`directory`."""
    models = MODELS if models is None else models
    parser = argparse.ArgumentParser(description=sys.modules['__main__'].__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--out', type=Path,
                        default=Path(os.environ.get('TFIR_BIG', Path(__file__).resolve().parents[2] / 'target'
                                                    / 'big-models')) / directory)
    parser.add_argument('--only', help='comma-separated model names')
    parser.add_argument('--force', action='store_true', help='make the models again even where they are made')
    parser.add_argument('--list', action='store_true')
    parser.add_argument('--worker', metavar='NAME', help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        make_one(args.worker, args.out)
        return 0
    if args.list:
        print('\n'.join('%s (%s, %s)' % (name, spec[0], spec[1]) for name, spec in models.items()))
        return 0
    names = args.only.split(',') if args.only else list(models)
    unknown = [name for name in names if name not in models]
    if unknown:
        parser.error('unknown models: %s (see --list)' % ', '.join(unknown))
    args.out.mkdir(parents=True, exist_ok=True)
    failed = []
    for name in names:
        if made(args.out, name) and not args.force:
            continue
        print('making %s' % (args.out / name), flush=True)
        if subprocess.run([sys.executable, str(Path(sys.argv[0]).resolve()), '--out', str(args.out),
                           '--worker', name]).returncode != 0:
            failed.append(name)
    if failed:
        print('make_models.py: could not make %s' % ', '.join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
