"""The layer cases of control flow: TF2's functional While/If (their bodies are functions of the graph's library),
the TensorList ops a TF2 loop keeps its per-step values in, and TF1's Switch/Merge, each as small as TensorFlow
makes it (tf.while_loop and tf.cond in graph mode, or the raw op with tf.function bodies)."""


def add_cases(case, tf):
    """Adds the cases through case(op, variant, family, inputs, build[, tol])."""
    raw = tf.raw_ops
    spec = tf.TensorSpec

    def steps(k):  # a trip count of 1..6 from an idx6 feed
        return k + 1

    def accumulate(x, k):
        """A TensorArray loop: row i of the result is a running mix of x's rows (StatelessWhile, TensorList*)."""
        n = steps(k)
        rows = tf.TensorArray(tf.float32, size=n, element_shape=[x.shape[1]])

        def body(i, acc, rows):
            acc = acc * 0.5 + tf.gather(x, i % x.shape[0])
            return i + 1, acc, rows.write(i, acc)
        _, acc, rows = tf.while_loop(lambda i, acc, rows: i < n, body, [0, tf.zeros([x.shape[1]]), rows])
        return rows.stack(), acc

    case('StatelessWhile', 'tensor-array-runtime-trips', 'control-flow', [('f', (3, 4)), ('idx6', ())], accumulate)
    case('StatelessWhile', 'scalar-counter', 'control-flow', [('f', (2, 3))],
         lambda x: tf.while_loop(lambda i, v: i < 4, lambda i, v: (i + 1, v * 0.5 + 1.0), [0, x])[1])
    for op in ('TensorListReserve', 'TensorListSetItem', 'TensorListStack'):
        case(op, 'in-loop', 'control-flow', [('f', (3, 4)), ('idx6', ())], accumulate)

    def listed(x, k):
        handle = raw.TensorListFromTensor(tensor=x, element_shape=tf.constant([x.shape[1]]))
        item = raw.TensorListGetItem(input_handle=handle, index=k % x.shape[0],
                                     element_shape=tf.constant([x.shape[1]]), element_dtype=tf.float32)
        return (item, raw.TensorListLength(input_handle=handle),
                raw.TensorListElementShape(input_handle=handle, shape_type=tf.int32))
    for op in ('TensorListFromTensor', 'TensorListGetItem', 'TensorListLength', 'TensorListElementShape'):
        case(op, 'from-tensor', 'control-flow', [('f', (3, 4)), ('idx6', ())], listed)

    def joined(x, k):
        """A list of x's rows [4, 3] joined by TensorListConcat(V2), and a growing TensorArray written past its size
        (TensorListSetItem with resize_if_index_out_of_bounds) outside any loop."""
        handle = raw.TensorListFromTensor(tensor=x, element_shape=tf.constant([-1, x.shape[2]]))
        tensor, lengths = raw.TensorListConcatV2(input_handle=handle, element_shape=tf.constant([-1, x.shape[2]]),
                                                 leading_dims=tf.zeros([0], tf.int64), element_dtype=tf.float32)
        v1, v1_lengths = raw.TensorListConcat(input_handle=handle, element_dtype=tf.float32,
                                              element_shape=[None, x.shape[2]])
        grown = tf.TensorArray(tf.float32, size=1, dynamic_size=True).write(0, x[0]).write(k + 1, x[1] * 2.0)
        return tensor, lengths, v1 * 2.0, v1_lengths, grown.stack()
    for op in ('TensorListConcatV2', 'TensorListConcat'):
        case(op, 'rows', 'control-flow', [('f', (3, 4, 2)), ('idx6', ())], joined)
    case('TensorListSetItem', 'resize-outside-loop', 'control-flow', [('f', (3, 4, 2)), ('idx6', ())], joined)

    def stateful_while(x, k):
        """raw While: a stateful loop op (its body could hold stateful ops), a runtime trip count."""
        cond = tf.function(lambda i, n, v: i < n).get_concrete_function(
            spec([], tf.int32), spec([], tf.int32), spec(x.shape, tf.float32))
        body = tf.function(lambda i, n, v: (i + 1, n, tf.tanh(v) * 1.5)).get_concrete_function(
            spec([], tf.int32), spec([], tf.int32), spec(x.shape, tf.float32))
        return raw.While(input=[tf.constant(0), steps(k), x], cond=cond, body=body)[2]
    case('While', 'runtime-trips', 'control-flow', [('f', (2, 3)), ('idx6', ())], stateful_while, 1e-4)

    # a runtime predicate and its negation in one graph: each branch is taken by one of the two outputs
    def both_ways(conditional):
        return lambda x, p: (conditional(x, p), conditional(x, tf.logical_not(p)))
    case('StatelessIf', 'runtime-predicate', 'control-flow', [('f', (3, 4)), ('bool', ())],
         both_ways(lambda x, p: tf.cond(p, lambda: x * 2.0, lambda: tf.reduce_max(x) - x)))
    case('StatelessIf', 'two-outputs', 'control-flow', [('f', (3, 4)), ('bool', ())],
         lambda x, p: tf.cond(p, lambda: (x * 2.0, tf.reduce_sum(x)), lambda: (x - 1.0, tf.reduce_min(x))))

    def stateful_if(x, p):
        then_branch = tf.function(lambda a: a * 3.0).get_concrete_function(spec(x.shape, tf.float32))
        else_branch = tf.function(lambda a: a + 3.0).get_concrete_function(spec(x.shape, tf.float32))
        return raw.If(cond=p, input=[x], Tout=[tf.float32], then_branch=then_branch, else_branch=else_branch)[0]
    case('If', 'runtime-predicate', 'control-flow', [('f', (3, 4)), ('bool', ())], both_ways(stateful_if))

    def switch_merge(x, p):
        false_side, true_side = raw.Switch(data=x, pred=p)
        return raw.Merge(inputs=[false_side * 2.0, true_side + 1.0])[0]
    for op in ('Switch', 'Merge'):
        case(op, 'runtime-predicate', 'control-flow', [('f', (3, 4)), ('bool', ())], both_ways(switch_merge))
        case(op, 'constant-predicate', 'control-flow', [('f', (3, 4))],
             lambda x: switch_merge(x, tf.constant(True)))
