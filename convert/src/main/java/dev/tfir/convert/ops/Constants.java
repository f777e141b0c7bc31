package dev.tfir.convert.ops;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;

/** Const nodes, and the small integer constants (axes, shapes, permutations) other ops take as inputs. */
public final class Constants {
    private Constants() {}

    public static Output of(ConstTensor value) {
        return Node.constant(value).output(0);
    }

    /** A 1-D i64 constant. */
    public static Output i64(long... values) {
        return of(ConstTensor.vector(ElementType.I64, values));
    }

    /** A 1-D i64 constant of ints. */
    public static Output i64(int... values) {
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = values[i];
        }
        return i64(longs);
    }

    /** A scalar i64 constant. */
    public static Output i64Scalar(long value) {
        return of(ConstTensor.ofLongs(ElementType.I64, new long[0], value));
    }

    /** A scalar of the given element type. */
    public static Output scalar(ElementType type, double value) {
        return of(type.isFloating() ? ConstTensor.ofDoubles(type, new long[0], value)
                : ConstTensor.ofLongs(type, new long[0], (long) value));
    }

    /** The integer values of a constant input, or null when it is not a constant. */
    public static long[] valuesOf(Output output) {
        return output.isConstant() ? output.constant().longs() : null;
    }
}
