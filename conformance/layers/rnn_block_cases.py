"""The layer cases of TensorFlow's fused RNN ops (tf.raw_ops; tf.contrib.rnn's LSTMBlockCell, GRUBlockCell and
LSTMBlockFusedCell): LSTMBlockCell (one step), BlockLSTM and BlockLSTMV2 (all steps), every one of the seven
outputs (i, cs, f, o, ci, co, h), with and without peepholes and cell clipping, and a seq_len_max below the
number of steps (the steps after it are zeros in cs and h); GRUBlockCell (one step: r, u, c, h)."""

import numpy as np

INPUT, UNITS = 3, 4


def _weights(seed):
    rng = np.random.default_rng(seed)
    return dict(w=rng.standard_normal((INPUT + UNITS, 4 * UNITS)).astype(np.float32) * 0.6,
                wci=rng.standard_normal(UNITS).astype(np.float32), wcf=rng.standard_normal(UNITS).astype(np.float32),
                wco=rng.standard_normal(UNITS).astype(np.float32),
                b=rng.standard_normal(4 * UNITS).astype(np.float32) * 0.3)


def add_cases(case, tf):
    """Adds the cases through case(op, variant, family, inputs, build[, tol])."""
    raw = tf.raw_ops
    state = ('f', (2, UNITS))
    for variant, attrs in (('peephole-clip', dict(use_peephole=True, cell_clip=0.8, forget_bias=0.5)),
                           ('plain-no-clip', dict(use_peephole=False, cell_clip=-1.0))):
        case('LSTMBlockCell', variant, 'rnn', [('f', (2, INPUT)), state, state],
             lambda x, cs, h, a=attrs: list(raw.LSTMBlockCell(x=x, cs_prev=cs, h_prev=h, **_weights(5), **a)))
    for op in ('BlockLSTM', 'BlockLSTMV2'):
        # 6 steps, seq_len_max 4: the last two are zeros in cs and h (TensorFlow leaves i, f, o, ci, co unset there)
        for variant, attrs, steps, outputs in (
                ('peephole-clip-all-steps', dict(use_peephole=True, cell_clip=0.8), 6, range(7)),
                ('plain-seq-len-max-4', dict(use_peephole=False, cell_clip=-1.0), 4, (1, 6))):
            if op == 'BlockLSTM':
                attrs = dict(attrs, forget_bias=0.7)
            case(op, variant, 'rnn', [('f', (6, 2, INPUT)), state, state],
                 lambda x, cs, h, op=op, a=attrs, n=steps, keep=outputs: [
                     getattr(raw, op)(seq_len_max=tf.constant(n, tf.int64), x=x, cs_prev=cs, h_prev=h,
                                      **_weights(9), **a)[k] for k in keep], 1e-4)
    case('BlockLSTM', 'dynamic-steps', 'rnn', [('f', (None, 2, INPUT), (7, 2, INPUT)), state, state],
         lambda x, cs, h: raw.BlockLSTM(seq_len_max=tf.cast(tf.shape(x)[0], tf.int64), x=x, cs_prev=cs, h_prev=h,
                                        **_weights(11), forget_bias=1.0, cell_clip=-1.0, use_peephole=False)[6], 1e-4)
    rng = np.random.default_rng(13)
    gru = dict(w_ru=rng.standard_normal((INPUT + UNITS, 2 * UNITS)).astype(np.float32) * 0.6,
               w_c=rng.standard_normal((INPUT + UNITS, UNITS)).astype(np.float32) * 0.6,
               b_ru=rng.standard_normal(2 * UNITS).astype(np.float32) * 0.3,
               b_c=rng.standard_normal(UNITS).astype(np.float32) * 0.3)
    case('GRUBlockCell', 'all-outputs', 'rnn', [('f', (None, INPUT), (2, INPUT)), ('f', (None, UNITS), (2, UNITS))],
         lambda x, h: list(raw.GRUBlockCell(x=x, h_prev=h, **gru)))
