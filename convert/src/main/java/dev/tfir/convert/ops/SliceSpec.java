package dev.tfir.convert.ops;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import java.util.ArrayList;
import java.util.List;

/**
 * A strided slice (TensorFlow's StridedSlice, OpenVINO's StridedSlice-1: the same semantics) resolved against an
 * input shape: for every input axis the range taken, and the output shape. Masks are per entry of begin/end/strides:
 * begin/end ignored, a new axis of size 1, the axis removed (index begin), an ellipsis covering the axes not named.
 */
final class SliceSpec {
    /** The range of one input axis: start, step and count of elements taken; {@code kept} unless shrunk. */
    record Range(long start, long step, long count, boolean kept) {}

    /** Per-entry masks, each as long as begin/end/strides. */
    record Masks(boolean[] begin, boolean[] end, boolean[] newAxis, boolean[] shrink, boolean[] ellipsis) {}

    private final List<Range> ranges = new ArrayList<>();
    private final List<Long> outputDims = new ArrayList<>();
    private final List<Long> newAxes = new ArrayList<>();

    private SliceSpec() {}

    /** Resolves the slice; unknown input dims give unknown ranges and output dims (-1). */
    static SliceSpec resolve(long[] input, long[] begin, long[] end, long[] strides, Masks masks) {
        SliceSpec spec = new SliceSpec();
        int named = 0;
        boolean hasEllipsis = false;
        for (int i = 0; i < begin.length; i++) {
            if (masks.ellipsis()[i]) {
                hasEllipsis = true;
            } else if (!masks.newAxis()[i]) {
                named++;
            }
        }
        int axis = 0;
        for (int i = 0; i < begin.length; i++) {
            if (masks.ellipsis()[i]) {
                for (int n = input.length - named; n > 0; n--) {
                    spec.whole(input[axis++]);
                }
            } else if (masks.newAxis()[i]) {
                spec.newAxes.add((long) spec.outputDims.size());
                spec.outputDims.add(1L);
            } else {
                if (axis >= input.length) {
                    throw new IllegalArgumentException("the slice names more axes than the input's " + input.length);
                }
                spec.entry(input[axis++], begin[i], end[i], strides[i], masks.begin()[i], masks.end()[i],
                        masks.shrink()[i]);
            }
        }
        while (!hasEllipsis && axis < input.length) {
            spec.whole(input[axis++]);
        }
        return spec;
    }

    long[] outputDims() {
        return outputDims.stream().mapToLong(Long::longValue).toArray();
    }

    /** The output axes that new-axis entries add. */
    long[] newAxes() {
        return newAxes.stream().mapToLong(Long::longValue).toArray();
    }

    List<Range> ranges() {
        return ranges;
    }

    private void whole(long dim) {
        ranges.add(new Range(0, 1, dim, true));
        outputDims.add(dim);
    }

    private void entry(long dim, long begin, long end, long stride, boolean ignoreBegin, boolean ignoreEnd,
                       boolean shrink) {
        if (stride == 0) {
            throw new IllegalArgumentException("a slice stride of 0");
        }
        if (shrink) {
            long index = Shapes.known(dim) && begin < 0 ? begin + dim : begin;
            ranges.add(new Range(index, 1, 1, false));
            return;
        }
        if (!Shapes.known(dim)) {
            ranges.add(new Range(0, stride, PartialShape.UNKNOWN_DIM, true));
            outputDims.add(PartialShape.UNKNOWN_DIM);
            return;
        }
        long start;
        long stop;
        if (stride > 0) {
            start = ignoreBegin ? 0 : clamp(normalized(begin, dim), 0, dim);
            stop = ignoreEnd ? dim : clamp(normalized(end, dim), 0, dim);
        } else {
            start = ignoreBegin ? dim - 1 : clamp(normalized(begin, dim), -1, dim - 1);
            stop = ignoreEnd ? -1 : clamp(normalized(end, dim), -1, dim - 1);
        }
        long span = stride > 0 ? stop - start : start - stop;
        long step = Math.abs(stride);
        long count = span <= 0 ? 0 : (span + step - 1) / step;
        ranges.add(new Range(start, stride, count, true));
        outputDims.add(count);
    }

    private static long normalized(long index, long dim) {
        return index < 0 ? index + dim : index;
    }

    private static long clamp(long value, long low, long high) {
        return Math.max(low, Math.min(high, value));
    }
}
