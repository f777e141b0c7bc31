package dev.tfir.convert.ops;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.Output;
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
        LongBinaryOperator integerOp = a.type().isInteger() && count <= INTEGER_LIMIT ? integerOp(type) : null;
        DoubleBinaryOperator floatOp = a.type().isFloating() && count <= FLOAT_LIMIT ? floatOp(type) : null;
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
        DoubleUnaryOperator op = unaryOp(type);
        if (op == null || !x.isConstant() || !x.type().isFloating() || x.constant().elementCount() > FLOAT_LIMIT) {
            return null;
        }
        double[] values = x.constant().doubles();
        for (int i = 0; i < values.length; i++) {
            values[i] = op.applyAsDouble(values[i]);
        }
        return Constants.of(ConstTensor.ofDoubles(x.type(), x.constant().shape(), values));
    }

    /**
     * The integer operator of an OpenVINO op type, or null. Switches, not maps filled at start-up: an operator's
     * lambda is linked when a model's constants meet it.
     */
    private static LongBinaryOperator integerOp(String type) {
        return switch (type) {
            case "Add" -> Math::addExact;
            case "Subtract" -> Math::subtractExact;
            case "Multiply" -> Math::multiplyExact;
            case "Divide" -> Math::floorDiv;
            case "Maximum" -> Math::max;
            case "Minimum" -> Math::min;
            default -> null;
        };
    }

    /** The floating-point operator of an OpenVINO op type, or null. */
    private static DoubleBinaryOperator floatOp(String type) {
        return switch (type) {
            case "Add" -> Double::sum;
            case "Subtract" -> (x, y) -> x - y;
            case "Multiply" -> (x, y) -> x * y;
            case "Divide" -> (x, y) -> x / y;
            case "Maximum" -> Math::max;
            case "Minimum" -> Math::min;
            case "Power" -> Math::pow;
            default -> null;
        };
    }

    /** The floating-point function of an OpenVINO unary op type, or null. */
    private static DoubleUnaryOperator unaryOp(String type) {
        return switch (type) {
            case "ReLU" -> x -> Math.max(x, 0);
            case "Sigmoid" -> x -> 1 / (1 + Math.exp(-x));
            case "Tanh" -> Math::tanh;
            case "Exp" -> Math::exp;
            case "Log" -> Math::log;
            case "Sqrt" -> Math::sqrt;
            case "Abs" -> Math::abs;
            case "Negative" -> x -> -x;
            case "Floor" -> Math::floor;
            case "Ceiling" -> Math::ceil;
            default -> null;
        };
    }
}
