#!/usr/bin/env python3
"""Generate the conditional models (TF1 Switch/Merge) of conformance/cond/ with real TensorFlow (issue 17).

Each model is made in a fresh Python process with fixed seeds, into --out (default testdata/convert/cond, where
they are committed: a few KB each):
  cond_runtime.pb
      TF1 tf.cond on a runtime predicate: `input` float32 [None, 4], `flag` bool [] ->
      cond(flag, x * 2 + 1, tanh(x) - 0.5) -> `output`; frozen (no variables).
  cond_runtime_saved_model/
      The same graph as a TF1 SavedModel (Builder; signature serving_default: input, flag -> output).
  cond_const.pb
      TF1 tf.cond on a Const predicate (True): the false branch holds an op convert does not translate
      (tf.raw_ops.Igamma), which must be pruned, not translated.
  cond_tf2_lowered.pb
      A TF2 tf.function with a tf.cond on a runtime predicate (`pred` bool []), frozen with
      convert_variables_to_constants_v2(lower_control_flow=True), which lowers the If to Switch/Merge.
  cond_nested.pb
      TF1 nested tf.cond: cond(a, cond(b, x + 1, x * 3), x - 2) on two runtime predicates.
  cond_shapes_differ.pb
      TF1 tf.cond whose branches give different shapes ([None, 1] and [None, 4]): the result has the shape of the
      side taken (an If).
  cond_ranks_differ.pb
      TF1 tf.cond whose branches give different ranks ([None] and [None, 4]): an OpenVINO If's output keeps one
      rank, so convert must refuse it, naming the Merge.
  while_functional.pb
      A TF2 tf.function with a tf.while_loop (x doubled while its sum is below 100), frozen with
      convert_variables_to_constants_v2(lower_control_flow=False): a StatelessWhile whose cond and body are
      functions of the library (summarize-graph's REPL walks into them).
  is_training_default.pb, is_training_saved_model/
      A TF1 training-style graph: slim.conv2d with slim.batch_norm and a dropout tf.cond, both switched by
      `is_training` = PlaceholderWithDefault(False) (v1 tf.cond: Switch/Merge); frozen with
      convert_variables_to_constants to `output`, and as a TF1 SavedModel (Builder, variables beside it, signature
      serving_default: images -> output).

Usage:
  python tools/models/make_cond_models.py [--out DIR] [--only NAME,NAME]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_models  # noqa: E402  (the shared TF set-up)

REPO = make_models.REPO
FIXTURES = REPO / 'testdata' / 'convert' / 'cond'


def _tf1():
    tf = make_models._tf1_graph_mode()
    tf.compat.v1.disable_control_flow_v2()
    return tf


def _session(build, prepare, save):
    """Builds the graph (TF1), initializes its variables, lets `prepare(tf, session)` change them and
    `save(tf, graph, session, built)` write it."""
    tf = _tf1()
    graph = tf.Graph()
    with graph.as_default():
        tf.compat.v1.set_random_seed(make_models.SEED)
        built = build(tf)
        with tf.compat.v1.Session() as session:
            session.run(tf.compat.v1.global_variables_initializer())
            if prepare:
                prepare(tf, session)
            save(tf, graph, session, built)


def _frozen(build, path, prepare=None):
    """The graph frozen with convert_variables_to_constants to `output`."""
    def save(tf, graph, session, _):
        make_models.write_graph_def(tf.compat.v1.graph_util.convert_variables_to_constants(
            session, graph.as_graph_def(), ['output']), path)
    _session(build, prepare, save)


def _saved_model(build, target, prepare=None):
    """A TF1 SavedModel (Builder, tag serve); `build` returns the signature's inputs and outputs by key."""
    import shutil
    shutil.rmtree(target, ignore_errors=True)

    def save(tf, graph, session, built):
        builder = tf.compat.v1.saved_model.Builder(str(target))
        signature = tf.compat.v1.saved_model.predict_signature_def(*built)
        builder.add_meta_graph_and_variables(session, ['serve'], signature_def_map={'serving_default': signature})
        builder.save()
    _session(build, prepare, save)


def _runtime_branches(tf, x):
    return lambda: x * 2.0 + 1.0, lambda: tf.tanh(x) - 0.5


def _cond_net(tf, branches, predicate=None):
    """`input` float32 [None, 4] -> tf.cond(predicate, *branches(x)) -> `output`; the predicate defaults to a
    Placeholder `flag`. (input, flag, output)."""
    x = tf.compat.v1.placeholder(tf.float32, [None, 4], name='input')
    flag = predicate(tf) if predicate else tf.compat.v1.placeholder(tf.bool, [], name='flag')
    y = tf.compat.v1.cond(flag, *branches(tf, x), name='branch')
    return x, flag, tf.identity(y, name='output')


def make_cond_runtime(out):
    _frozen(lambda tf: _cond_net(tf, _runtime_branches), out / 'cond_runtime.pb')


def make_cond_runtime_saved_model(out):
    def build(tf):
        x, flag, output = _cond_net(tf, _runtime_branches)
        return {'input': x, 'flag': flag}, {'output': output}
    _saved_model(build, out / 'cond_runtime_saved_model')


def make_cond_const(out):
    _frozen(lambda tf: _cond_net(tf, lambda tf, x: (lambda: tf.exp(x) * 0.5,
                                                    lambda: tf.raw_ops.Igamma(a=x, x=x + 1.0)),
                                 predicate=lambda tf: tf.constant(True, name='always')), out / 'cond_const.pb')


def make_cond_nested(out):
    def build(tf):
        x = tf.compat.v1.placeholder(tf.float32, [None, 4], name='input')
        a = tf.compat.v1.placeholder(tf.bool, [], name='a')
        b = tf.compat.v1.placeholder(tf.bool, [], name='b')
        y = tf.compat.v1.cond(a, lambda: tf.compat.v1.cond(b, lambda: x + 1.0, lambda: x * 3.0, name='inner'),
                              lambda: x - 2.0, name='outer')
        tf.identity(y, name='output')
    _frozen(build, out / 'cond_nested.pb')


def make_cond_shapes_differ(out):
    _frozen(lambda tf: _cond_net(tf, lambda tf, x: (lambda: tf.reduce_sum(x, axis=1, keepdims=True),
                                                    lambda: x * 1.0)), out / 'cond_shapes_differ.pb')


def make_cond_ranks_differ(out):
    _frozen(lambda tf: _cond_net(tf, lambda tf, x: (lambda: tf.reduce_sum(x, axis=1),
                                                    lambda: x * 1.0)), out / 'cond_ranks_differ.pb')


def make_cond_tf2_lowered(out):
    tf = make_models._tf()
    from tensorflow.python.framework.convert_to_constants import convert_variables_to_constants_v2
    scale = tf.Variable([[0.5, -1.0, 2.0, 0.25]], name='scale')

    @tf.function(input_signature=[tf.TensorSpec([None, 4], tf.float32, name='input'),
                                  tf.TensorSpec([], tf.bool, name='pred')])
    def model(x, pred):
        y = tf.cond(pred, lambda: tf.nn.relu(x * scale), lambda: tf.sigmoid(x) + scale)
        return tf.identity(y, name='output')

    frozen = convert_variables_to_constants_v2(model.get_concrete_function(), lower_control_flow=True)
    make_models.write_graph_def(frozen.graph.as_graph_def(), out / 'cond_tf2_lowered.pb')


def make_while_functional(out):
    tf = make_models._tf()
    from tensorflow.python.framework.convert_to_constants import convert_variables_to_constants_v2

    @tf.function(input_signature=[tf.TensorSpec([None, 4], tf.float32, name='input')])
    def model(x):
        _, y = tf.while_loop(lambda i, v: tf.reduce_sum(v) < 100.0, lambda i, v: (i + 1, v * 2.0),
                             (tf.constant(0), x), maximum_iterations=10)
        return tf.identity(y, name='output')

    frozen = convert_variables_to_constants_v2(model.get_concrete_function(), lower_control_flow=False)
    make_models.write_graph_def(frozen.graph.as_graph_def(), out / 'while_functional.pb')


def _is_training_net(tf):
    slim = make_models._slim()
    x = tf.compat.v1.placeholder(tf.float32, [None, 8, 8, 3], name='images')
    training = tf.compat.v1.placeholder_with_default(False, [], name='is_training')
    net = slim.conv2d(x, 6, [3, 3], normalizer_fn=slim.batch_norm,
                      normalizer_params={'is_training': training}, scope='conv')
    net = tf.compat.v1.cond(training, lambda: tf.nn.dropout(net, rate=0.5), lambda: tf.identity(net),
                            name='dropout')
    net = tf.reduce_mean(net, axis=[1, 2])
    return x, tf.identity(slim.fully_connected(net, 5, activation_fn=None, scope='logits'), name='output')


def _randomize_moving_stats(tf, session):
    """Moving mean and variance as training leaves them (not 0 and 1), so that folding them is tested."""
    for variable in tf.compat.v1.global_variables():
        if 'moving_mean' in variable.name:
            session.run(variable.assign(tf.random.uniform(variable.shape, -0.5, 0.5, seed=1)))
        elif 'moving_variance' in variable.name:
            session.run(variable.assign(tf.random.uniform(variable.shape, 0.5, 2.0, seed=2)))


def make_is_training_default(out):
    _frozen(_is_training_net, out / 'is_training_default.pb', prepare=_randomize_moving_stats)


def make_is_training_saved_model(out):
    def build(tf):
        images, output = _is_training_net(tf)
        return {'images': images}, {'output': output}
    _saved_model(build, out / 'is_training_saved_model', prepare=_randomize_moving_stats)


MODELS = {'cond_runtime': make_cond_runtime, 'cond_runtime_saved_model': make_cond_runtime_saved_model,
          'cond_const': make_cond_const, 'cond_nested': make_cond_nested,
          'cond_shapes_differ': make_cond_shapes_differ, 'cond_ranks_differ': make_cond_ranks_differ,
          'cond_tf2_lowered': make_cond_tf2_lowered,
          'while_functional': make_while_functional, 'is_training_default': make_is_training_default,
          'is_training_saved_model': make_is_training_saved_model}


if __name__ == '__main__':
    make_models.main_per_model(__doc__, MODELS, FIXTURES, __file__)
