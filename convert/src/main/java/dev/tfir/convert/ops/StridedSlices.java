package dev.tfir.convert.ops;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import java.util.stream.IntStream;

/** StridedSlice-1, folded on small 1-D integer constants (the Shape → StridedSlice patterns of TF graphs). */
public final class StridedSlices {
    private StridedSlices() {}

    /**
     * Slices {@code x}; strides must be constants. Begin and end computed at run time (x[i] in a loop body) leave
     * the dims they bound unknown.
     */
    public static Output slice(Output x, Output begin, Output end, Output strides, SliceMasks masks) {
        long[] b = Constants.valuesOf(begin);
        long[] e = Constants.valuesOf(end);
        long[] s = Constants.valuesOf(strides);
        if (s == null) {
            throw new ConversionException("StridedSlice with strides computed at run time is not supported; give "
                    + "the input shapes (--input_shape or -b) so that they become constants");
        }
        if (b == null || e == null) {
            return runtimeBounds(x, begin, end, s, masks);
        }
        SliceSpec spec = resolve(x, b, e, s, masks);
        long[] dims = spec.outputDims();
        if (x.isConstant() && x.rank() == 1 && x.type().isInteger()) {
            SliceSpec.Range range = spec.ranges().get(0);
            long[] values = x.constant().longs();
            long[] taken = new long[(int) range.count()];
            for (int i = 0; i < taken.length; i++) {
                taken[i] = values[(int) (range.start() + i * range.step())];
            }
            return Constants.of(ConstTensor.ofLongs(x.type(), dims, taken));
        }
        if (spec.newAxes().length > 0) {
            return withNewAxesUnsqueezed(x, b, e, s, masks, spec.newAxes());
        }
        return node(x, Constants.i64(b), Constants.i64(e), Constants.i64(s), masks, dims);
    }

    /**
     * The slice with begin or end known at run time only: its output dims are those that come out the same
     * whatever the bounds (an empty slice, one to the end, one from past the end), the others unknown.
     */
    private static Output runtimeBounds(Output x, Output begin, Output end, long[] s, SliceMasks masks) {
        int n = s.length;
        if (begin.rank() != 1 || end.rank() != 1 || begin.shape().dim(0) != n || end.shape().dim(0) != n) {
            throw new ConversionException("StridedSlice: begin " + begin.shape() + " and end " + end.shape()
                    + " must be 1-D of the strides' length " + n);
        }
        long[] zero = new long[n];
        long[] far = new long[n];
        for (int i = 0; i < n; i++) {
            far[i] = s[i] > 0 ? Long.MAX_VALUE / 4 : -Long.MAX_VALUE / 4;
        }
        long[] dims = resolve(x, zero, zero, s, masks).outputDims();
        for (long[][] bounds : new long[][][] {{zero, far}, {far, far}}) {
            long[] other = resolve(x, bounds[0], bounds[1], s, masks).outputDims();
            for (int d = 0; d < dims.length; d++) {
                dims[d] = dims[d] == other[d] ? dims[d] : PartialShape.UNKNOWN_DIM;
            }
        }
        return node(x, Convert64.of(begin), Convert64.of(end), Constants.i64(s), masks, dims);
    }

    private static Output node(Output x, Output begin, Output end, Output strides, SliceMasks masks, long[] dims) {
        int n = (int) strides.shape().dim(0);
        return Node.builder("StridedSlice", "opset1")
                .attribute("begin_mask", masks.bits(SliceMasks.Kind.BEGIN, n))
                .attribute("end_mask", masks.bits(SliceMasks.Kind.END, n))
                .attribute("new_axis_mask", masks.bits(SliceMasks.Kind.NEW_AXIS, n))
                .attribute("shrink_axis_mask", masks.bits(SliceMasks.Kind.SHRINK, n))
                .attribute("ellipsis_mask", masks.bits(SliceMasks.Kind.ELLIPSIS, n))
                .inputs(x, begin, end, strides).output(x.type(), PartialShape.of(dims)).buildOutput();
    }

    /**
     * The slice of the entries that are no new axis, then an Unsqueeze adding the new axes where the slice puts them:
     * OpenVINO 2024.6's CPU StridedSlice gives {@code mask[:, None, None, :]} of a [2, 8] mask the shape [2, 1, 0, 1]
     * (a T5 encoder's attention mask; mo's and ovc's IRs fail on it too), 2026.4.1 [2, 1, 1, 8].
     */
    private static Output withNewAxesUnsqueezed(Output x, long[] b, long[] e, long[] s, SliceMasks masks,
                                                long[] newAxes) {
        int[] kept = masks.entriesAddingNoAxis(s.length);
        Output sliced = x;
        if (kept.length > 0) {
            long[] keptBegin = pick(b, kept);
            long[] keptEnd = pick(e, kept);
            long[] keptStrides = pick(s, kept);
            SliceMasks keptMasks = masks.ofEntries(kept);
            sliced = node(x, Constants.i64(keptBegin), Constants.i64(keptEnd), Constants.i64(keptStrides), keptMasks,
                    resolve(x, keptBegin, keptEnd, keptStrides, keptMasks).outputDims());
        }
        return Movement.unsqueeze(sliced, newAxes);
    }

    private static long[] pick(long[] values, int[] entries) {
        return IntStream.of(entries).mapToLong(i -> values[i]).toArray();
    }

    private static SliceSpec resolve(Output x, long[] b, long[] e, long[] s, SliceMasks masks) {
        try {
            return SliceSpec.resolve(x.shape().dims(), b, e, s, masks.forEntries(b.length));
        } catch (IllegalArgumentException bad) {
            throw new ConversionException("StridedSlice: " + bad.getMessage());
        }
    }
}
