package dev.tfir.convert.ops;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ConversionException;
import java.util.Arrays;

/** Shape arithmetic with unknown dims ({@link PartialShape#UNKNOWN_DIM}). */
public final class Dims {
    public static final long UNKNOWN = PartialShape.UNKNOWN_DIM;

    private Dims() {}

    public static boolean known(long dim) {
        return dim >= 0;
    }

    /** A shape of {@code rank} unknown dims. */
    public static PartialShape unknown(int rank) {
        long[] dims = new long[rank];
        Arrays.fill(dims, UNKNOWN);
        return PartialShape.of(dims);
    }

    /** An axis in [-rank, rank) made non-negative. */
    public static int axis(long axis, int rank) {
        if (axis < -rank || axis >= rank) {
            throw new ConversionException("axis " + axis + " is out of range for rank " + rank);
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }

    /** Which of {@code rank} axes are named in {@code axes} (negative ones counted from the end). */
    public static boolean[] axisSet(long[] axes, int rank) {
        boolean[] named = new boolean[rank];
        for (long axis : axes) {
            named[axis(axis, rank)] = true;
        }
        return named;
    }

    /** Numpy broadcasting of two shapes. */
    public static PartialShape broadcast(PartialShape a, PartialShape b) {
        int rank = Math.max(a.rank(), b.rank());
        long[] dims = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = dimFromEnd(a, rank - 1 - i);
            long db = dimFromEnd(b, rank - 1 - i);
            dims[i] = broadcastDim(da, db, a, b);
        }
        return PartialShape.of(dims);
    }

    private static long dimFromEnd(PartialShape shape, int fromEnd) {
        int i = shape.rank() - 1 - fromEnd;
        return i >= 0 ? shape.dim(i) : 1;
    }

    private static long broadcastDim(long a, long b, PartialShape left, PartialShape right) {
        if (a == 1) {
            return b;
        }
        if (b == 1 || a == b) {
            return a;
        }
        if (!known(a)) {
            return b;
        }
        if (!known(b)) {
            return a;
        }
        throw new ConversionException("shapes " + left + " and " + right + " do not broadcast");
    }

    /** Spatial output size of a convolution or pooling window. */
    public static long windowOutput(long input, long kernel, long stride, long dilation, long padBegin, long padEnd,
                                    Padding padding) {
        if (!known(input) || !known(kernel)) {
            return UNKNOWN;
        }
        long padded = padding == Padding.EXPLICIT ? input + padBegin + padEnd : input;
        long window = dilation * (kernel - 1) + 1;
        if (padding != Padding.SAME && padded < window) {
            throw new ConversionException("a window of " + window + " over " + padded + " elements (padded); the "
                    + "window must fit");
        }
        return padding == Padding.SAME ? (input + stride - 1) / stride : (padded - window) / stride + 1;
    }
}
