package dev.tfir.common.infer;

import java.util.Arrays;
import java.util.function.LongBinaryOperator;
import java.util.stream.LongStream;

/**
 * Folding of integer arithmetic on complete values: broadcasting binary ops, Neg, reductions of a vector, Range
 * and Fill.
 */
final class ArithmeticFolding {
    private ArithmeticFolding() {}

    /** The folder of this op type, or null when it is not of this family. */
    static ValueFolder forOp(String op) {
        return switch (op) {
            case "Add", "AddV2" -> binary(Math::addExact);
            case "Sub" -> binary(Math::subtractExact);
            case "Mul" -> binary(Math::multiplyExact);
            case "FloorDiv" -> binary(Math::floorDiv);
            case "TruncateDiv" -> binary((x, y) -> x / y);
            case "FloorMod" -> binary(Math::floorMod);
            case "Maximum" -> binary(Math::max);
            case "Minimum" -> binary(Math::min);
            case "Neg" -> (c, port, shape) -> c.ints(0) == null ? null
                    : new KnownValue(shape, LongStream.of(c.ints(0)).map(Math::negateExact).toArray());
            case "Sum" -> reduction(Math::addExact);
            case "Prod" -> reduction(Math::multiplyExact);
            case "Max" -> reduction(Math::max);
            case "Min" -> reduction(Math::min);
            case "Range" -> ArithmeticFolding::range;
            case "Fill" -> ArithmeticFolding::fill;
            default -> null;
        };
    }

    /** x op y elementwise, with numpy broadcasting of the two inputs to the output shape. */
    private static ValueFolder binary(LongBinaryOperator op) {
        return (c, port, shape) -> {
            long[] x = c.ints(0);
            long[] y = c.ints(1);
            if (x == null || y == null) {
                return null;
            }
            long[] xShape = c.value(0).shape();
            long[] yShape = c.value(1).shape();
            long[] out = new long[(int) LongStream.of(shape).reduce(1, Math::multiplyExact)];
            for (int i = 0; i < out.length; i++) {
                out[i] = op.applyAsLong(x[sourceIndex(i, shape, xShape)], y[sourceIndex(i, shape, yShape)]);
            }
            return new KnownValue(shape, out);
        };
    }

    /** The flat index in an input of this shape that broadcasting maps output element {@code flat} to. */
    private static int sourceIndex(int flat, long[] outShape, long[] inShape) {
        int index = 0;
        int stride = 1;
        int remaining = flat;
        for (int d = outShape.length - 1, e = inShape.length - 1; e >= 0; d--, e--) {
            int coordinate = (int) (remaining % outShape[d]);
            remaining /= (int) outShape[d];
            index += (inShape[e] == 1 ? 0 : coordinate) * stride;
            stride *= (int) inShape[e];
        }
        return index;
    }

    /** A reduction of a whole vector (the usual Prod of a shape), to a scalar or, with keep_dims, to [1]. */
    private static ValueFolder reduction(LongBinaryOperator op) {
        return (c, port, shape) -> {
            long[] input = c.ints(0);
            long[] axes = c.ints(1);
            if (input == null || axes == null || c.value(0).rank() != 1 || input.length == 0) {
                return null;
            }
            if (axes.length == 0) {
                return c.value(0);
            }
            return new KnownValue(shape, new long[] {LongStream.of(input).reduce(op).getAsLong()});
        };
    }

    private static KnownValue range(NodeContext c, int port, long[] shape) {
        Long start = c.intScalar(0);
        Long delta = c.intScalar(2);
        if (start == null || delta == null) {
            return null;
        }
        return new KnownValue(shape, LongStream.range(0, shape[0]).map(i -> start + i * delta).toArray());
    }

    private static KnownValue fill(NodeContext c, int port, long[] shape) {
        Long value = c.intScalar(1);
        if (value == null) {
            return null;
        }
        long[] elements = new long[(int) LongStream.of(shape).reduce(1, Math::multiplyExact)];
        Arrays.fill(elements, value);
        return new KnownValue(shape, elements);
    }
}
