package dev.tfir.convert.ops;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import java.util.Arrays;

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

    /**
     * The elements of a 1-D integer output of known length that are known at conversion: a constant's values; for a
     * Concat of 1-D parts (TensorFlow's Pack of a run-time batch and constants, as Keras builds shapes), the constant
     * parts' values; -1 for the others.
     */
    public static long[] knownElements(Output vector) {
        if (vector.isConstant()) {
            return vector.constant().longs();
        }
        long[] known = new long[(int) vector.shape().dim(0)];
        Arrays.fill(known, PartialShape.UNKNOWN_DIM);
        Node concat = vector.node();
        if (!concat.type().equals("Concat") || concat.inputs().stream().anyMatch(part -> part.rank() != 1
                || !Shapes.known(part.shape().dim(0)))) {
            return known;
        }
        int at = 0;
        for (Output part : concat.inputs()) {
            long[] values = valuesOf(part);
            for (int i = 0; i < part.shape().dim(0); i++, at++) {
                known[at] = values == null ? PartialShape.UNKNOWN_DIM : values[i];
            }
        }
        return known;
    }
}
