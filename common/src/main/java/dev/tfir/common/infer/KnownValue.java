package dev.tfir.common.infer;

import java.util.Arrays;
import java.util.stream.LongStream;

/**
 * The statically known value of a small integer tensor (a shape, an axis, paddings...): its fully defined shape, its
 * elements in row-major order, and how far TensorFlow's shape refiner knows it ({@link Origin}). Only a
 * {@link Origin#CONSTANT} value is usable as a whole (an axis, paddings); the others only as a partial shape, where
 * an {@link #UNKNOWN} element is an unknown dim.
 */
record KnownValue(long[] shape, long[] elements, Origin origin) {
    /** An element whose value is not known. */
    static final long UNKNOWN = Long.MIN_VALUE;
    /** Larger tensors are not tracked. */
    static final int MAX_ELEMENTS = 1024;

    /** How a value is known. */
    enum Origin {
        /** TensorFlow can evaluate the tensor (constant folding): every element is known. */
        CONSTANT,
        /**
         * The output of Shape on a partly known shape: a partial shape, from which TensorFlow can still evaluate a
         * single known dim taken out by StridedSlice.
         */
        SHAPE,
        /** Known as a partial shape only (Pack, ConcatV2, StridedSlice and Cast of partial shapes). */
        PARTIAL
    }

    KnownValue {
        if (LongStream.of(shape).reduce(1, Math::multiplyExact) != elements.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold "
                    + elements.length + " elements");
        }
        if (origin == Origin.CONSTANT && LongStream.of(elements).anyMatch(e -> e == UNKNOWN)) {
            throw new IllegalArgumentException("a constant with unknown elements");
        }
    }

    /** A constant. */
    KnownValue(long[] shape, long[] elements) {
        this(shape, elements, Origin.CONSTANT);
    }

    static KnownValue scalar(long value) {
        return new KnownValue(new long[0], new long[] {value});
    }

    int rank() {
        return shape.length;
    }

    boolean isConstant() {
        return origin == Origin.CONSTANT;
    }
}
