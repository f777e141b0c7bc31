package dev.tfir.common.infer;

import static dev.tfir.common.types.PartialShape.UNKNOWN_DIM;

import dev.tfir.common.graph.NodeAttrs;
import java.util.ArrayList;
import java.util.List;

/**
 * TensorFlow's StridedSlice index arithmetic (ValidateStridedSliceOp in strided_slice_op.cc): the sparse slice
 * spec (begin, end, strides and the five masks) expanded to one range per input dim, and the output shape.
 *
 * @param shape the output shape, -1 where unknown
 * @param begin per input dim, the first index taken (canonical where the dim and the bounds are known)
 * @param end per input dim, the index where taking stops (exclusive, in the direction of the stride)
 * @param strides per input dim, the step
 */
record StridedSliceSpec(long[] shape, long[] begin, long[] end, long[] strides) {
    private static final int NEW_AXIS = -1;
    private static final int SHRINK_AXIS = -2;

    /** The five mask attrs of a StridedSlice node. */
    record Masks(long begin, long end, long ellipsis, long newAxis, long shrinkAxis) {
        static Masks of(NodeAttrs attrs) {
            return new Masks(attrs.integer("begin_mask", 0), attrs.integer("end_mask", 0),
                    attrs.integer("ellipsis_mask", 0), attrs.integer("new_axis_mask", 0),
                    attrs.integer("shrink_axis_mask", 0));
        }

        static boolean has(long mask, int bit) {
            return (mask & (1L << bit)) != 0;
        }
    }

    /**
     * @param inputDims the input's dims, -1 where unknown
     * @param sparseBegin the begin values, or null when not known
     * @param sparseEnd the end values, or null when not known
     * @param sparseStrides the stride values
     */
    static StridedSliceSpec of(long[] inputDims, long[] sparseBegin, long[] sparseEnd, long[] sparseStrides,
            Masks masks) {
        int sparseDims = sparseStrides.length;
        if ((sparseBegin != null && sparseBegin.length != sparseDims)
                || (sparseEnd != null && sparseEnd.length != sparseDims) || sparseDims >= 32) {
            throw new CannotInfer("begin, end and strides of " + sparseDims + " values (or more than 31); "
                    + "TensorFlow requires the same length, up to 31");
        }
        long ellipsis = masks.ellipsis();
        if ((ellipsis & (ellipsis - 1)) != 0) {
            throw new CannotInfer("ellipsis_mask " + ellipsis + " has more than one bit; TensorFlow requires at "
                    + "most one ellipsis");
        }
        boolean ellipsisSeen = false;
        int newAxesAfterEllipsis = 0;
        for (int i = 0; i < sparseDims; i++) {
            if (ellipsisSeen && Masks.has(masks.newAxis(), i)) {
                newAxesAfterEllipsis++;
            }
            ellipsisSeen |= Masks.has(ellipsis, i);
        }
        if (!ellipsisSeen) {
            ellipsis |= 1L << sparseDims;
            sparseDims++;
        }
        int dims = inputDims.length;
        long[] begin = new long[dims];
        long[] end = new long[dims];
        long[] strides = new long[dims];
        boolean[] beginMasked = new boolean[dims];
        boolean[] endMasked = new boolean[dims];
        boolean[] shrink = new boolean[dims];
        List<Integer> gather = new ArrayList<>();
        int full = 0;
        for (int i = 0; i < sparseDims; i++) {
            if (Masks.has(ellipsis, i)) {
                int next = Math.min(dims - (sparseDims - i) + 1 + newAxesAfterEllipsis, dims);
                for (; full < next; full++) {
                    strides[full] = 1;
                    beginMasked[full] = true;
                    endMasked[full] = true;
                    gather.add(full);
                }
            } else if (Masks.has(masks.newAxis(), i)) {
                gather.add(NEW_AXIS);
            } else {
                if (full == dims) {
                    throw new CannotInfer("the slice has more dims than the input");
                }
                begin[full] = sparseBegin == null ? 0 : sparseBegin[i];
                end[full] = sparseEnd == null ? 0 : sparseEnd[i];
                strides[full] = sparseStrides[i];
                beginMasked[full] = Masks.has(masks.begin(), i);
                endMasked[full] = Masks.has(masks.end(), i);
                shrink[full] = Masks.has(masks.shrinkAxis(), i);
                gather.add(shrink[full] ? SHRINK_AXIS : full);
                full++;
            }
        }
        boolean bounded = sparseBegin != null && sparseEnd != null;
        long[] processing = new long[dims];
        for (int i = 0; i < dims; i++) {
            processing[i] = processedSize(inputDims[i], i, begin, end, strides[i], beginMasked[i], endMasked[i],
                    shrink[i], bounded);
        }
        long[] shape = gather.stream().filter(g -> g != SHRINK_AXIS)
                .mapToLong(g -> g == NEW_AXIS ? 1 : processing[g]).toArray();
        return new StridedSliceSpec(shape, begin, end, strides);
    }

    /** Canonicalizes begin[i] and end[i] (when known) and gives the length of dim i after slicing. */
    private static long processedSize(long dim, int i, long[] begin, long[] end, long stride, boolean beginMasked,
            boolean endMasked, boolean shrink, boolean bounded) {
        if (stride == 0) {
            throw new CannotInfer("strides[" + i + "] is 0; TensorFlow requires strides to be non-zero");
        }
        if (!Shapes.known(dim)) {
            return shrink ? 1 : UNKNOWN_DIM;
        }
        if (shrink && stride <= 0) {
            throw new CannotInfer("strides[" + i + "] is " + stride + " on an axis shrink_axis_mask removes; "
                    + "TensorFlow requires a positive stride there");
        }
        long interval;
        if (bounded) {
            if (shrink) {
                long index = begin[i] < 0 ? dim + begin[i] : begin[i];
                if (index < 0 || index >= dim) {
                    throw new CannotInfer("begin[" + i + "] " + begin[i] + " is out of range for a dim of size " + dim
                            + "; TensorFlow requires an index in [-" + dim + ", " + dim + ")");
                }
                begin[i] = index;
                end[i] = index + 1;
            } else {
                begin[i] = canonical(begin[i], beginMasked, true, dim, stride);
                end[i] = canonical(end[i], endMasked, false, dim, stride);
            }
            interval = end[i] - begin[i];
        } else if (shrink) {
            interval = 1;
        } else if (beginMasked && endMasked) {
            interval = stride < 0 ? -dim : dim;
        } else {
            return UNKNOWN_DIM;
        }
        if (interval == 0 || (interval < 0) != (stride < 0)) {
            return 0;
        }
        return interval / stride + (interval % stride != 0 ? 1 : 0);
    }

    private static long canonical(long index, boolean masked, boolean isBegin, long dim, long stride) {
        long low = stride > 0 ? 0 : -1;
        long high = stride > 0 ? dim : dim - 1;
        if (masked) {
            return (stride > 0) == isBegin ? low : high;
        }
        long forward = index < 0 ? dim + index : index;
        return Math.max(low, Math.min(high, forward));
    }
}
