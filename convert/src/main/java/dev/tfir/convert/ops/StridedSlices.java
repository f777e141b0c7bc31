package dev.tfir.convert.ops;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;

/** StridedSlice-1, folded on small 1-D integer constants (the Shape → StridedSlice patterns of TF graphs). */
public final class StridedSlices {
    private StridedSlices() {}

    /** Slices {@code x}; begin, end and strides must be constants (their values decide the output shape). */
    public static Output slice(Output x, Output begin, Output end, Output strides, SliceMasks masks) {
        long[] b = Constants.valuesOf(begin);
        long[] e = Constants.valuesOf(end);
        long[] s = Constants.valuesOf(strides);
        if (b == null || e == null || s == null) {
            throw new ConversionException("StridedSlice with begin, end or strides computed at run time is not "
                    + "supported; give the input shapes (--input_shape or -b) so that they become constants");
        }
        SliceSpec spec;
        try {
            spec = SliceSpec.resolve(x.shape().dims(), b, e, s, masks.forEntries(b.length));
        } catch (IllegalArgumentException bad) {
            throw new ConversionException("StridedSlice: " + bad.getMessage());
        }
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
        return Node.builder("StridedSlice", "opset1")
                .attribute("begin_mask", masks.bits(SliceMasks.Kind.BEGIN, b.length))
                .attribute("end_mask", masks.bits(SliceMasks.Kind.END, b.length))
                .attribute("new_axis_mask", masks.bits(SliceMasks.Kind.NEW_AXIS, b.length))
                .attribute("shrink_axis_mask", masks.bits(SliceMasks.Kind.SHRINK, b.length))
                .attribute("ellipsis_mask", masks.bits(SliceMasks.Kind.ELLIPSIS, b.length))
                .inputs(x, Constants.i64(b), Constants.i64(e), Constants.i64(s))
                .output(x.type(), PartialShape.of(dims)).buildOutput();
    }
}
