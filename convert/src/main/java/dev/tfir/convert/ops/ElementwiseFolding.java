package dev.tfir.convert.ops;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.Output;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * Elementwise ops of constants computed at conversion, as mo's constant folding does before FP16 compression: a
 * constant subexpression ({@code 3e-8 * 1e7}, {@code sqrt(variance + epsilon)}) becomes one constant, compressed
 * (or kept in f32) as a whole. Floating-point results are rounded to the element type after each op, as TensorFlow
 * computes them: +, -, *, / and sqrt of f32 values computed in double and rounded once are exactly the f32 results.
 */
final class ElementwiseFolding {
    /** Integer constants up to this size are folded (shape arithmetic). */
    private static final long INTEGER_LIMIT = 1024;
    /** Floating-point constants up to this size are folded (weights times a factor, normalization constants). */
    private static final long FLOAT_LIMIT = 1 << 22;

    private static final Map<String, LongBinaryOperator> INTEGER_OPS = Map.of(
            "Add", Math::addExact, "Subtract", Math::subtractExact, "Multiply", Math::multiplyExact,
            "Divide", Math::floorDiv, "Maximum", Math::max, "Minimum", Math::min);
    private static final Map<String, DoubleBinaryOperator> FLOAT_OPS = Map.of(
            "Add", Double::sum, "Subtract", (x, y) -> x - y, "Multiply", (x, y) -> x * y, "Divide", (x, y) -> x / y,
            "Maximum", Math::max, "Minimum", Math::min, "Power", Math::pow);
    private static final Map<String, DoubleUnaryOperator> UNARY_OPS = Map.ofEntries(
            Map.entry("ReLU", x -> Math.max(x, 0)), Map.entry("Sigmoid", x -> 1 / (1 + Math.exp(-x))),
            Map.entry("Tanh", Math::tanh), Map.entry("Exp", Math::exp), Map.entry("Log", Math::log),
            Map.entry("Sqrt", Math::sqrt), Map.entry("Abs", Math::abs), Map.entry("Negative", x -> -x),
            Map.entry("Floor", Math::floor), Map.entry("Ceiling", Math::ceil));

    private ElementwiseFolding() {}

    /** The constant {@code a type b} when both are constants of an op and size this class folds, else null. */
    static Output binary(String type, Output a, Output b) {
        if (!a.isConstant() || !b.isConstant()) {
            return null;
        }
        ConstTensor left = a.constant();
        ConstTensor right = b.constant();
        PartialShape broadcast = Shapes.broadcast(left.partialShape(), right.partialShape(), true);
        long[] shape = broadcast.dims();
        long count = broadcast.elementCount();
        LongBinaryOperator integerOp = a.type().isInteger() && count <= INTEGER_LIMIT ? INTEGER_OPS.get(type) : null;
        DoubleBinaryOperator floatOp = a.type().isFloating() && count <= FLOAT_LIMIT ? FLOAT_OPS.get(type) : null;
        if (integerOp == null && floatOp == null) {
            return null;
        }
        int[] xAt = Broadcasting.sources(left.shape(), shape);
        int[] yAt = Broadcasting.sources(right.shape(), shape);
        if (integerOp != null) {
            long[] x = left.longs();
            long[] y = right.longs();
            long[] result = new long[xAt.length];
            for (int i = 0; i < result.length; i++) {
                result[i] = integerOp.applyAsLong(x[xAt[i]], y[yAt[i]]);
            }
            return Constants.of(ConstTensor.ofLongs(a.type(), shape, result));
        }
        double[] x = left.doubles();
        double[] y = right.doubles();
        double[] result = new double[xAt.length];
        for (int i = 0; i < result.length; i++) {
            result[i] = floatOp.applyAsDouble(x[xAt[i]], y[yAt[i]]);
        }
        return Constants.of(ConstTensor.ofDoubles(a.type(), shape, result));
    }

    /** The constant {@code type(x)} when x is a floating-point constant of an op this class folds, else null. */
    static Output unary(String type, Output x) {
        DoubleUnaryOperator op = UNARY_OPS.get(type);
        if (op == null || !x.isConstant() || !x.type().isFloating() || x.constant().elementCount() > FLOAT_LIMIT) {
            return null;
        }
        double[] values = x.constant().doubles();
        for (int i = 0; i < values.length; i++) {
            values[i] = op.applyAsDouble(values[i]);
        }
        return Constants.of(ConstTensor.ofDoubles(x.type(), x.constant().shape(), values));
    }
}
