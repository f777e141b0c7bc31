package dev.tfir.common.infer;

import static dev.tfir.common.types.PartialShape.UNKNOWN_DIM;

import dev.tfir.common.types.PartialShape;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * Shape arithmetic with TensorFlow's {@code InferenceContext} semantics: dims are -1 when unknown, and a
 * contradiction (two different known dims merged, a wrong rank) throws {@link CannotInfer}. The output shapes of
 * summarize's rules and of convert's IR builders are computed here, once: the public methods are those both use.
 */
public final class Shapes {
    private Shapes() {}

    public static boolean known(long dim) {
        return dim != UNKNOWN_DIM;
    }

    /** A shape of this rank whose dims are all unknown. */
    public static PartialShape unknownOfRank(int rank) {
        long[] dims = new long[rank];
        Arrays.fill(dims, UNKNOWN_DIM);
        return PartialShape.of(dims);
    }

    static PartialShape scalar() {
        return PartialShape.of();
    }

    static PartialShape vector(long dim) {
        return PartialShape.of(dim);
    }

    /** The shape, which must have this rank; an unknown rank becomes that many unknown dims. */
    static PartialShape withRank(PartialShape shape, int rank) {
        if (!shape.hasRank()) {
            return unknownOfRank(rank);
        }
        if (shape.rank() != rank) {
            throw new CannotInfer("shape " + shape + " has rank " + shape.rank() + "; TensorFlow requires rank " + rank);
        }
        return shape;
    }

    /** The shape, which must have at least this rank (an unknown rank stays unknown). */
    static PartialShape withRankAtLeast(PartialShape shape, int rank) {
        if (shape.hasRank() && shape.rank() < rank) {
            throw new CannotInfer("shape " + shape + " has rank " + shape.rank() + "; TensorFlow requires rank >= "
                    + rank);
        }
        return shape;
    }

    static long mergeDim(long a, long b) {
        if (!known(a)) {
            return b;
        }
        if (known(b) && a != b) {
            throw new CannotInfer("dims " + a + " and " + b + " differ; TensorFlow requires them to be equal");
        }
        return a;
    }

    /** The most specific shape compatible with both. */
    static PartialShape merge(PartialShape a, PartialShape b) {
        if (!a.hasRank()) {
            return b;
        }
        if (!b.hasRank()) {
            return a;
        }
        if (a.rank() != b.rank()) {
            throw new CannotInfer("shapes " + a + " and " + b + " have different ranks; TensorFlow requires the same "
                    + "rank");
        }
        long[] dims = new long[a.rank()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = mergeDim(a.dim(i), b.dim(i));
        }
        return PartialShape.of(dims);
    }

    static long add(long a, long b) {
        return known(a) && known(b) ? a + b : UNKNOWN_DIM;
    }

    static long subtract(long a, long b) {
        if (b == 0) {
            return a;
        }
        return known(a) && known(b) ? a - b : UNKNOWN_DIM;
    }

    /** a * b, where a known 0 or 1 decides even when the other is unknown (as InferenceContext::Multiply). */
    static long multiply(long a, long b) {
        if (a == 0 || b == 1) {
            return a;
        }
        if (b == 0 || a == 1) {
            return b;
        }
        return known(a) && known(b) ? a * b : UNKNOWN_DIM;
    }

    static long elementCount(PartialShape shape) {
        return shape.hasRank() ? shape.elementCount() : UNKNOWN_DIM;
    }

    /**
     * Numpy-style broadcasting as TensorFlow's BroadcastBinaryOpOutputShapeFnHelper: an unknown dim against a
     * known dim > 1 gives the known one. With {@code strict} false (Equal/NotEqual with
     * incompatible_shape_error=false), any doubt gives an unknown rank, and incompatible known dims a scalar.
     */
    public static PartialShape broadcast(PartialShape x, PartialShape y, boolean strict) {
        if (!x.hasRank() || !y.hasRank()) {
            return PartialShape.unknownRank();
        }
        int rank = Math.max(x.rank(), y.rank());
        long[] dims = new long[rank];
        for (int i = 0; i < rank; i++) {
            int xi = i - (rank - x.rank());
            int yi = i - (rank - y.rank());
            long dx = xi < 0 ? 1 : x.dim(xi);
            long dy = yi < 0 ? 1 : y.dim(yi);
            if (!known(dx) || !known(dy)) {
                if (dx > 1 || dy > 1 || (dx != 1 && dy != 1 && (known(dx) || known(dy)))) {
                    if (!strict) {
                        return PartialShape.unknownRank();
                    }
                    dims[i] = dx > 1 ? dx : dy > 1 ? dy : UNKNOWN_DIM;
                } else {
                    dims[i] = dx == 1 ? dy : dx;
                }
            } else if (dx == 1 || dy == 1) {
                dims[i] = dx == 1 && yi >= 0 ? dy : dx;
            } else if (dx != dy) {
                if (!strict) {
                    return scalar();
                }
                throw new CannotInfer("shapes " + x + " and " + y + " do not broadcast; TensorFlow requires each pair "
                        + "of dims to be equal or 1");
            } else {
                dims[i] = dx;
            }
        }
        return PartialShape.of(dims);
    }

    /**
     * Dims [start, end) of the shape, negative indices counting from the end and {@code end} clamped to the rank
     * (InferenceContext::Subshape with stride 1); an unknown rank gives an unknown rank.
     */
    static PartialShape subshape(PartialShape shape, long start, long end) {
        if (!shape.hasRank()) {
            return shape;
        }
        int rank = shape.rank();
        long from = Math.min(start, rank);
        long to = Math.min(end, rank);
        from = from < 0 ? from + rank : from;
        to = to < 0 ? to + rank : to;
        if (from < 0 || to < 0 || from > to) {
            throw new CannotInfer("dims [" + start + ", " + end + ") of shape " + shape + " are out of range");
        }
        return PartialShape.of(Arrays.copyOfRange(shape.dims(), (int) from, (int) to));
    }

    /** Dims from {@code start} to the end. */
    static PartialShape subshape(PartialShape shape, long start) {
        return subshape(shape, start, Long.MAX_VALUE);
    }

    /** The dims of a followed by those of b; an unknown rank when either is. */
    static PartialShape concat(PartialShape a, PartialShape b) {
        if (!a.hasRank() || !b.hasRank()) {
            return PartialShape.unknownRank();
        }
        long[] dims = Arrays.copyOf(a.dims(), a.rank() + b.rank());
        System.arraycopy(b.dims(), 0, dims, a.rank(), b.rank());
        return PartialShape.of(dims);
    }

    static PartialShape replaceDim(PartialShape shape, int index, long dim) {
        if (!shape.hasRank()) {
            return shape;
        }
        long[] dims = shape.dims();
        dims[index] = dim;
        return PartialShape.of(dims);
    }

    /** A dim index that may count from the end (-1 is the last), checked against the rank. */
    public static int axis(long axis, int rank) {
        if (axis < -rank || axis >= rank) {
            throw new CannotInfer("axis " + axis + " is out of range for rank " + rank + "; TensorFlow requires [-"
                    + rank + ", " + rank + ")");
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }

    /** Which of {@code rank} dims the axes name (each checked as by {@link #axis}). */
    public static boolean[] axisSet(long[] axes, int rank) {
        boolean[] named = new boolean[rank];
        for (long axis : axes) {
            named[axis(axis, rank)] = true;
        }
        return named;
    }

    /** A reduction's output: the dims named by {@code axes} dropped, or kept as 1. */
    public static PartialShape reduced(PartialShape input, long[] axes, boolean keepDims) {
        boolean[] reduced = axisSet(axes, input.rank());
        LongStream.Builder dims = LongStream.builder();
        for (int i = 0; i < reduced.length; i++) {
            if (!reduced[i]) {
                dims.add(input.dim(i));
            } else if (keepDims) {
                dims.add(1);
            }
        }
        return PartialShape.of(dims.build().toArray());
    }

    /**
     * GetWindowedOutputSizeFromDimsV2: the output length of one dim under a sliding window (convolution, pooling).
     * SAME gives ceil(input / stride); otherwise the input, with {@code pads} added (both sides, EXPLICIT padding),
     * must hold the dilated window.
     */
    public static long windowOutput(long input, long window, long dilation, long stride, long pads, boolean same) {
        if (same) {
            return known(input) ? (input + stride - 1) / stride : input;
        }
        long padded = add(input, pads);
        long effectiveWindow = known(window) ? (window - 1) * dilation + 1 : window;
        if (!known(padded) || !known(effectiveWindow)) {
            return UNKNOWN_DIM;
        }
        if (padded < effectiveWindow) {
            throw new CannotInfer("the window (" + effectiveWindow + ") is larger than the input (" + padded
                    + ", padded); TensorFlow requires it to fit");
        }
        return (padded - effectiveWindow + stride) / stride;
    }

    /**
     * The groups of a (grouped) convolution: its input depth over the filters' input depth, checked as TensorFlow's
     * Conv2D shape function checks them where they are known (the input depth a multiple of the filters', at least
     * one group, the output depth a multiple of the groups); unknown when either depth is.
     */
    public static long convolutionGroups(long inputDepth, long filterDepth, long outputDepth) {
        if (known(inputDepth) && known(filterDepth) && (filterDepth == 0 || inputDepth % filterDepth != 0)) {
            throw new CannotInfer("input depth " + inputDepth + " is not a multiple of the filters' input depth "
                    + filterDepth + "; TensorFlow requires it to be");
        }
        if (inputDepth == 0) {
            throw new CannotInfer("input depth 0 makes no group of the filters' input depth " + filterDepth
                    + "; TensorFlow rejects it");
        }
        if (!known(inputDepth) || !known(filterDepth)) {
            return UNKNOWN_DIM;
        }
        long groups = inputDepth / filterDepth;
        if (known(outputDepth) && outputDepth % groups != 0) {
            throw new CannotInfer("output depth " + outputDepth + " is not a multiple of the " + groups + " groups "
                    + "(input depth " + inputDepth + " / filters' input depth " + filterDepth + "); TensorFlow "
                    + "requires it to be");
        }
        return groups;
    }

    /**
     * The output shape of an Einsum of an explicit equation without ellipsis ("ij,jk->ik", spaces ignored): each
     * output label has its size in the operands (1 broadcasts; an operand whose rank does not match its term gives
     * unknown sizes). Null when the equation is not of that form or has another number of terms than operands.
     */
    public static PartialShape einsum(String equation, List<PartialShape> operands) {
        String[] sides = equation.replace(" ", "").split("->", -1);
        String[] terms = sides[0].split(",", -1);
        if (sides.length != 2 || equation.contains(".") || terms.length != operands.size()) {
            return null;
        }
        Map<Character, Long> sizes = new HashMap<>();
        for (int i = 0; i < terms.length; i++) {
            PartialShape shape = operands.get(i);
            for (int axis = 0; axis < terms[i].length(); axis++) {
                long dim = shape.hasRank() && shape.rank() == terms[i].length() ? shape.dim(axis) : UNKNOWN_DIM;
                sizes.merge(terms[i].charAt(axis), dim, (a, b) -> a == 1 || !known(a) ? b : a);
            }
        }
        long[] dims = new long[sides[1].length()];
        for (int axis = 0; axis < dims.length; axis++) {
            dims[axis] = sizes.getOrDefault(sides[1].charAt(axis), UNKNOWN_DIM);
        }
        return PartialShape.of(dims);
    }
}
