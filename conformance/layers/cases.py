"""The layer tests' cases: for each TensorFlow op type, single-op (or few-op) graphs across its attribute variants.

A case is an op type, a variant label, its family (the CI subset runs each family's first case), the inputs (each a
Placeholder (kind, shape), or (kind, shape with None dims, the shape fed) for dynamic dims, fed with fixed random
values: `f` float32 normal, `pos` float32 in [0.5, 3], `ge1` in [1, 4], `unit`
float32 in (-0.9, 0.9), `i32`/`i64` integers in [-10, 10], `nz32` integers in [1, 10] with random sign, `idx6`
int32 in [0, 6), `bool`, `special` float32 of NaN, +-inf and ordinary values, `bits` float32 of both zeros,
subnormals, the extremes, powers of two, infinities and NaN, `prob` float32 in [0, 1), `box`
float32 boxes (..., 4); a negative dim is a dynamic one: None in the Placeholder, fed with its absolute value), a
builder that makes the op from
the placeholders with tf.raw_ops (so the op type is exactly the one named) and returns its output(s), and the
relative tolerance of float outputs (1e-5 for exact ops; TRANSCENDENTAL for ops OpenVINO's CPU computes with its
own polynomial approximations).
"""

from dataclasses import dataclass, field

import numpy as np

TRANSCENDENTAL = 1e-4   # exp, log, tanh, sigmoid, erf, trig: OpenVINO's CPU kernels approximate them


@dataclass
class LayerCase:
    op: str
    variant: str
    family: str
    inputs: list
    build: object
    tol: float = 1e-5
    notes: list = field(default_factory=list)
    checkpoint: str = None   # 'V1' or 'V2': the graph's variables saved in that format, given with --input_checkpoint
    fp16: bool = True        # False: its point is float constants that FP16 compression rounds (a score at a threshold)

    @property
    def id(self):
        return '%s:%s' % (self.op, self.variant)


def weights(shape, seed=7):
    """Fixed random float32 values for a constant operand (filters, offsets)."""
    return np.random.default_rng(seed).standard_normal(shape).astype(np.float32)


def cases():
    import tensorflow as tf
    raw = tf.raw_ops
    out = []

    def case(op, variant, family, inputs, build, tol=1e-5, checkpoint=None, fp16=True):
        out.append(LayerCase(op, variant, family, inputs, build, tol, checkpoint=checkpoint, fp16=fp16))

    # pass-through and sources (every case also has Placeholder, most a Const)
    for op in ('Identity', 'StopGradient', 'Snapshot', 'PreventGradient'):
        case(op, 'f32', 'identity', [('f', (2, 3))], lambda x, op=op: getattr(raw, op)(input=x) * 2.0)
    case('IdentityN', 'two', 'identity', [('f', (2, 3)), ('i32', (4,))], lambda x, y: raw.IdentityN(input=[x, y]))
    case('CheckNumerics', 'f32', 'identity', [('f', (2, 3))], lambda x: raw.CheckNumerics(tensor=x, message='m') + 1.0)
    case('EnsureShape', 'f32', 'identity', [('f', (2, 3))], lambda x: raw.EnsureShape(input=x, shape=[2, 3]) + 1.0)
    case('CheckNumericsV2', 'f32', 'identity', [('f', (2, -3))],
         lambda x: raw.CheckNumericsV2(tensor=x, message='m') + 1.0)
    case('GuaranteeConst', 'const', 'identity', [('f', (2, 3))],
         lambda x: x + raw.GuaranteeConst(input=tf.constant(weights((2, 3)))))
    case('PlaceholderWithDefault', 'const', 'identity', [('f', (2, 3))],
         lambda x: x + raw.PlaceholderWithDefault(input=tf.constant(weights((2, 3))), shape=[2, 3]))
    case('Const', 'f32', 'identity', [('f', (2, 3))], lambda x: x * tf.constant(weights((2, 3))))
    case('Print', 'f32', 'identity', [('f', (2, 3))], lambda x: raw.Print(input=x, data=[x], message='m') * 2.0)

    # handled before translation: ops run only by control edges (left out with them), function calls (inlined),
    # variables (frozen from the checkpoint given with --input_checkpoint)
    def after(control, value):
        with tf.control_dependencies([control]):
            return tf.identity(value)

    def checked(x):
        return raw.Assert(condition=raw.All(input=x > -100.0, axis=[0, 1]), data=[x], summarize=3)

    def called(x, nested=False):
        inner = tf.function(lambda a: a * 2.0 + 1.0)
        outer = tf.function(lambda a: [inner(a) - 3.0, tf.shape(a)]) if nested else inner
        return outer(x)

    def printing(x):
        @tf.function
        def body(a):
            tf.print(a)
            return a * 0.5
        return body(x)

    def asserting(x):
        @tf.function
        def body(a):
            checked(a)
            return a * 3.0
        return body(x)

    def dense(x, resource):
        w = tf.compat.v1.get_variable('w', (3, 4), initializer=tf.zeros_initializer(), use_resource=resource)
        b = tf.compat.v1.get_variable('b', (4,), initializer=tf.zeros_initializer(), use_resource=resource)
        return tf.matmul(x, w) + b

    case('NoOp', 'control-edge', 'control', [('f', (2, 3))], lambda x: after(raw.NoOp(), x * 2.0))
    case('Assert', 'control-edge', 'control', [('f', (2, 3))], lambda x: after(checked(x), x * 2.0))
    case('Assert', 'in-function', 'control', [('f', (2, 3))], asserting)
    case('PrintV2', 'control-edge', 'control', [('f', (2, 3))],
         lambda x: after(raw.PrintV2(input=raw.StringFormat(inputs=[x])), x + 1.0))
    case('PartitionedCall', 'tf-function', 'control', [('f', (2, 3))], called)
    case('PartitionedCall', 'nested-two-outputs', 'control', [('f', (-2, 3))], lambda x: called(x, nested=True))
    case('StatefulPartitionedCall', 'print-in-body', 'control', [('f', (2, 3))], printing)
    for version in ('V2', 'V1'):
        case('VariableV2', 'checkpoint-' + version, 'variables', [('f', (2, 3))],
             lambda x: dense(x, False), checkpoint=version)
    case('VarHandleOp', 'checkpoint-V2', 'variables', [('f', (2, 3))], lambda x: dense(x, True), checkpoint='V2')
    case('ReadVariableOp', 'checkpoint-V1', 'variables', [('f', (-2, 3))], lambda x: dense(x, True),
         checkpoint='V1')

    def embedded(ids, batch_dims=0):  # a Keras Embedding's lookup in a TF2 model: ResourceGather of a resource table
        table = tf.compat.v1.get_variable('table', (6, 4), initializer=tf.zeros_initializer(), use_resource=True)
        return raw.ResourceGather(resource=table.handle, indices=ids, dtype=tf.float32, batch_dims=batch_dims)
    case('ResourceGather', 'checkpoint-V2', 'variables', [('idx6', (2, 3))], embedded, checkpoint='V2')
    case('ResourceGather', 'dynamic-ids-V1', 'variables', [('idx6', (-3,), (5,))], embedded, checkpoint='V1')

    # elementwise, one input
    for op, kind, tol in (('Relu', 'f', 1e-5), ('Relu6', 'f', 1e-5), ('Sigmoid', 'f', TRANSCENDENTAL),
                          ('Tanh', 'f', TRANSCENDENTAL), ('Exp', 'f', TRANSCENDENTAL), ('Log', 'pos', TRANSCENDENTAL),
                          ('Sqrt', 'pos', 1e-5), ('Rsqrt', 'pos', TRANSCENDENTAL), ('Square', 'f', 1e-5),
                          ('Abs', 'f', 1e-5), ('Neg', 'f', 1e-5), ('Floor', 'f', 1e-5), ('Ceil', 'f', 1e-5),
                          ('Erf', 'f', TRANSCENDENTAL), ('Softplus', 'f', TRANSCENDENTAL),
                          ('Softsign', 'f', TRANSCENDENTAL),
                          ('Elu', 'f', TRANSCENDENTAL), ('Selu', 'f', TRANSCENDENTAL), ('Round', 'f', 1e-5),
                          ('Cos', 'f', TRANSCENDENTAL), ('Sin', 'f', TRANSCENDENTAL), ('Tan', 'unit', TRANSCENDENTAL),
                          ('Acos', 'unit', TRANSCENDENTAL), ('Asin', 'unit', TRANSCENDENTAL),
                          ('Atan', 'f', TRANSCENDENTAL), ('Cosh', 'f', TRANSCENDENTAL),
                          ('Sinh', 'f', TRANSCENDENTAL), ('Asinh', 'f', TRANSCENDENTAL),
                          ('Acosh', 'ge1', TRANSCENDENTAL), ('Atanh', 'unit', TRANSCENDENTAL),
                          ('Sign', 'f', 1e-5), ('Reciprocal', 'pos', 1e-5), ('Inv', 'pos', 1e-5),
                          ('Expm1', 'f', TRANSCENDENTAL), ('Log1p', 'pos', TRANSCENDENTAL)):
        arg = 'features' if op in ('Relu', 'Relu6', 'Softplus', 'Softsign', 'Elu', 'Selu') else 'x'
        case(op, 'f32', 'unary', [(kind, (2, 3, 4))], lambda x, op=op, arg=arg: getattr(raw, op)(**{arg: x}), tol)
    case('LeakyRelu', 'alpha0.3', 'unary', [('f', (2, 3, 4))], lambda x: raw.LeakyRelu(features=x, alpha=0.3))
    for op in ('Abs', 'Neg', 'Square'):
        case(op, 'i32', 'unary', [('i32', (2, 5))], lambda x, op=op: getattr(raw, op)(x=x))
    case('Round', 'halves', 'unary', [('f', (8,))], lambda x: raw.Round(x=tf.constant(
        np.array([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5, 0.4], np.float32)) + x * 0.0))
    for src, dst in (('f', tf.int32), ('i32', tf.float32), ('bool', tf.float32), ('i64', tf.int32), ('f', tf.bool)):
        case('Cast', '%s-to-%s' % (src, dst.name), 'unary', [(src, (3, 4))],
             lambda x, dst=dst: raw.Cast(x=x, DstT=dst))
    # bfloat16 (a Keras mixed_bfloat16 model's compute type): rounding to it (nearest even), and a layer computed in
    # it from a bfloat16 constant; TensorFlow and OpenVINO may round a bfloat16 product's sums differently
    case('Cast', 'f-to-bfloat16-and-back', 'unary', [('f', (3, 4))],
         lambda x: raw.Cast(x=raw.Cast(x=x * 3.7, DstT=tf.bfloat16), DstT=tf.float32))
    case('Cast', 'bfloat16-matmul', 'unary', [('f', (3, 4))],
         lambda x: raw.Cast(x=tf.nn.relu(raw.MatMul(a=raw.Cast(x=x, DstT=tf.bfloat16),
                                                    b=tf.constant(weights((4, 5)), tf.bfloat16))
                                         + tf.constant(weights((5,)), tf.bfloat16)), DstT=tf.float32), 1e-2)
    case('LogicalNot', 'bool', 'logical', [('bool', (3, 4))], lambda x: raw.LogicalNot(x=x))
    # Bitcast of run-time f32 values to i32 (`bits`: zeros of both signs, subnormals, the extremes, powers of two,
    # infinities, NaN...); Keras's signbit as its argmax uses it
    case('Bitcast', 'f32-to-i32', 'bitcast', [('bits', (6, 8))], lambda x: raw.Bitcast(input=x, type=tf.int32))
    case('Bitcast', 'f32-to-i32-dynamic', 'bitcast', [('f', (-3, 5))],
         lambda x: raw.Bitcast(input=x * 100.0, type=tf.int32))
    case('Bitcast', 'signbit', 'bitcast', [('bits', (6, 8))], lambda x: tf.less(raw.BitwiseAnd(
        x=raw.Bitcast(input=x, type=tf.int32), y=tf.constant(-2 ** 31)), 0))
    # of constants: folded at conversion, the same width or a dim added or removed
    for variant, value, dst in (('const-i32-to-f32', np.array([[1065353216, -1082130432, 1078530011]], np.int32),
                                 tf.float32),
                                ('const-f32-to-u8', np.array([1.5, -2.25], np.float32), tf.uint8),
                                ('const-u8-to-i32', np.arange(8, dtype=np.uint8).reshape(2, 4) * 37, tf.int32),
                                ('const-f64-to-i32', np.array([0.1, -3.0], np.float64), tf.int32)):
        case('Bitcast', variant, 'bitcast', [('i32', (1,))], lambda x, value=value, dst=dst: raw.Bitcast(
            input=tf.constant(value), type=dst) + tf.cast(x * 0, dst))
    for op in ('IsNan', 'IsInf', 'IsFinite'):
        case(op, 'special-values', 'unary', [('special', (2, 8))], lambda x, op=op: getattr(raw, op)(x=x))
    case('Bucketize', 'f32', 'unary', [('f', (3, 4))], lambda x: raw.Bucketize(input=x, boundaries=[-1.0, 0.0, 0.5]))
    case('Bucketize', 'i32-on-boundary', 'unary', [('i32', (3, 4))],
         lambda x: raw.Bucketize(input=x, boundaries=[-5.0, 0.0, 3.0]))
    case('ClipByValue', 'scalars', 'unary', [('f', (3, 4))],
         lambda x: raw.ClipByValue(t=x, clip_value_min=-0.5, clip_value_max=0.7))
    case('ClipByValue', 'tensors', 'unary', [('f', (3, 4)), ('f', (3, 4)), ('pos', (3, 4))],
         lambda x, lo, hi: raw.ClipByValue(t=x, clip_value_min=lo, clip_value_max=hi))

    # elementwise, two or more inputs
    for op in ('Add', 'AddV2', 'Sub', 'Mul', 'Maximum', 'Minimum', 'SquaredDifference'):
        case(op, 'f32-broadcast', 'binary', [('f', (2, 3, 4)), ('f', (4,))],
             lambda x, y, op=op: getattr(raw, op)(x=x, y=y))
        case(op, 'i32', 'binary', [('i32', (2, 3)), ('i32', (2, 3))], lambda x, y, op=op: getattr(raw, op)(x=x, y=y))
    case('AddV2', 'i64-broadcast', 'binary', [('i64', (2, 1, 4)), ('i64', (3, 1))], lambda x, y: raw.AddV2(x=x, y=y))
    case('AddN', 'three', 'binary', [('f', (2, 3)), ('f', (2, 3)), ('f', (2, 3))],
         lambda x, y, z: raw.AddN(inputs=[x, y, z]))
    case('RealDiv', 'f32', 'binary', [('f', (2, 3, 4)), ('pos', (3, 1))], lambda x, y: raw.RealDiv(x=x, y=y))
    case('Pow', 'f32', 'binary', [('pos', (2, 3)), ('f', (2, 3))], lambda x, y: raw.Pow(x=x, y=y), TRANSCENDENTAL)
    case('FloorDiv', 'f32', 'binary', [('f', (2, 3, 4)), ('pos', (4,))], lambda x, y: raw.FloorDiv(x=x, y=y))
    case('FloorDiv', 'i32-signs', 'binary', [('i32', (3, 4)), ('nz32', (3, 4))], lambda x, y: raw.FloorDiv(x=x, y=y))
    case('FloorMod', 'f32', 'binary', [('f', (2, 3, 4)), ('pos', (4,))], lambda x, y: raw.FloorMod(x=x, y=y))
    case('FloorMod', 'i32-signs', 'binary', [('i32', (3, 4)), ('nz32', (3, 4))], lambda x, y: raw.FloorMod(x=x, y=y))
    for op in ('Less', 'LessEqual', 'Greater', 'GreaterEqual', 'Equal', 'NotEqual'):
        case(op, 'f32-broadcast', 'compare', [('f', (2, 3, 4)), ('f', (4,))],
             lambda x, y, op=op: getattr(raw, op)(x=x, y=y))
        case(op, 'i32', 'compare', [('i32', (2, 3)), ('i32', (2, 3))], lambda x, y, op=op: getattr(raw, op)(x=x, y=y))
    for op in ('BitwiseAnd', 'BitwiseOr', 'BitwiseXor'):
        case(op, 'i32-broadcast', 'bitwise', [('i32', (3, 4)), ('i32', (4,))],
             lambda x, y, op=op: getattr(raw, op)(x=x, y=y))
        case(op, 'i64', 'bitwise', [('i64', (2, 3)), ('i64', (2, 3))], lambda x, y, op=op: getattr(raw, op)(x=x, y=y))
    for op in ('LeftShift', 'RightShift'):
        case(op, 'i32-signed', 'bitwise', [('i32', (3, 4)), ('idx6', (3, 4))],
             lambda x, y, op=op: getattr(raw, op)(x=x, y=y))
        case(op, 'i64-broadcast', 'bitwise', [('i64', (2, 3)), ('idx6', (3,))],
             lambda x, y, op=op: getattr(raw, op)(x=x, y=raw.Cast(x=y, DstT=tf.int64)))
    case('Invert', 'i32', 'bitwise', [('i32', (3, 4))], lambda x: raw.Invert(x=x))
    case('Invert', 'i64', 'bitwise', [('i64', (5,))], lambda x: raw.Invert(x=x))
    for op in ('LogicalAnd', 'LogicalOr'):
        case(op, 'bool-broadcast', 'logical', [('bool', (3, 4)), ('bool', (4,))],
             lambda x, y, op=op: getattr(raw, op)(x=x, y=y))
    case('Select', 'same-shape', 'select', [('bool', (3, 4)), ('f', (3, 4)), ('f', (3, 4))],
         lambda c, x, y: raw.Select(condition=c, x=x, y=y))
    case('Select', 'rank1-condition', 'select', [('bool', (3,)), ('f', (3, 4)), ('f', (3, 4))],
         lambda c, x, y: raw.Select(condition=c, x=x, y=y))
    case('SelectV2', 'broadcast', 'select', [('bool', (4,)), ('f', (3, 4)), ('f', (3, 1))],
         lambda c, x, y: raw.SelectV2(condition=c, t=x, e=y))
    case('SelectV2', 'i32', 'select', [('bool', (3, 4)), ('i32', (3, 4)), ('i32', ())],
         lambda c, x, y: raw.SelectV2(condition=c, t=x, e=y))
    case('SelectV2', 'bool', 'select', [('bool', (3, 4)), ('bool', (3, 4)), ('bool', ())],
         lambda c, x, y: raw.SelectV2(condition=c, t=x, e=y))
    for lower, upper in ((-1, 0), (1, 2), (0, -1)):
        case('MatrixBandPart', 'lower%d-upper%d' % (lower, upper), 'select', [('f', (2, 4, 5))],
             lambda x, lo=lower, up=upper: raw.MatrixBandPart(input=x, num_lower=lo, num_upper=up))
    case('MatrixBandPart', 'i64-band', 'select', [('i64', (5, 3))],
         lambda x: raw.MatrixBandPart(input=x, num_lower=tf.constant(1, tf.int64), num_upper=tf.constant(0, tf.int64)))
    # a causal mask of a sequence of any length (GPT-style decoders: band_part(ones([n, n]), -1, 0)), and a band
    # given at run time
    case('MatrixBandPart', 'dynamic-causal', 'select', [('f', (None, None, None), (2, 6, 6))],
         lambda x: raw.MatrixBandPart(input=x, num_lower=-1, num_upper=0))
    case('MatrixBandPart', 'dynamic-runtime-band', 'select', [('f', (None, 5, None), (1, 5, 7)), ('idx6', ())],
         lambda x, k: raw.MatrixBandPart(input=x, num_lower=k - 2, num_upper=k % 3))
    case('BiasAdd', 'NHWC', 'binary', [('f', (1, 4, 4, 3))], lambda x: raw.BiasAdd(value=x, bias=weights((3,))))
    case('BiasAdd', 'NCHW', 'binary', [('f', (1, 3, 4, 4))],
         lambda x: raw.BiasAdd(value=x, bias=weights((3,)), data_format='NCHW'))

    # elementwise math built from several ops; activations as Keras and tf.nn build them
    case('BiasAddV1', 'NHWC', 'math', [('f', (1, 4, 4, 3))], lambda x: raw.BiasAddV1(value=x, bias=weights((3,))))
    case('Rint', 'halves', 'math', [('f', (8,))], lambda x: raw.Rint(x=tf.constant(
        np.array([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5, 0.4], np.float32)) + x * 0.0))
    case('Rint', 'f32', 'math', [('f', (3, 4))], lambda x: raw.Rint(x=x * 3.0))
    case('Erfc', 'f32', 'math', [('f', (2, 3, 4))], lambda x: raw.Erfc(x=x), TRANSCENDENTAL)
    for op in ('Div', 'TruncateDiv', 'Mod', 'TruncateMod'):
        case(op, 'f32-broadcast', 'math', [('f', (2, 3, 4)), ('pos', (4,))], lambda x, y, op=op: getattr(raw, op)(
            x=x * 4.0, y=-y))
        case(op, 'i32-signs', 'math', [('i32', (3, 4)), ('nz32', (3, 4))],
             lambda x, y, op=op: getattr(raw, op)(x=x, y=y))
    case('Div', 'i64-signs', 'math', [('i64', (3, 4)), ('i64', (4,))],
         lambda x, y: raw.Div(x=x, y=tf.where(tf.equal(y, 0), tf.constant(3, tf.int64), y)))
    for op, kind in (('DivNoNan', 'f'), ('MulNoNan', 'f'), ('Xdivy', 'f'), ('Xlogy', 'pos'), ('Xlog1py', 'pos')):
        case(op, 'zeros-broadcast', 'math', [('f', (2, 3, 4)), (kind, (4,))], lambda x, y, op=op: getattr(raw, op)(
            x=tf.nn.relu(x) * tf.cast(x > 0.5, tf.float32), y=y * tf.constant([1.0, 0.0, 1.0, 1.0])
            if op in ('DivNoNan', 'MulNoNan') else y), TRANSCENDENTAL if op.startswith('Xlog') else 1e-5)
    case('Atan2', 'quadrants', 'math', [('f', (3, 8)), ('f', (3, 8))],
         lambda y, x: raw.Atan2(y=tf.concat([y, tf.zeros([3, 1])], 1), x=tf.concat([x, tf.zeros([3, 1])], 1)),
         TRANSCENDENTAL)
    case('ApproximateEqual', 'tolerance0.5', 'math', [('f', (3, 4)), ('f', (3, 4))],
         lambda x, y: raw.ApproximateEqual(x=x, y=y, tolerance=0.5))
    for op in ('BitwiseAnd', 'BitwiseOr', 'BitwiseXor'):
        case(op, 'i32-broadcast', 'math', [('i32', (3, 4)), ('i32', (4,))],
             lambda x, y, op=op: getattr(raw, op)(x=x, y=y))
    case('BitwiseAnd', 'i64', 'math', [('i64', (3, 4)), ('i64', (3, 4))], lambda x, y: raw.BitwiseAnd(x=x, y=y))
    for op in ('LeftShift', 'RightShift'):
        case(op, 'i32', 'math', [('i32', (3, 4)), ('idx6', (3, 4))], lambda x, y, op=op: getattr(raw, op)(x=x, y=y))
    case('Invert', 'i32', 'math', [('i32', (3, 4))], lambda x: raw.Invert(x=x))
    case('EuclideanNorm', 'axes[1,-1]-keep', 'math', [('f', (2, 3, 4))],
         lambda x: raw.EuclideanNorm(input=x, axis=[1, -1], keep_dims=True))
    case('EuclideanNorm', 'axis0', 'math', [('f', (3, 4))], lambda x: raw.EuclideanNorm(input=x, axis=0))
    case('Cross', 'f32', 'math', [('f', (2, 4, 3)), ('f', (2, 4, 3))], lambda x, y: raw.Cross(a=x, b=y))
    case('Cross', 'i32-dynamic', 'math', [('i32', (-5, 3)), ('i32', (-5, 3))], lambda x, y: raw.Cross(a=x, b=y))
    case('L2Loss', 'f32', 'math', [('f', (3, 4, 5))], lambda x: raw.L2Loss(t=x))
    for variant, low, high, bits, narrow in (('defaults', -6.0, 6.0, 8, False), ('4bit-narrow', -1.3, 2.1, 4, True),
                                              ('positive-range', 0.3, 2.5, 8, False)):
        case('FakeQuantWithMinMaxArgs', variant, 'math', [('f', (2, 3, 8))],
             lambda x, lo=low, hi=high, b=bits, n=narrow: raw.FakeQuantWithMinMaxArgs(
                 inputs=x * 2.0, min=lo, max=hi, num_bits=b, narrow_range=n))
    case('FakeQuantWithMinMaxVars', 'const-range', 'math', [('f', (1, 4, 4, 3))],
         lambda x: raw.FakeQuantWithMinMaxVars(inputs=x, min=-2.2, max=3.7))
    case('FakeQuantWithMinMaxVarsPerChannel', 'last-axis', 'math', [('f', (2, 4, 3))],
         lambda x: raw.FakeQuantWithMinMaxVarsPerChannel(inputs=x * 2.0, min=[-1.0, -3.1, 0.0], max=[1.0, 2.2, 4.5],
                                                         num_bits=6))
    for variant, build in (('gelu-exact', lambda x: tf.nn.gelu(x)), ('gelu-tanh', lambda x: tf.nn.gelu(x, True)),
                           ('mish', lambda x: x * tf.tanh(tf.nn.softplus(x))), ('swish', tf.nn.silu),
                           ('hard_sigmoid', lambda x: tf.minimum(tf.maximum(x * 0.2 + 0.5, 0.0), 1.0)),
                           ('hard_swish', lambda x: x * tf.nn.relu6(x + 3.0) / 6.0),
                           ('relu-max-threshold', lambda x: tf.where(x > 0.5, tf.minimum(x, 4.0), 0.1 * (x - 0.5)))):
        op = {'gelu-exact': 'Erf', 'gelu-tanh': 'Tanh', 'mish': 'Softplus', 'swish': 'Sigmoid',
              'hard_sigmoid': 'Maximum', 'hard_swish': 'Relu6', 'relu-max-threshold': 'SelectV2'}[variant]
        case(op, variant, 'activation', [('f', (-2, 3, 8))], lambda x, b=build: b(x * 3.0), TRANSCENDENTAL)
    case('Relu', 'keras-prelu', 'activation', [('f', (2, 3, 8))],
         lambda x: tf.nn.relu(x) - weights((8,)) * tf.nn.relu(-x))
    # tf.nn.softmax and log_softmax along another axis: Transpose (a permutation made by Range, Sub, Pack, ConcatV2)
    case('Softmax', 'axis1', 'activation', [('f', (2, 5, 3))], lambda x: tf.nn.softmax(x, axis=1), TRANSCENDENTAL)
    case('LogSoftmax', 'axis0', 'activation', [('f', (4, 3, 2))], lambda x: tf.nn.log_softmax(x, axis=0),
         TRANSCENDENTAL)

    # windows
    case('Conv2D', 'SAME-stride2', 'conv', [('f', (1, 9, 9, 3))],
         lambda x: raw.Conv2D(input=x, filter=weights((3, 3, 3, 4)), strides=[1, 2, 2, 1], padding='SAME'))
    case('Conv2D', 'VALID-dilation2', 'conv', [('f', (1, 9, 9, 3))],
         lambda x: raw.Conv2D(input=x, filter=weights((3, 3, 3, 4)), strides=[1, 1, 1, 1], padding='VALID',
                              dilations=[1, 2, 2, 1]))
    case('DepthwiseConv2dNative', 'SAME-multiplier2', 'conv', [('f', (1, 8, 8, 3))],
         lambda x: raw.DepthwiseConv2dNative(input=x, filter=weights((3, 3, 3, 2)), strides=[1, 1, 1, 1],
                                             padding='SAME'))
    for padding, size, stride in (('SAME', 10, 2), ('SAME', 9, 2), ('SAME', 5, 1), ('VALID', 11, 2), ('VALID', 12, 2)):
        case('Conv2DBackpropInput', '%s-to%d-stride%d' % (padding, size, stride), 'conv', [('f', (1, 5, 5, 4))],
             lambda x, p=padding, n=size, s=stride: raw.Conv2DBackpropInput(
                 input_sizes=[1, n, n, 3], filter=weights((3, 3, 3, 4)), out_backprop=x, strides=[1, s, s, 1],
                 padding=p))
    # input_sizes computed at run time: of a dynamic batch and constant sizes (as Keras builds it), of dynamic sizes
    case('Conv2DBackpropInput', 'SAME-packed-batch', 'conv', [('f', (None, 5, 5, 4), (2, 5, 5, 4))],
         lambda x: raw.Conv2DBackpropInput(
             input_sizes=raw.Pack(values=[raw.Shape(input=x)[0], 10, 10, 3]), filter=weights((3, 3, 3, 4)),
             out_backprop=x, strides=[1, 2, 2, 1], padding='SAME'))
    for padding, extra in (('SAME', 0), ('SAME', -1), ('VALID', 1), ('VALID', 2)):
        case('Conv2DBackpropInput', '%s-dynamic-sizes-2n%+d' % (padding, extra), 'conv',
             [('f', (1, None, None, 4), (1, 5, 5, 4))],
             lambda x, p=padding, e=extra: raw.Conv2DBackpropInput(
                 input_sizes=raw.Shape(input=x) * [1, 2, 2, 0] + [0, e, e, 3], filter=weights((3, 3, 3, 4)),
                 out_backprop=x, strides=[1, 2, 2, 1], padding=p))
    for op in ('MaxPool', 'AvgPool'):
        for padding in ('SAME', 'VALID'):
            case(op, padding + '-3x3-stride2', 'pool', [('f', (1, 9, 8, 3))],
                 lambda x, op=op, p=padding: getattr(raw, op)(**{'input' if op == 'MaxPool' else 'value': x},
                                                              ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding=p))
    for padding in ('SAME', 'VALID'):
        case('MaxPoolV2', padding + '-2x3-stride2x1', 'pool', [('f', (-1, 7, 8, 3))],
             lambda x, p=padding: raw.MaxPoolV2(input=x, ksize=[1, 2, 3, 1], strides=[1, 2, 1, 1], padding=p))
    for padding in ('SAME', 'VALID'):
        for batch in (False, True):
            for argmax in (tf.int64, tf.int32):
                case('MaxPoolWithArgmax', '%s-2x3-stride2%s-%s' % (padding, '-batch' if batch else '', argmax.name),
                     'pool', [('f', (2, 5, 7, 3))],
                     lambda x, p=padding, b=batch, t=argmax: list(raw.MaxPoolWithArgmax(
                         input=x, ksize=[1, 2, 3, 1], strides=[1, 2, 2, 1], padding=p, Targmax=t,
                         include_batch_in_index=b)))
    case('MaxPoolWithArgmax', 'SAME-3x3-stride1-batch-dynamic', 'pool', [('f', (-3, 4, 5, 2))],
         lambda x: list(raw.MaxPoolWithArgmax(input=x, ksize=[1, 3, 3, 1], strides=[1, 1, 1, 1], padding='SAME',
                                              include_batch_in_index=True)))
    # 3-D: NDHWC (TensorFlow's CPU kernels run neither NCDHW nor a dilated Conv3D)
    for variant, strides, padding in (('SAME-stride2', (2, 2, 2), 'SAME'), ('VALID-stride1x2x1', (1, 2, 1), 'VALID')):
        case('Conv3D', variant, 'conv3d', [('f', (-1, 7, 8, 6, 3))],
             lambda x, s=strides, p=padding: raw.Conv3D(input=x, filter=weights((3, 2, 3, 3, 4)), strides=[1, *s, 1],
                                                        padding=p))
    for padding, size in (('SAME', (8, 9, 7)), ('VALID', (9, 11, 8)), ('VALID', (10, 12, 9))):
        case('Conv3DBackpropInputV2', '%s-to%dx%dx%d' % (padding, *size), 'conv3d', [('f', (1, 4, 5, 4, 4))],
             lambda x, p=padding, n=size: raw.Conv3DBackpropInputV2(
                 input_sizes=[1, *n, 3], filter=weights((3, 3, 2, 3, 4)), out_backprop=x, strides=[1, 2, 2, 2, 1],
                 padding=p))
    for op in ('MaxPool3D', 'AvgPool3D'):
        for padding in ('SAME', 'VALID'):
            case(op, padding + '-2x3x2-stride2', 'pool3d', [('f', (2, 7, 8, 5, 3))],
                 lambda x, op=op, p=padding: getattr(raw, op)(input=x, ksize=[1, 2, 3, 2, 1], strides=[1, 2, 2, 2, 1],
                                                              padding=p))
    case('SpaceToBatchND', 'pad', 'spacebatch', [('f', (1, 6, 6, 2))],
         lambda x: raw.SpaceToBatchND(input=x, block_shape=[2, 2], paddings=[[1, 1], [0, 2]]))
    case('BatchToSpaceND', 'crop', 'spacebatch', [('f', (4, 3, 3, 2))],
         lambda x: raw.BatchToSpaceND(input=x, block_shape=[2, 2], crops=[[1, 0], [0, 1]]))
    # paddings and crops computed from an image of unknown size, as tf.nn.atrous_conv2d and Keras' dilated Conv2D do
    case('SpaceToBatchND', 'dynamic-size-rate3', 'spacebatch', [('f', (1, None, None, 2), (1, 7, 8, 2))],
         lambda x: raw.SpaceToBatchND(input=x, block_shape=[3, 3], paddings=tf.stack(
             [tf.shape(x)[1:3] % 2, (3 - (tf.shape(x)[1:3] + tf.shape(x)[1:3] % 2) % 3) % 3], 1)))
    case('BatchToSpaceND', 'dynamic-crops-i64', 'spacebatch', [('f', (None, 3, 3, 2), (4, 3, 3, 2))],
         lambda x: raw.BatchToSpaceND(input=x, block_shape=[2, 2], crops=tf.cast(tf.stack(
             [[tf.shape(x)[0] // 4, 0], [0, tf.shape(x)[0] // 4]]), tf.int64)))
    case('DepthToSpace', 'NHWC-block2', 'spacebatch', [('f', (1, 3, 4, 8))],
         lambda x: raw.DepthToSpace(input=x, block_size=2))
    case('SpaceToDepth', 'NHWC-block2', 'spacebatch', [('f', (1, 4, 6, 3))],
         lambda x: raw.SpaceToDepth(input=x, block_size=2))
    for padding, ksizes, strides, rates in (('VALID', 3, 2, 1), ('SAME', 3, 2, 1), ('SAME', 2, 3, 2),
                                            ('VALID', 2, 1, 2)):
        case('ExtractImagePatches', '%s-k%d-s%d-r%d' % (padding, ksizes, strides, rates), 'spacebatch',
             [('f', (2, 7, 8, 3))],
             lambda x, p=padding, k=ksizes, s=strides, r=rates: raw.ExtractImagePatches(
                 images=x, ksizes=[1, k, k, 1], strides=[1, s, s, 1], rates=[1, r, r, 1], padding=p))
    case('ExtractImagePatches', 'i64-dynamic-batch-k2x3', 'spacebatch', [('i64', (None, 5, 6, 2), (2, 5, 6, 2))],
         lambda x: raw.ExtractImagePatches(images=x, ksizes=[1, 2, 3, 1], strides=[1, 1, 2, 1], rates=[1, 1, 1, 1],
                                           padding='SAME'))

    # normalization, matrices
    for op in ('FusedBatchNorm', 'FusedBatchNormV2', 'FusedBatchNormV3'):
        case(op, 'inference', 'norm', [('f', (1, 4, 4, 3))],
             lambda x, op=op: getattr(raw, op)(x=x, scale=weights((3,), 1), offset=weights((3,), 2),
                                               mean=weights((3,), 3), variance=np.abs(weights((3,), 4)) + 0.5,
                                               epsilon=1e-3, is_training=False)[0])
    case('FusedBatchNormV3', 'training-batch-statistics', 'norm', [('f', (None, 4, 4, 3), (2, 4, 4, 3))],
         lambda x: raw.FusedBatchNormV3(x=x, scale=weights((3,), 1), offset=weights((3,), 2), mean=[], variance=[],
                                        epsilon=1e-3, is_training=True)[0])

    def layer_norm(x):  # tf_keras's LayerNormalization: rows as the channels of a training-mode batch norm
        rows = tf.reduce_prod(tf.shape(x)[:-1])
        y = raw.FusedBatchNormV3(x=tf.reshape(x, [1, rows, 8, 1]), scale=tf.ones([rows]), offset=tf.zeros([rows]),
                                 mean=[], variance=[], epsilon=1e-3, data_format='NCHW', is_training=True)[0]
        return tf.reshape(y, tf.shape(x)) * weights((8,), 1) + weights((8,), 2)
    case('FusedBatchNormV3', 'training-layer-norm-form', 'norm', [('f', (None, None, 8), (2, 5, 8))], layer_norm)
    case('Softmax', 'last-axis', 'norm', [('f', (2, 3, 5))], lambda x: raw.Softmax(logits=x), TRANSCENDENTAL)
    case('LogSoftmax', 'last-axis', 'norm', [('f', (2, 3, 5))], lambda x: raw.LogSoftmax(logits=x), TRANSCENDENTAL)
    case('LRN', 'radius2', 'norm', [('f', (1, 4, 4, 8))],
         lambda x: raw.LRN(input=x, depth_radius=2, bias=1.5, alpha=0.3, beta=0.75), TRANSCENDENTAL)
    case('LRN', 'defaults', 'norm', [('f', (1, 3, 3, 12))], lambda x: raw.LRN(input=x), TRANSCENDENTAL)
    case('MatMul', 'plain', 'matmul', [('f', (3, 4)), ('f', (4, 5))], lambda a, b: raw.MatMul(a=a, b=b))
    case('MatMul', 'transposed', 'matmul', [('f', (4, 3)), ('f', (5, 4))],
         lambda a, b: raw.MatMul(a=a, b=b, transpose_a=True, transpose_b=True))
    case('BatchMatMul', 'adj_y', 'matmul', [('f', (2, 3, 4)), ('f', (2, 5, 4))],
         lambda a, b: raw.BatchMatMul(x=a, y=b, adj_y=True))
    case('BatchMatMulV2', 'broadcast', 'matmul', [('f', (2, 1, 3, 4)), ('f', (3, 4, 5))],
         lambda a, b: raw.BatchMatMulV2(x=a, y=b))
    case('BatchMatMulV3', 'adj_x', 'matmul', [('f', (2, 4, 3)), ('f', (2, 4, 5))],
         lambda a, b: raw.BatchMatMulV3(x=a, y=b, Tout=tf.float32, adj_x=True))

    # along axes
    for op in ('Mean', 'Sum', 'Max', 'Min', 'Prod'):
        case(op, 'axes[1,-1]-keep', 'reduce', [('f', (2, 3, 4))],
             lambda x, op=op: getattr(raw, op)(input=x, axis=[1, -1], keep_dims=True))
        case(op, 'i32-axis0', 'reduce', [('i32', (3, 4))], lambda x, op=op: getattr(raw, op)(input=x, axis=0))
    for op in ('All', 'Any'):
        case(op, 'axis-1', 'logical', [('bool', (3, 4))], lambda x, op=op: getattr(raw, op)(input=x, axis=-1))
        case(op, 'axes[0,1]-keep', 'logical', [('bool', (3, 4))],
             lambda x, op=op: getattr(raw, op)(input=x, axis=[0, 1], keep_dims=True))
    for op in ('ArgMax', 'ArgMin'):
        case(op, 'i64-axis1', 'reduce', [('f', (3, 5, 2))],
             lambda x, op=op: getattr(raw, op)(input=x, dimension=1))
        case(op, 'i32-axis-1', 'reduce', [('f', (3, 5))],
             lambda x, op=op: getattr(raw, op)(input=x, dimension=-1, output_type=tf.int32))
    for exclusive in (False, True):
        for reverse in (False, True):
            case('Cumsum', 'axis1-exclusive%d-reverse%d' % (exclusive, reverse), 'reduce', [('f', (2, 4, 3))],
                 lambda x, e=exclusive, r=reverse: raw.Cumsum(x=x, axis=1, exclusive=e, reverse=r))
    for op in ('UnsortedSegmentSum', 'UnsortedSegmentProd', 'UnsortedSegmentMax', 'UnsortedSegmentMin'):
        # ids in [-1, 5) of 6 segments: a dropped row (-1) and an empty segment (5)
        case(op, 'rows-dropped-empty', 'segment', [('f', (-7, 3)), ('idx6', (7,))],
             lambda x, i, op=op: getattr(raw, op)(data=x, segment_ids=i - 1, num_segments=6))
        case(op, 'i32-ids2d', 'segment', [('i32', (2, 3, 4)), ('idx6', (2, 3))],
             lambda x, i, op=op: getattr(raw, op)(data=x, segment_ids=tf.cast(i, tf.int64), num_segments=7))
    for op in ('SegmentSum', 'SegmentProd', 'SegmentMax', 'SegmentMin', 'SegmentMean'):
        # sorted ids 0, 0, 2, 2, 2, 3, 5: empty segments 1 and 4
        case(op, 'f32-empty-segments', 'segment', [('f', (-7, 2, 3))],
             lambda x, op=op: getattr(raw, op)(data=x, segment_ids=[0, 0, 2, 2, 2, 3, 5]))
        case(op, 'i32-vector', 'segment', [('i32', (7,))],
             lambda x, op=op: getattr(raw, op)(data=x, segment_ids=tf.constant([0, 1, 1, 1, 3, 3, 4], tf.int64)))
    for op in ('SparseSegmentSum', 'SparseSegmentMean', 'SparseSegmentSqrtN'):
        # rows picked by indices (one twice, one never), sorted ids 0, 0, 1, 3, 3: an empty segment 2
        case(op, 'picked-rows-empty-segment', 'segment', [('f', (-5, 3))],
             lambda x, op=op: getattr(raw, op)(data=x, indices=[0, 2, 2, 4, 1], segment_ids=[0, 0, 1, 3, 3]))
        # indices given at run time, i64 ids, 6 segments: the last two empty
        case(op + 'WithNumSegments', 'runtime-indices', 'segment', [('f', (6, 2, 2)), ('idx6', (7,))],
             lambda x, i, op=op: getattr(raw, op + 'WithNumSegments')(
                 data=x, indices=i, segment_ids=tf.constant([0, 0, 1, 1, 1, 2, 3], tf.int64), num_segments=6))
    case('SparseSegmentMean', 'embedding-lookup-sparse', 'segment', [('f', (8, 4))],
         lambda x: tf.nn.embedding_lookup_sparse(x, tf.sparse.SparseTensor(
             [[0, 0], [0, 1], [1, 0], [3, 0], [3, 1], [3, 2]], tf.constant([1, 5, 7, 0, 0, 3], tf.int64), [4, 3]),
             None, combiner='mean'))
    # values 0..5 into 4 bins (4 and 5 dropped, as TensorFlow drops values >= size), of any rank
    case('Bincount', 'counts-dropped', 'segment', [('idx6', (3, 5))],
         lambda i: raw.Bincount(arr=i, size=4, weights=tf.zeros([0])))
    case('Bincount', 'weighted-runtime-size', 'segment', [('idx6', (7,)), ('f', (7,)), ('f', (None,), (9,))],
         lambda i, w, n: raw.Bincount(arr=i, size=tf.shape(n)[0], weights=w))
    case('DenseBincount', 'tf-math-bincount', 'segment', [('idx6', (None,), (11,))],
         lambda i: tf.math.bincount(i, minlength=8))
    case('DenseBincount', 'rows-weighted-i64', 'segment', [('idx6', (3, 6)), ('i64', (3, 6))],
         lambda i, w: raw.DenseBincount(input=tf.cast(i, tf.int64), size=5, weights=w))
    case('DenseBincount', 'binary-output-rows', 'segment', [('idx6', (None, 6), (4, 6))],
         lambda i: tf.math.bincount(i, axis=-1, minlength=7, binary_output=True))
    # seeded random numbers: OpenVINO's RandomUniform with TensorFlow's alignment gives TensorFlow's own Philox draws
    case('RandomUniform', 'seeded-dropout-mask', 'random', [('f', (None, 6), (3, 6))],
         lambda x: x * raw.Cast(x=raw.RandomUniform(shape=tf.shape(x), dtype=tf.float32, seed=7, seed2=11) >= 0.5,
                                DstT=tf.float32) / 0.5)
    case('RandomUniform', 'constant-shape', 'random', [('f', (2, 5))],
         lambda x: x + raw.RandomUniform(shape=[2, 5], dtype=tf.float32, seed=1, seed2=2))
    case('RandomUniformInt', 'seeded-range', 'random', [('i32', (4, 3))],
         lambda x: x + raw.RandomUniformInt(shape=[4, 3], minval=-5, maxval=17, seed=3, seed2=9))
    case('RandomUniformInt', 'runtime-bounds', 'random', [('i32', ()), ('f', (None,), (7,))],
         lambda lo, x: raw.RandomUniformInt(shape=tf.shape(x), minval=lo, maxval=lo + 100, seed=12, seed2=5))
    # sparse tensors as tf.sparse passes them: indices (nnz, rank), values, dense shape
    adjacency = [[0, 1], [0, 3], [1, 0], [2, 2], [3, 4], [3, 0], [0, 1]]  # (0, 1) twice: the two add up
    case('SparseTensorDenseMatMul', 'gcn-repeated-index', 'sparse', [('f', (7,)), ('f', (5, 3))],
         lambda v, b: raw.SparseTensorDenseMatMul(a_indices=tf.constant(adjacency, tf.int64), a_values=v,
                                                  a_shape=tf.constant([4, 5], tf.int64), b=b))
    case('SparseTensorDenseMatMul', 'adjoint-a-b-i32-indices', 'sparse', [('f', (7,)), ('f', (3, 4))],
         lambda v, b: raw.SparseTensorDenseMatMul(a_indices=tf.constant(adjacency, tf.int32), a_values=v,
                                                  a_shape=tf.constant([4, 5], tf.int64), b=b, adjoint_a=True,
                                                  adjoint_b=True))
    case('SparseTensorDenseMatMul', 'runtime-indices', 'sparse',
         [('idx6', (5, 2)), ('f', (5,)), ('f', (None, 2), (6, 2))],
         lambda i, v, b: tf.sparse.sparse_dense_matmul(tf.sparse.SparseTensor(tf.cast(i, tf.int64), v, [6, 6]), b))
    case('SparseTensorDenseAdd', 'repeated-index', 'sparse', [('f', (7,)), ('f', (4, 5))],
         lambda v, b: raw.SparseTensorDenseAdd(a_indices=tf.constant(adjacency, tf.int64), a_values=v,
                                               a_shape=tf.constant([4, 5], tf.int64), b=b))
    case('SparseReshape', 'inferred-dim', 'sparse', [('idx6', (5, 3))],
         lambda i: list(raw.SparseReshape(input_indices=tf.cast(i, tf.int64), input_shape=tf.constant([6, 6, 6],
                                          tf.int64), new_shape=tf.constant([-1, 12], tf.int64))))
    case('SparseReshape', 'to-rank-3', 'sparse', [('idx6', (4, 2))],
         lambda i: list(raw.SparseReshape(input_indices=tf.cast(i, tf.int64), input_shape=tf.constant([6, 8],
                                          tf.int64), new_shape=tf.constant([2, 3, 8], tf.int64))))
    # rows 1, 3 and 5 empty, the entries not in row order
    case('SparseFillEmptyRows', 'unsorted-rows', 'sparse', [('f', (5,)), ('f', ())],
         lambda v, d: list(raw.SparseFillEmptyRows(indices=tf.constant([[4, 1], [0, 2], [2, 0], [0, 0], [2, 2]],
                                                                        tf.int64), values=v,
                                                    dense_shape=tf.constant([6, 3], tf.int64), default_value=d)))
    case('SparseFillEmptyRows', 'safe-embedding-lookup-sparse', 'sparse', [('f', (10, 4)), ('idx6', (6,))],
         lambda w, ids: tf.nn.safe_embedding_lookup_sparse(w, tf.sparse.SparseTensor(
             [[0, 0], [0, 1], [2, 0], [3, 0], [3, 1], [3, 2]], tf.cast(ids, tf.int64), [5, 3]), combiner='mean'))
    case('Cumsum', 'i32-axis-1', 'reduce', [('i32', (2, 5))], lambda x: raw.Cumsum(x=x, axis=-1))
    case('TopKV2', 'k3', 'reduce', [('f', (2, 7))], lambda x: list(raw.TopKV2(input=x, k=3)))
    # k known at run time only (non_max_suppression_padded sorts all its boxes: k = their number)
    case('TopKV2', 'runtime-k', 'reduce', [('f', (2, -7))], lambda x: list(raw.TopKV2(input=x, k=tf.shape(x)[1] - 2)))

    # detection post-processing: boxes of random corners (some beyond [0, 1]), scores in [0, 1); -n: a dynamic dim
    for n in (20, -20):
        case('NonMaxSuppressionV3', 'n%d-iou0.5-score0.3' % n, 'nms', [('box', (n, 4)), ('prob', (n,))],
             lambda b, s: raw.NonMaxSuppressionV3(boxes=b, scores=s, max_output_size=8, iou_threshold=0.5,
                                                  score_threshold=0.3))
    case('NonMaxSuppressionV3', 'flipped-corners', 'nms', [('box', (20, 4)), ('prob', (20,))],
         lambda b, s: raw.NonMaxSuppressionV3(boxes=tf.gather(b, [2, 1, 0, 3], axis=1), scores=s, max_output_size=10,
                                              iou_threshold=0.4, score_threshold=0.1))
    case('CombinedNonMaxSuppression', 'flipped-corners', 'nms', [('box', (2, 30, 1, 4)), ('prob', (2, 30, 3))],
         lambda b, s: list(raw.CombinedNonMaxSuppression(
             boxes=tf.gather(b, [0, 3, 2, 1], axis=3), scores=s, max_output_size_per_class=5, max_total_size=10,
             iou_threshold=0.5, score_threshold=0.2)))
    case('NonMaxSuppressionV4', 'inputs-pad1', 'nms', [('box', (20, 4)), ('prob', (20,)), ('idx6', ()), ('prob', ()),
                                                     ('prob', ())],
         lambda b, s, m, iou, score: list(raw.NonMaxSuppressionV4(
             boxes=b, scores=s, max_output_size=m + 9, iou_threshold=iou, score_threshold=score * 0.5,
             pad_to_max_output_size=True)))
    # scores at the threshold and the next float up, appended (boxes of their own): TensorFlow drops the first and
    # keeps the second, for a constant threshold and for one computed at run time
    at, above = np.float32(0.3), np.nextafter(np.float32(0.3), np.float32(1))
    edge_boxes = np.array([[0, 2, 0.5, 2.5], [0, 3, 0.5, 3.5]], np.float32)
    case('NonMaxSuppressionV3', 'score-at-and-above-threshold', 'nms', [('box', (20, 4)), ('prob', (20,))],
         lambda b, s: raw.NonMaxSuppressionV3(
             boxes=tf.concat([b, edge_boxes], 0), scores=tf.concat([s, [at, above]], 0), max_output_size=22,
             iou_threshold=1.0, score_threshold=0.3))
    case('NonMaxSuppressionV3', 'runtime-threshold-equal-to-a-score', 'nms', [('box', (20, 4)), ('prob', (20,))],
         lambda b, s: raw.NonMaxSuppressionV3(boxes=b, scores=s, max_output_size=20, iou_threshold=1.0,
                                              score_threshold=s[3]))
    case('CombinedNonMaxSuppression', 'score-at-and-above-threshold', 'nms', [('box', (1, 30, 1, 4)),
                                                                              ('prob', (1, 30, 2))],
         lambda b, s: list(raw.CombinedNonMaxSuppression(
             boxes=tf.concat([b, edge_boxes.reshape(1, 2, 1, 4)], 1),
             scores=tf.concat([s, [[[at, above], [np.nextafter(above, np.float32(1)), at]]]], 1),
             max_output_size_per_class=32, max_total_size=64, iou_threshold=1.0, score_threshold=0.3)), fp16=False)
    case('NonMaxSuppression', 'iou0.3', 'nms', [('box', (-20, 4)), ('prob', (-20,))],
         lambda b, s: raw.NonMaxSuppression(boxes=b, scores=s, max_output_size=30, iou_threshold=0.3))
    case('NonMaxSuppressionV2', 'iou0.4', 'nms', [('box', (20, 4)), ('prob', (20,))],
         lambda b, s: raw.NonMaxSuppressionV2(boxes=b, scores=s, max_output_size=30, iou_threshold=0.4))
    case('NonMaxSuppressionV3', 'max-over-n', 'nms', [('box', (12, 4)), ('prob', (12,))],
         lambda b, s: raw.NonMaxSuppressionV3(boxes=b, scores=s, max_output_size=30, iou_threshold=0.6,
                                              score_threshold=0.0))
    for pad in (False, True):
        case('NonMaxSuppressionV4', 'pad%d' % pad, 'nms', [('box', (-20, 4)), ('prob', (-20,))],
             lambda b, s, p=pad: list(raw.NonMaxSuppressionV4(boxes=b, scores=s, max_output_size=25,
                                                              iou_threshold=0.5, score_threshold=0.2,
                                                              pad_to_max_output_size=p)))
    for sigma, pad in ((0.0, True), (0.5, False), (0.3, True)):
        case('NonMaxSuppressionV5', 'sigma%g-pad%d' % (sigma, pad), 'nms', [('box', (20, 4)), ('prob', (20,))],
             lambda b, s, g=sigma, p=pad: list(raw.NonMaxSuppressionV5(
                 boxes=b, scores=s, max_output_size=25, iou_threshold=0.5, score_threshold=0.1, soft_nms_sigma=g,
                 pad_to_max_output_size=p)))
    for variant, q, batch, n, per_class, total, pad, clip in (
            ('q1-clip', 1, 2, 30, 5, 10, False, True), ('qclasses-noclip', 3, 2, 30, 4, 10, False, False),
            ('pad_per_class', 1, 2, 30, 4, 100, True, True), ('total-over-n', 1, 1, 10, 6, 40, False, True),
            ('dynamic-batch', 3, -2, 25, 4, 9, True, False)):
        case('CombinedNonMaxSuppression', variant, 'nms', [('box', (batch, n, q, 4)), ('prob', (batch, n, 3))],
             lambda b, s, m=per_class, t=total, p=pad, c=clip: list(raw.CombinedNonMaxSuppression(
                 boxes=b, scores=s, max_output_size_per_class=m, max_total_size=t, iou_threshold=0.5,
                 score_threshold=0.2, pad_per_class=p, clip_boxes=c)))

    # boxes drawn: boxes reaching beyond the image, more boxes than colours, inverted and outside ones (constant
    # corners exact in FP16, so that the FP16 IR draws the same pixels)
    odd_boxes = np.array([[[0.75, 0.125, 0.25, 0.875], [1.5, 1.5, 2.0, 2.0], [-0.5, -0.25, 0.375, 0.625],
                           [0, 0, 1, 1], [0.25, 0.875, 0.75, 0.25], [-0.875, 0.25, -0.125, 0.75]]], np.float32)
    case('DrawBoundingBoxes', 'rgb-12-boxes', 'draw', [('prob', (2, 6, 9, 3)), ('box', (2, 12, 4))],
         lambda x, b: raw.DrawBoundingBoxes(images=x, boxes=b))
    case('DrawBoundingBoxes', 'gray', 'draw', [('prob', (1, 7, 5, 1)), ('box', (1, 3, 4))],
         lambda x, b: raw.DrawBoundingBoxes(images=x, boxes=b))
    case('DrawBoundingBoxes', 'rgba-inverted-outside-dynamic-batch', 'draw', [('prob', (-1, 6, 6, 4)),
                                                                              ('box', (1, 2, 4))],
         lambda x, b: raw.DrawBoundingBoxes(images=x, boxes=tf.concat([tf.constant(odd_boxes), b], 1)))
    case('DrawBoundingBoxesV2', 'colors-input', 'draw', [('prob', (2, 6, 9, 3)), ('box', (2, 4, 4)),
                                                         ('prob', (3, 4))],
         lambda x, b, c: raw.DrawBoundingBoxesV2(images=x, boxes=b, colors=c))
    case('DrawBoundingBoxesV2', 'no-colors-gray', 'draw', [('prob', (1, 6, 9, 1)), ('box', (1, 4, 4))],
         lambda x, b: raw.DrawBoundingBoxesV2(images=x, boxes=b, colors=tf.zeros([0, 3])))

    # shapes
    # a static shape is a constant by conversion: these graphs have another output, so that x stays an input
    case('Shape', 'static', 'shape', [('f', (2, 3))], lambda x: [raw.Shape(input=x), x + 1.0])
    case('Size', 'static', 'shape', [('f', (2, 3))], lambda x: [raw.Size(input=x), x + 1.0])
    case('ToBool', 'scalar-f32', 'shape', [('f', ())], lambda x: raw.ToBool(input=x))
    case('ToBool', 'scalar-zero', 'shape', [('i32', ())], lambda x: raw.ToBool(input=x * 0))
    case('ToBool', 'scalar-bool', 'shape', [('bool', ())], lambda x: raw.ToBool(input=x))
    case('ToBool', 'tensor', 'shape', [('f', (2, 3))], lambda x: [raw.ToBool(input=x), x + 1.0])
    case('ToBool', 'empty', 'shape', [('f', (2, 3))],
         lambda x: [raw.ToBool(input=tf.zeros([0, 3])), x + 1.0])
    case('Reshape', 'minus1', 'shape', [('f', (2, 3, 4))], lambda x: raw.Reshape(tensor=x, shape=[4, -1]))
    case('Squeeze', 'axis-neg', 'shape', [('f', (2, 1, 3, 1))], lambda x: raw.Squeeze(input=x, axis=[-1]))
    case('Squeeze', 'all', 'shape', [('f', (2, 1, 3, 1))], lambda x: raw.Squeeze(input=x))
    case('ExpandDims', 'axis-1', 'shape', [('f', (2, 3))], lambda x: raw.ExpandDims(input=x, axis=-1))
    case('Transpose', 'perm', 'shape', [('f', (2, 3, 4))], lambda x: raw.Transpose(x=x, perm=[2, 0, 1]))
    case('StridedSlice', 'masks', 'shape', [('f', (4, 5, 6))],
         lambda x: raw.StridedSlice(input=x, begin=[1, 0, 0], end=[3, 0, -1], strides=[1, 1, 2], end_mask=2,
                                    shrink_axis_mask=0, new_axis_mask=0, ellipsis_mask=0, begin_mask=0))
    case('StridedSlice', 'shrink-negstride', 'shape', [('f', (4, 5, 6))],
         lambda x: raw.StridedSlice(input=x, begin=[1, -1], end=[2, 0], strides=[1, -1], shrink_axis_mask=1))
    # new axes (new_axis_mask), dynamic dims as a T5 attention mask's mask[:, None, None, :]; OpenVINO 2024.6's CPU
    # StridedSlice gave that [2, 1, 0, 1] for a [2, 8] input
    case('StridedSlice', 'new-axes-middle-dynamic', 'shape', [('i32', (None, None), (2, 8))],
         lambda x: raw.StridedSlice(input=x, begin=[0, 0, 0, 0], end=[0, 0, 0, 0], strides=[1, 1, 1, 1],
                                    begin_mask=9, end_mask=9, new_axis_mask=6))
    case('StridedSlice', 'new-axis-ellipsis-slice', 'shape', [('f', (None, 4, 6), (3, 4, 6))],
         lambda x: raw.StridedSlice(input=x, begin=[0, 0, 1], end=[0, 0, 5], strides=[1, 1, 2], ellipsis_mask=2,
                                    new_axis_mask=1))
    case('StridedSlice', 'new-axis-shrink', 'shape', [('f', (None, 5), (3, 5))],
         lambda x: raw.StridedSlice(input=x, begin=[1, 0, 2], end=[2, 0, 0], strides=[1, 1, 1], shrink_axis_mask=1,
                                    new_axis_mask=2, end_mask=4))
    case('StridedSlice', 'new-axes-only', 'shape', [('f', (None, 3), (2, 3))],
         lambda x: raw.StridedSlice(input=x, begin=[0, 0], end=[0, 0], strides=[1, 1], new_axis_mask=3))
    case('Rank', 'static', 'shape', [('f', (2, 3))], lambda x: [raw.Rank(input=x), x + 1.0])
    for kind in ('f', 'i32', 'bool'):
        case('ZerosLike', kind, 'shape', [(kind, (2, 3))], lambda x: [raw.ZerosLike(x=x), raw.Identity(input=x)])
    for kind in ('f', 'i64'):
        case('OnesLike', kind, 'shape', [(kind, (2, 3))], lambda x: [raw.OnesLike(x=x), raw.Identity(input=x)])
    case('Fill', 'scalar-input', 'shape', [('f', ())], lambda v: raw.Fill(dims=[2, 3], value=v))
    case('Fill', 'i32', 'shape', [('i32', ())], lambda v: raw.Fill(dims=[4], value=v))
    case('Range', 'i32', 'shape', [('i32', (5,))], lambda x: x + raw.Range(start=2, limit=12, delta=2))
    case('Range', 'f32', 'shape', [('f', (4,))], lambda x: x + raw.Range(start=0.5, limit=2.5, delta=0.5))
    case('LinSpace', 'num5', 'shape', [('f', ()), ('f', ())], lambda x, y: raw.LinSpace(start=x, stop=y, num=5))
    case('LinSpace', 'num1', 'shape', [('f', ()), ('f', ())], lambda x, y: raw.LinSpace(start=x, stop=y, num=1))
    case('LinSpace', 'const-num7', 'shape', [('f', (7,))],
         lambda x: x + raw.LinSpace(start=-1.5, stop=2.0, num=tf.constant(7, tf.int64)))
    case('Tile', 'multiples', 'array', [('f', (2, 3))], lambda x: raw.Tile(input=x, multiples=[2, 3]))
    case('Tile', 'i64-multiples', 'array', [('i32', (2, 1, 3))],
         lambda x: raw.Tile(input=x, multiples=tf.constant([1, 4, 1], tf.int64)))
    # bounds, multiples and sizes computed from a dynamic shape (positions up to a sequence's length, a class token
    # repeated over the batch, a position table cut to the length): Range-4, Tile-1 and Slice-8 of run-time inputs
    case('Range', 'i32-dynamic-limit', 'shape', [('f', (None, 3), (5, 3))],
         lambda x: raw.Range(start=1, limit=tf.shape(x)[0] * 2, delta=2))
    case('Range', 'i64-dynamic-start-delta', 'shape', [('i64', (None,), (4,))],
         lambda x: raw.Range(start=tf.shape(x, tf.int64)[0], limit=tf.constant(19, tf.int64),
                             delta=tf.shape(x, tf.int64)[0]))
    case('Range', 'f32-dynamic-limit-down', 'shape', [('f', (None,), (6,))],
         lambda x: raw.Range(start=0.25, limit=-tf.cast(tf.shape(x)[0], tf.float32) * 0.5, delta=-0.5))
    case('Tile', 'dynamic-multiples', 'array', [('f', (None, 3), (2, 3))],
         lambda x: raw.Tile(input=x, multiples=tf.stack([tf.shape(x)[0], 2])))
    case('Slice', 'dynamic-size', 'shape', [('f', (None, 4), (3, 4))],
         lambda x: raw.Slice(input=tf.constant(weights((8, 4))), begin=[1, 0], size=tf.stack([tf.shape(x)[0], -1])) + x)
    case('Slice', 'dynamic-begin', 'shape', [('i32', (None, 4), (5, 4))],
         lambda x: raw.Slice(input=x, begin=tf.stack([tf.shape(x)[0] - 2, 1]), size=[2, 2]))
    for op in ('ZerosLike', 'OnesLike'):
        case(op, 'f32-dynamic', 'shape', [('f', (None, 3), (4, 3))],
             lambda x, op=op: [getattr(raw, op)(x=x), raw.Identity(input=x)])

    # joining, splitting, padding, gathering
    case('ConcatV2', 'axis-1', 'array', [('f', (2, 3)), ('f', (2, 4))],
         lambda x, y: raw.ConcatV2(values=[x, y], axis=-1))
    case('ConcatV2', 'i32-axis0', 'array', [('i32', (2, 3)), ('i32', (1, 3))],
         lambda x, y: raw.ConcatV2(values=[x, y], axis=0))
    for op in ('DynamicStitch', 'ParallelDynamicStitch'):
        case(op, 'rows', 'array', [('f', (3, 4)), ('f', (2, 2, 4))],
             lambda x, y, op=op: getattr(raw, op)(indices=[tf.constant([0, 2, 5]), tf.constant([[1, 3], [4, 6]])],
                                                  data=[x, y]))
        case(op, 'i32-scalars', 'array', [('i32', (2,)), ('i32', ())],
             lambda x, y, op=op: getattr(raw, op)(indices=[tf.constant([2, 0]), tf.constant(1)], data=[x, y]))
    case('DynamicStitch', 'later-wins', 'array', [('f', (3, 2)), ('f', (2, 2))],
         lambda x, y: raw.DynamicStitch(indices=[tf.constant([0, 1, 2]), tf.constant([2, 0])], data=[x, y]))
    case('DynamicPartition', 'rows', 'array', [('f', (5, 3))],
         lambda x: raw.DynamicPartition(data=x, partitions=tf.constant([1, 0, 2, 1, 0]), num_partitions=3))
    case('DynamicPartition', 'i32-2d', 'array', [('i32', (2, 3))],
         lambda x: raw.DynamicPartition(data=x, partitions=tf.constant([[0, 1, 1], [1, 0, 0]]), num_partitions=2))
    case('Concat', 'axis1', 'array', [('f', (2, 3)), ('f', (2, 4))],
         lambda x, y: raw.Concat(concat_dim=1, values=[x, y]))
    case('Concat', 'i32-axis-2-dynamic', 'array', [('i32', (-2, 3)), ('i32', (-1, 3))],
         lambda x, y: raw.Concat(concat_dim=-2, values=[x, y]))
    case('Pack', 'axis1', 'array', [('f', (2, 3)), ('f', (2, 3))], lambda x, y: raw.Pack(values=[x, y], axis=1))
    case('Split', 'axis-1', 'array', [('f', (2, 6))], lambda x: list(raw.Split(axis=-1, value=x, num_split=3)))
    case('SplitV', 'sizes-minus1', 'array', [('f', (7, 2))],
         lambda x: list(raw.SplitV(value=x, size_splits=[2, -1, 1], axis=0, num_split=3)))
    case('Unpack', 'axis1', 'array', [('f', (2, 3, 4))], lambda x: list(raw.Unpack(value=x, num=3, axis=1)))
    case('GatherV2', 'axis1-i64', 'gather', [('f', (3, 5, 2))],
         lambda x: raw.GatherV2(params=x, indices=tf.constant([[4, 0], [1, 1]], tf.int64), axis=1))
    case('GatherV2', 'indices-input', 'gather', [('f', (6, 3)), ('idx6', (4,))],
         lambda x, i: raw.GatherV2(params=x, indices=i, axis=0))
    case('GatherV2', 'batch_dims1', 'gather', [('f', (3, 5, 2)), ('idx6', (3, 4))],
         lambda x, i: raw.GatherV2(params=x, indices=i % 5, axis=1, batch_dims=1))
    # a static batch of one with an axis after the gathered one: OpenVINO's CPU Gather with batch_dims crashes on it
    case('GatherV2', 'batch_dims1-batch1', 'gather', [('f', (1, 84, 4)), ('idx6', (1, 20))],
         lambda x, i: raw.GatherV2(params=x, indices=i * 13, axis=1, batch_dims=1))
    case('GatherV2', 'batch_dims2-batch1x1', 'gather', [('f', (1, 1, 9, 3, 2)), ('idx6', (1, 1, 5))],
         lambda x, i: raw.GatherV2(params=x, indices=i, axis=2, batch_dims=2))
    case('GatherV2', 'batch_dims-1-axis2', 'gather', [('f', (2, 3, 6)), ('idx6', (2, 3, 2))],
         lambda x, i: raw.GatherV2(params=x, indices=i, axis=2, batch_dims=-1))
    case('GatherNd', 'full-index', 'gather', [('f', (3, 4, 2))],
         lambda x: raw.GatherNd(params=x, indices=[[0, 1], [2, 3], [1, 0]]))
    case('GatherNd', 'slices', 'gather', [('f', (3, 4, 2))], lambda x: raw.GatherNd(params=x, indices=[[2], [0]]))
    # indices of a size known at run time (the boxes Where picks), params of a dynamic size
    case('GatherNd', 'dynamic-where-i64', 'gather', [('f', (None, 4), (6, 4))],
         lambda x: raw.GatherNd(params=x, indices=tf.where(x[:, 0] > 0.0)))
    case('GatherNd', 'dynamic-params-full-index', 'gather', [('f', (None, None), (5, 3))],
         lambda x: raw.GatherNd(params=x, indices=tf.stack([tf.range(tf.shape(x)[1]) % 2, tf.range(tf.shape(x)[1])],
                                                           1)))
    case('OneHot', 'axis-1', 'gather', [('idx6', (4,))],
         lambda i: raw.OneHot(indices=i, depth=6, on_value=2.0, off_value=-1.0, axis=-1))
    case('ReverseV2', 'axes[0,-1]', 'array', [('f', (2, 3, 4))], lambda x: raw.ReverseV2(tensor=x, axis=[0, -1]))
    case('Reverse', 'dims[T,F,T]', 'array', [('f', (2, 3, 4))],
         lambda x: raw.Reverse(tensor=x, dims=[True, False, True]))
    case('Reverse', 'i32-none', 'array', [('i32', (2, 3))], lambda x: raw.Reverse(tensor=x, dims=[False, False]) + 1)

    # diagonals of matrices (the main one), MatrixInverse
    for shape in ((2, 3, 4), (2, 4, 3), (-2, 3, 3)):
        case('MatrixDiagPart', 'f32-%s' % 'x'.join(map(str, shape)), 'matrix', [('f', shape)],
             lambda x: raw.MatrixDiagPart(input=x))
    case('MatrixDiagPart', 'i32', 'matrix', [('i32', (3, 2))], lambda x: raw.MatrixDiagPart(input=x))
    case('MatrixDiagPart', 'bool', 'matrix', [('bool', (2, 2, 3))], lambda x: raw.MatrixDiagPart(input=x))
    case('MatrixDiagPartV2', 'k0', 'matrix', [('f', (2, 3, 4))],
         lambda x: raw.MatrixDiagPartV2(input=x, k=0, padding_value=0.0))
    case('MatrixDiagPartV3', 'k0', 'matrix', [('f', (-2, 4, 3))],
         lambda x: raw.MatrixDiagPartV3(input=x, k=0, padding_value=0.0, align='RIGHT_LEFT'))
    for rows, columns in ((3, 4), (4, 3)):
        case('MatrixSetDiag', 'f32-%dx%d' % (rows, columns), 'matrix',
             [('f', (2, rows, columns)), ('f', (2, min(rows, columns)))],
             lambda x, y: raw.MatrixSetDiag(input=x, diagonal=y))
    case('MatrixSetDiag', 'i32-dynamic', 'matrix', [('i32', (-2, 3, 3)), ('i32', (-2, 3))],
         lambda x, y: raw.MatrixSetDiag(input=x, diagonal=y))
    case('MatrixSetDiagV2', 'k0', 'matrix', [('f', (2, 3, 4)), ('f', (2, 3))],
         lambda x, y: raw.MatrixSetDiagV2(input=x, diagonal=y, k=0))
    case('MatrixSetDiagV3', 'k0', 'matrix', [('f', (4, 3)), ('f', (3,))],
         lambda x, y: raw.MatrixSetDiagV3(input=x, diagonal=y, k=0, align='LEFT_RIGHT'))
    case('Diag', 'f32', 'matrix', [('f', (4,))], lambda x: raw.Diag(diagonal=x))
    case('Diag', 'i32-2x3', 'matrix', [('i32', (2, 3))], lambda x: raw.Diag(diagonal=x))
    case('DiagPart', 'f32', 'matrix', [('f', (4, 4))], lambda x: raw.DiagPart(input=x))
    case('DiagPart', 'i32-2x3', 'matrix', [('i32', (2, 3, 2, 3))], lambda x: raw.DiagPart(input=x))
    for adjoint in (False, True):
        case('MatrixInverse', 'adjoint-%s' % adjoint, 'matrix', [('f', (2, 3, 3))],
             lambda x, adjoint=adjoint: raw.MatrixInverse(input=x + tf.constant(np.eye(3, dtype=np.float32) * 4),
                                                          adjoint=adjoint))

    # images, classification
    # colours: random pixels in [0, 1) and the edge cases of the hue (greys, black, two equal largest channels)
    edges = np.array([[0, 0, 0], [0.5, 0.5, 0.5], [1, 1, 0], [0, 1, 1], [1, 0, 1], [0.2, 0.7, 0.7], [0.9, 0.3, 0.9],
                      [0.6, 0.6, 0.1]], np.float32)

    def with_edges(x):
        return tf.concat([x, tf.constant(edges)], axis=0)

    case('RGBToHSV', 'nhwc', 'image', [('prob', (2, 4, 5, 3))], lambda x: raw.RGBToHSV(images=x))
    case('RGBToHSV', 'edges', 'image', [('prob', (6, 3))], lambda x: raw.RGBToHSV(images=with_edges(x)))
    case('HSVToRGB', 'nhwc', 'image', [('prob', (2, 4, 5, 3))], lambda x: raw.HSVToRGB(images=x))
    case('HSVToRGB', 'hue-sixths', 'image', [('prob', (7, 2))],
         lambda x: raw.HSVToRGB(images=tf.concat([tf.constant(np.arange(7, dtype=np.float32)[:, None] / 6), x], 1)))
    for scale in (0.0, 0.4, 1.7):
        case('AdjustSaturation', 'scale%g' % scale, 'image', [('prob', (2, 4, 5, 3))],
             lambda x, scale=scale: raw.AdjustSaturation(images=x, scale=scale))
    case('AdjustSaturation', 'edges-scale-input', 'image', [('prob', (6, 3)), ('pos', ())],
         lambda x, s: raw.AdjustSaturation(images=raw.ExpandDims(input=with_edges(x), axis=0), scale=s))
    for delta in (0.2, -0.7, 0.0, 1.3):
        case('AdjustHue', 'delta%g' % delta, 'image', [('prob', (2, 4, 5, 3))],
             lambda x, delta=delta: raw.AdjustHue(images=x, delta=delta))
    case('AdjustHue', 'edges-delta-input', 'image', [('prob', (6, 3)), ('unit', ())],
         lambda x, d: raw.AdjustHue(images=raw.ExpandDims(input=with_edges(x), axis=0), delta=d))
    case('AdjustContrastv2', 'nhwc', 'image', [('f', (2, 4, 5, 3))],
         lambda x: raw.AdjustContrastv2(images=x, contrast_factor=1.7))
    case('AdjustContrastv2', 'hwc-factor-input', 'image', [('f', (4, 5, 3)), ('pos', ())],
         lambda x, y: raw.AdjustContrastv2(images=x, contrast_factor=y))
    case('AdjustContrastv2', 'dynamic', 'image', [('f', (-2, -4, 5, 3))],
         lambda x: raw.AdjustContrastv2(images=x, contrast_factor=0.4))
    case('InTopK', 'k2-attr', 'classify', [('f', (4, 6)), ('idx6', (4,))],
         lambda x, y: [raw.InTopK(predictions=x, targets=y, k=2), x + 1.0])
    case('InTopKV2', 'k2', 'classify', [('f', (4, 6)), ('idx6', (4,))],
         lambda x, y: [raw.InTopKV2(predictions=x, targets=y, k=2), x + 1.0])
    case('InTopKV2', 'ties-i64-k-input', 'classify', [('f', (-5, 6)), ('i64', (5,)), ('i64', ())],
         lambda x, y, k: raw.InTopKV2(predictions=tf.round(x), targets=tf.math.floormod(y, 6),
                                      k=tf.math.floormod(k, 4)))
    case('InTopKV2', 'out-of-range-nonfinite', 'classify', [('special', (4, 6))],
         lambda x: raw.InTopKV2(predictions=x, targets=tf.constant([0, 7, -1, 2]), k=3))
    case('Pad', 'constant', 'pad', [('f', (2, 3))], lambda x: raw.Pad(input=x, paddings=[[1, 0], [2, 1]]))
    case('PadV2', 'value', 'pad', [('f', (2, 3))],
         lambda x: raw.PadV2(input=x, paddings=[[1, 0], [2, 1]], constant_values=1.5))
    for mode in ('REFLECT', 'SYMMETRIC'):
        case('MirrorPad', mode, 'pad', [('f', (3, 4))],
             lambda x, m=mode: raw.MirrorPad(input=x, paddings=[[1, 2], [2, 1]], mode=m))

    # resizing
    for op in ('ResizeNearestNeighbor', 'ResizeBilinear'):
        for align, half in ((False, False), (True, False), (False, True)):
            case(op, 'align%d-half%d' % (align, half), 'resize', [('f', (1, 4, 5, 2))],
                 lambda x, op=op, a=align, h=half: getattr(raw, op)(images=x, size=[7, 9], align_corners=a,
                                                                    half_pixel_centers=h))
        # a size computed at run time: Keras' UpSampling2D of an image of unknown size, a resize to another's size
        for align, half in ((False, False), (False, True)):
            case(op, 'dynamic-size-align%d-half%d' % (align, half), 'resize', [('f', (1, None, None, 2),
                                                                                (1, 4, 5, 2))],
                 lambda x, op=op, a=align, h=half: getattr(raw, op)(images=x, size=tf.shape(x)[1:3] * [2, 3] - 1,
                                                                    align_corners=a, half_pixel_centers=h))
    for align, half in ((False, False), (True, False), (False, True)):
        for size in ((7, 9), (3, 2)):
            case('ResizeBicubic', 'align%d-half%d-to%dx%d' % (align, half, *size), 'resize', [('f', (1, 4, 5, 2))],
                 lambda x, a=align, h=half, s=size: raw.ResizeBicubic(images=x, size=s, align_corners=a,
                                                                      half_pixel_centers=h))
    for align, source, size in ((False, (8, 10), (4, 5)), (False, (5, 7), (3, 4)), (False, (4, 5), (7, 9)),
                                (True, (5, 7), (3, 4)), (True, (4, 5), (7, 9))):
        case('ResizeArea', 'align%d-%dx%d-to%dx%d' % (align, *source, *size), 'resize', [('f', (2, *source, 3))],
             lambda x, a=align, s=size: raw.ResizeArea(images=x, size=s, align_corners=a))
    case('ResizeArea', 'i32-dynamic-batch', 'resize', [('i32', (None, 6, 6, 2), (2, 6, 6, 2))],
         lambda x: raw.ResizeArea(images=x, size=[4, 3]))
    # boxes inside, across the border and flipped (y2 < y1); one box of crop size 1 samples the centre
    boxes = [[0.1, 0.2, 0.8, 0.9], [-0.3, 0.1, 0.6, 1.4], [0.9, 0.7, 0.2, 0.1]]
    for method in ('bilinear', 'nearest'):
        case('CropAndResize', method + '-extrapolate', 'resize', [('f', (2, 6, 7, 3))],
             lambda x, m=method: raw.CropAndResize(image=x, boxes=boxes, box_ind=[1, 0, 1], crop_size=[4, 5],
                                                   method=m, extrapolation_value=-1.5))
        case('CropAndResize', method + '-crop1x3-dynamic-batch', 'resize', [('f', (None, 6, 7, 3), (2, 6, 7, 3))],
             lambda x, m=method: raw.CropAndResize(image=x, boxes=boxes[:2], box_ind=[1, 1], crop_size=[1, 3],
                                                   method=m))
    case('CropAndResize', 'i32-image-boxes-input', 'resize', [('i32', (1, 5, 5, 2)), ('unit', (4, 4))],
         lambda x, b: raw.CropAndResize(image=x, boxes=b, box_ind=[0, 0, 0, 0], crop_size=[3, 3]))

    case('Einsum', 'attention-scores', 'matmul', [('f', (2, 3, 4)), ('f', (2, 5, 4))],
         lambda a, b: raw.Einsum(inputs=[a, b], equation='bqd,bkd->bqk'))
    case('Einsum', 'dense-heads', 'matmul', [('f', (2, 3, 8))],
         lambda x: raw.Einsum(inputs=[x, weights((8, 2, 4))], equation='abc,cde->abde'))
    case('Einsum', 'transpose-one', 'matmul', [('f', (2, 3, 4))], lambda x: raw.Einsum(inputs=[x], equation='ijk->kji'))

    # finding and placing by index
    case('Where', 'bool', 'scatter', [('bool', (3, 4))], lambda x: raw.Where(condition=x))
    case('Where', 'i32-nonzero-rank3', 'scatter', [('i32', (2, 3, 4))], lambda x: raw.Where(condition=x % 3))
    case('Where', 'f32-rank1', 'scatter', [('f', (7,))], lambda x: raw.Where(condition=raw.Relu(features=x)))
    case('Where', 'dynamic-dims', 'scatter', [('bool', (None, 4), (5, 4))], lambda x: raw.Where(condition=x))
    case('ScatterNd', 'rows', 'scatter', [('f', (2, 3))],
         lambda u: raw.ScatterNd(indices=[[3], [0]], updates=u, shape=[5, 3]))
    case('ScatterNd', 'duplicates-sum', 'scatter', [('f', (4,))],
         lambda u: raw.ScatterNd(indices=[[1, 2], [0, 0], [1, 2], [2, 3]], updates=u, shape=[3, 4]))
    case('ScatterNd', 'i32-i64-indices', 'scatter', [('i32', (2, 1, 2))],
         lambda u: raw.ScatterNd(indices=tf.constant([[[0, 1]], [[2, 0]]], tf.int64), updates=u,
                                 shape=tf.constant([3, 2, 2], tf.int64)))
    case('ScatterNd', 'dynamic-shape', 'scatter', [('f', (2, 3)), ('f', (None, 3), (5, 3))],
         lambda u, x: raw.ScatterNd(indices=[[3], [0]], updates=u, shape=raw.Shape(input=x)))
    case('TensorScatterUpdate', 'rows', 'scatter', [('f', (5, 3)), ('f', (2, 3))],
         lambda x, u: raw.TensorScatterUpdate(tensor=x, indices=[[4], [1]], updates=u))
    case('TensorScatterUpdate', 'i64-elements', 'scatter', [('i64', (3, 4)), ('i64', (2,))],
         lambda x, u: raw.TensorScatterUpdate(tensor=x, indices=tf.constant([[0, 3], [2, 1]], tf.int64), updates=u))
    case('TensorScatterUpdate', 'dynamic-dims', 'scatter', [('f', (None, 3), (4, 3)), ('f', (2, 3))],
         lambda x, u: raw.TensorScatterUpdate(tensor=x, indices=[[2], [0]], updates=u))
    for op in ('TensorScatterAdd', 'TensorScatterSub', 'TensorScatterMax', 'TensorScatterMin'):
        case(op, 'duplicates', 'scatter', [('f', (3, 4)), ('f', (3,))],
             lambda x, u, op=op: getattr(raw, op)(tensor=x, indices=[[0, 1], [2, 2], [0, 1]], updates=u))
        case(op, 'i32-rows', 'scatter', [('i32', (4, 2)), ('i32', (2, 2))],
             lambda x, u, op=op: getattr(raw, op)(tensor=x, indices=[[3], [1]], updates=u))
    case('UnsortedSegmentSum', 'rows-negative-dropped', 'scatter', [('f', (5, 3))],
         lambda x: raw.UnsortedSegmentSum(data=x, segment_ids=[2, 0, -1, 2, 3], num_segments=4))
    case('UnsortedSegmentSum', 'i32-ids-input-2d', 'scatter', [('i32', (2, 3, 2)), ('idx6', (2, 3))],
         lambda x, i: raw.UnsortedSegmentSum(data=x, segment_ids=i, num_segments=tf.constant(6, tf.int64)))
    case('UnsortedSegmentSum', 'dynamic-rows', 'scatter', [('f', (None, 3), (4, 3)), ('idx6', (None,), (4,))],
         lambda x, i: raw.UnsortedSegmentSum(data=x, segment_ids=i, num_segments=6))
    case('SegmentSum', 'sorted-ids', 'scatter', [('f', (6, 2))],
         lambda x: raw.SegmentSum(data=x, segment_ids=[0, 0, 1, 3, 3, 3]))
    case('SegmentSum', 'ids-input-i64', 'scatter', [('i64', (4, 2)), ('idx6', (4,))],
         lambda x, i: raw.SegmentSum(data=x, segment_ids=tf.sort(i)))
    case('ListDiff', 'i32', 'scatter', [('idx6', (9,)), ('idx6', (3,))],
         lambda x, y: list(raw.ListDiff(x=x, y=y)))
    case('ListDiff', 'f32-out_idx-i64', 'scatter', [('idx6', (8,)), ('idx6', (4,))],
         lambda x, y: list(raw.ListDiff(x=raw.Cast(x=x, DstT=tf.float32) * 0.5, y=raw.Cast(x=y, DstT=tf.float32) * 0.5,
                                        out_idx=tf.int64)))
    case('ListDiff', 'i64-y-empty', 'scatter', [('i64', (5,))],
         lambda x: list(raw.ListDiff(x=x, y=tf.constant([], tf.int64))))
    case('ListDiff', 'nothing-left', 'scatter', [('idx6', (4,))],
         lambda x: list(raw.ListDiff(x=x, y=tf.range(6))))
    case('Unique', 'f32', 'scatter', [('idx6', (9,))],
         lambda x: list(raw.Unique(x=raw.Cast(x=x, DstT=tf.float32) * 0.5)))
    case('Unique', 'i64-out_idx-i64', 'scatter', [('idx6', (7,))],
         lambda x: list(raw.Unique(x=raw.Cast(x=x, DstT=tf.int64), out_idx=tf.int64)))
    case('UniqueWithCounts', 'i32', 'scatter', [('idx6', (10,))], lambda x: list(raw.UniqueWithCounts(x=x)))
    case('InvertPermutation', 'i32', 'scatter', [('f', (6,))],
         lambda x: raw.InvertPermutation(x=raw.TopKV2(input=x, k=6).indices))
    case('InvertPermutation', 'i64', 'scatter', [('f', (5,))],
         lambda x: raw.InvertPermutation(x=raw.Cast(x=raw.TopKV2(input=x, k=5).indices, DstT=tf.int64)))
    case('Roll', 'axes[0,-1]', 'array', [('f', (3, 4, 5))], lambda x: raw.Roll(input=x, shift=[1, -2], axis=[0, -1]))
    case('Roll', 'scalar-i64-shift-input', 'array', [('i32', (6, 2)), ('idx6', ())],
         lambda x, s: raw.Roll(input=x, shift=raw.Cast(x=s, DstT=tf.int64), axis=tf.constant(0, tf.int64)))
    case('ReverseSequence', 'seq1-batch0', 'array', [('f', (3, 5, 2))],
         lambda x: raw.ReverseSequence(input=x, seq_lengths=[5, 2, 0], seq_dim=1, batch_dim=0))
    case('ReverseSequence', 'seq0-batch2-i64', 'array', [('i64', (4, 2, 3))],
         lambda x: raw.ReverseSequence(input=x, seq_lengths=tf.constant([1, 3, 4], tf.int64), seq_dim=0,
                                       batch_dim=2))
    case('BroadcastTo', 'rank-up', 'shape', [('f', (3, 1))], lambda x: raw.BroadcastTo(input=x, shape=[2, 3, 4]))
    case('BroadcastTo', 'dynamic-shape-i64', 'shape', [('i64', (1, 3)), ('f', (None, 3), (4, 3))],
         lambda x, y: [raw.BroadcastTo(input=x, shape=raw.Shape(input=y, out_type=tf.int64)), y])
    case('BroadcastArgs', 'constants', 'shape', [('f', (2, 3))],
         lambda x: [raw.BroadcastArgs(s0=[2, 1, 3], s1=[4, 1]), x])
    case('BroadcastArgs', 'dynamic', 'shape', [('f', (None, 1, 3), (2, 1, 3)), ('f', (4, 1))],
         lambda x, y: [raw.BroadcastArgs(s0=raw.Shape(input=x), s1=raw.Shape(input=y)), x, y])
    case('Slice', 'size-minus1', 'shape', [('f', (4, 5, 6))], lambda x: raw.Slice(input=x, begin=[1, 0, 2], size=[2, -1, 3]))
    case('Slice', 'i64-dynamic-dims', 'shape', [('i32', (None, 5), (4, 5))],
         lambda x: raw.Slice(input=x, begin=tf.constant([1, 1], tf.int64), size=tf.constant([-1, 3], tf.int64)))
    case('ShapeN', 'static-and-dynamic', 'shape', [('f', (2, 3)), ('f', (None, 4), (5, 4))],
         lambda x, y: list(raw.ShapeN(input=[x, y])) + [x, y])
    case('Gather', 'v1-2d-indices', 'gather', [('f', (5, 3))],
         lambda x: raw.Gather(params=x, indices=[[4, 0], [2, 2]]))
    case('SparseToDense', 'rows-values-input', 'scatter', [('f', (2,))],
         lambda v: raw.SparseToDense(sparse_indices=[[0, 1], [2, 3]], output_shape=[3, 4], sparse_values=v,
                                     default_value=0.0))
    case('SparseToDense', 'vector-scalar-value', 'scatter', [('f', ()), ('f', ())],
         lambda v, d: raw.SparseToDense(sparse_indices=[1, 4], output_shape=[6], sparse_values=v, default_value=d))
    case('SparseToDense', 'i64-indices-i32-values', 'scatter', [('i32', (3,))],
         lambda v: raw.SparseToDense(sparse_indices=tf.constant([[0, 0, 1], [0, 1, 1], [1, 2, 0]], tf.int64),
                                     output_shape=tf.constant([2, 3, 2], tf.int64), sparse_values=v,
                                     default_value=-7))
    case('UnravelIndex', 'i32-vector', 'scatter', [('idx6', (5,))],
         lambda i: raw.UnravelIndex(indices=i, dims=[2, 3]))
    case('UnravelIndex', 'i64-scalar', 'scatter', [('idx6', ())],
         lambda i: raw.UnravelIndex(indices=raw.Cast(x=i, DstT=tf.int64), dims=tf.constant([3, 1, 2], tf.int64)))
    case('MatrixDiag', 'batch', 'select', [('f', (2, 4))], lambda x: raw.MatrixDiag(diagonal=x))
    case('MatrixDiag', 'i64-vector', 'select', [('i64', (3,))], lambda x: raw.MatrixDiag(diagonal=x))
    # a length known only at run time: tf.eye(n) of a sequence's length, as XLNet builds it (MatrixDiagV3)
    case('MatrixDiagV3', 'eye-dynamic-length', 'select', [('f', (2, None), (2, 5))],
         lambda x: x[:, :, None] * tf.eye(tf.shape(x)[1]))
    case('MatrixDiagV2', 'padding', 'select', [('f', (2, 3))],
         lambda x: raw.MatrixDiagV2(diagonal=x, k=0, num_rows=-1, num_cols=-1, padding_value=1.5))
    case('MatrixDiagV3', 'sizes-given-i32', 'select', [('i32', (3, 4)), ('i32', ())],
         lambda x, p: raw.MatrixDiagV3(diagonal=x, k=[0, 0], num_rows=4, num_cols=-1, padding_value=p))

    # Fourier transforms and complex numbers: graph inputs and outputs are real, so a complex tensor is made by RFFT
    # or Complex and ends in Real, Imag, ComplexAbs, Angle or IRFFT
    def parts(z):
        part = tf.float64 if z.dtype == tf.complex128 else tf.float32
        return [raw.Real(input=z, Tout=part), raw.Imag(input=z, Tout=part)]

    def complex_of(re, im):
        return raw.Complex(real=re, imag=im, Tout=tf.complex128 if re.dtype == tf.float64 else tf.complex64)

    for op, count in (('RFFT', 1), ('RFFT2D', 2), ('RFFT3D', 3)):
        rfft = getattr(raw, op)
        case(op, 'full-length', 'fft', [('f', (2, 3, 4, 6)[-count - 1:])],
             lambda x, rfft=rfft, count=count: parts(rfft(input=x, fft_length=(3, 4, 6)[-count:])))
    case('RFFT', 'shorter-batch', 'fft', [('f', (2, 3, 16))],
         lambda x: parts(raw.RFFT(input=x, fft_length=[10])))
    case('RFFT', 'padded-odd-abs', 'fft', [('f', (2, 7))],   # TensorFlow's kernel crops only: tf.signal pads first
         lambda x: raw.ComplexAbs(x=tf.signal.rfft(x, fft_length=[11])))
    case('RFFT', 'dynamic-batch-abs', 'fft', [('f', (None, 12), (3, 12))],
         lambda x: raw.ComplexAbs(x=raw.RFFT(input=x, fft_length=[12])))
    case('RFFT', 'stft-dynamic-length', 'fft', [('f', (2, -600), (2, 600))],   # frames cut by a Fill's strides
         lambda x: tf.abs(tf.signal.stft(x, frame_length=64, frame_step=32)))
    case('RFFT2D', 'cropped', 'fft', [('f', (5, 9))],
         lambda x: parts(raw.RFFT2D(input=x, fft_length=[4, 6])))
    for op, count in (('IRFFT', 1), ('IRFFT2D', 2), ('IRFFT3D', 3)):
        irfft = getattr(raw, op)
        case(op, 'of-complex', 'fft', [('f', (2, 3, 4, 5)[-count - 1:])] * 2,
             lambda re, im, irfft=irfft, count=count: irfft(input=complex_of(re, im),
                                                           fft_length=(3, 4, 8)[-count:]))
    case('IRFFT', 'odd-length', 'fft', [('f', (3, 5))] * 2,
         lambda re, im: raw.IRFFT(input=complex_of(re, im), fft_length=[9]))
    case('IRFFT', 'shorter', 'fft', [('f', (2, 9))] * 2,
         lambda re, im: raw.IRFFT(input=complex_of(re, im), fft_length=[8]))
    case('IRFFT', 'padded', 'fft', [('f', (2, 4))] * 2,
         lambda re, im: tf.signal.irfft(complex_of(re, im), fft_length=[12]))
    case('IRFFT', 'rfft-round-trip', 'fft', [('f', (None, 16), (2, 16))],
         lambda x: raw.IRFFT(input=raw.RFFT(input=x, fft_length=[16]), fft_length=[16]))
    case('IRFFT2D', 'cropped', 'fft', [('f', (6, 7))] * 2,
         lambda re, im: raw.IRFFT2D(input=complex_of(re, im), fft_length=[5, 6]))
    for op in ('FFT', 'FFT2D', 'FFT3D', 'IFFT', 'IFFT2D', 'IFFT3D'):
        count = 1 if op[-1] == 'T' else int(op[-2])
        case(op, 'of-complex', 'fft', [('f', (2, 3, 4, 8)[-count - 1:])] * 2,
             lambda re, im, op=op: parts(getattr(raw, op)(input=complex_of(re, im))))
        # a dynamic shape (OpenVINO 2024.6 runs no DFT-7 of one: matrix products instead), FNet's mixing among them
        case(op, 'dynamic', 'fft', [('f', (None,) * (count + 1), (2, 3, 5, 6)[-count - 1:])] * 2,
             lambda re, im, op=op: parts(getattr(raw, op)(input=complex_of(re, im))))
    case('Cast', 'complex-round-trip', 'fft', [('f', (3, 8))],
         lambda x: tf.cast(tf.signal.fft(tf.cast(x, tf.complex64)), tf.float32))
    case('FFT2D', 'fnet-mixing-dynamic-batch', 'fft', [('f', (None, 16, 8), (2, 16, 8))],
         lambda x: tf.math.real(tf.signal.fft2d(tf.cast(x, tf.complex64))))
    case('FFT', 'rfft-abs', 'fft', [('f', (3, 8))],
         lambda x: raw.ComplexAbs(x=raw.FFT(input=raw.RFFT(input=x, fft_length=[8]))))
    case('Complex', 'parts', 'fft', [('f', (2, 3))] * 2, lambda re, im: parts(complex_of(re, im)))
    case('Complex', 'broadcast', 'fft', [('f', (3, 1)), ('f', (4,))], lambda re, im: parts(complex_of(re, im)))
    case('Complex', 'complex128', 'fft', [('f', (2, 3))] * 2,
         lambda re, im: [raw.Cast(x=p, DstT=tf.float32) for p in parts(complex_of(
             raw.Cast(x=re, DstT=tf.float64), raw.Cast(x=im, DstT=tf.float64)))])
    case('Real', 'through-identity', 'fft', [('f', (4, 8))],
         lambda x: raw.Real(input=raw.Identity(input=raw.RFFT(input=x, fft_length=[8]))))
    case('Imag', 'through-identity', 'fft', [('f', (4, 8))],
         lambda x: raw.Imag(input=raw.StopGradient(input=raw.RFFT(input=x, fft_length=[8]))))
    case('ComplexAbs', 'dynamic', 'fft', [('f', (None, 3), (2, 3))] * 2,
         lambda re, im: raw.ComplexAbs(x=complex_of(re, im)))
    case('Angle', 'quadrants', 'fft', [('f', (4, 5))] * 2,
         lambda re, im: raw.Angle(input=complex_of(re, im)), TRANSCENDENTAL)
    # CRNN-style decoding: (time, batch, classes) logits, sequences shorter than max_time, the sparse result read
    # whole and through tf.sparse.to_dense (SparseToDense)
    case('CTCGreedyDecoder', 'merge-repeated', 'ctc', [('f', (12, 3, 5)), ('lengths12', (3,))],
         lambda x, n: list(raw.CTCGreedyDecoder(inputs=tf.round(x * 2.0), sequence_length=n, merge_repeated=True)))
    case('CTCGreedyDecoder', 'to-dense-blank-0', 'ctc', [('f', (None, None, 6), (9, 2, 6))],
         lambda x: tf.sparse.to_dense(tf.nn.ctc_greedy_decoder(x, tf.fill([tf.shape(x)[1]], tf.shape(x)[0]),
                                                                 merge_repeated=False, blank_index=0)[0][0],
                                      default_value=-1))
    case('Conj', 'parts', 'fft', [('f', (2, 3))] * 2, lambda re, im: parts(raw.Conj(input=complex_of(re, im))))
    case('ConjugateTranspose', 'complex', 'fft', [('f', (2, 3, 4))] * 2,
         lambda re, im: parts(raw.ConjugateTranspose(x=complex_of(re, im), perm=[1, 2, 0])))
    case('ConjugateTranspose', 'real', 'fft', [('f', (None, 3), (2, 3))],
         lambda x: raw.ConjugateTranspose(x=x, perm=[1, 0]))
    import control_cases
    control_cases.add_cases(case, tf)
    import rnn_block_cases
    rnn_block_cases.add_cases(case, tf)
    return out


PENDING = 'pending'   # the family of op types not translated yet

FEED_KINDS = {
    'f': lambda rng, shape: rng.standard_normal(shape).astype(np.float32),
    'pos': lambda rng, shape: rng.uniform(0.5, 3, shape).astype(np.float32),
    'ge1': lambda rng, shape: rng.uniform(1, 4, shape).astype(np.float32),
    'unit': lambda rng, shape: rng.uniform(-0.9, 0.9, shape).astype(np.float32),
    'i32': lambda rng, shape: rng.integers(-10, 11, shape).astype(np.int32),
    'i64': lambda rng, shape: rng.integers(-10, 11, shape).astype(np.int64),
    'nz32': lambda rng, shape: (rng.integers(1, 11, shape) * rng.choice([-1, 1], shape)).astype(np.int32),
    'idx6': lambda rng, shape: rng.integers(0, 6, shape).astype(np.int32),
    'lengths12': lambda rng, shape: rng.integers(1, 13, shape).astype(np.int32),
    'bool': lambda rng, shape: rng.integers(0, 2, shape).astype(bool),
    'prob': lambda rng, shape: rng.uniform(0, 1, shape).astype(np.float32),
    'box': lambda rng, shape: boxes(rng, shape),
    'special': lambda rng, shape: rng.choice(np.array([np.nan, np.inf, -np.inf, 0.0, -1.5, 2.0, 1e30], np.float32),
                                             shape),
    'bits': lambda rng, shape: rng.choice(np.array(
        [-0.0, 0.0, 1e-45, -1e-45, 1.1754942e-38, 1.1754944e-38, 3.4028235e38, -3.4028235e38, np.inf, -np.inf,
         np.nan, 1.0, 0.99999994, -2.0 ** -126, 2.0 ** 127, 2.0 ** 126, -0.5, 3.1415927, -1e-20, 6e4], np.float32),
        shape),
}

def boxes(rng, shape):
    """Boxes (..., 4) of corners (y1, x1, y2, x2): centres in [0, 1], sides in [0.1, 0.5] (some reach beyond)."""
    centre = rng.uniform(0, 1, shape[:-1] + (2,))
    half = rng.uniform(0.05, 0.25, shape[:-1] + (2,))
    return np.concatenate([centre - half, centre + half], axis=-1).astype(np.float32)


FEED_DTYPES = {'prob': 'float32', 'box': 'float32', 'f': 'float32', 'ge1': 'float32', 'pos': 'float32',
               'unit': 'float32', 'i32': 'int32', 'i64': 'int64', 'nz32': 'int32', 'idx6': 'int32', 'lengths12': 'int32',
               'bool': 'bool', 'special': 'float32', 'bits': 'float32'}
