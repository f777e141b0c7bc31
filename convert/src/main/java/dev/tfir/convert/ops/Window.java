package dev.tfir.convert.ops;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import java.util.Arrays;

/**
 * The sliding window of a convolution or pooling over the spatial axes of an NCHW-like input: kernel, strides,
 * dilations, padding and explicit pads (zeros unless {@link Padding#EXPLICIT}).
 */
public record Window(long[] kernel, long[] strides, long[] dilations, Padding padding, long[] padsBegin,
                     long[] padsEnd) {

    /** A window without dilation and without explicit pads. */
    public static Window of(long[] kernel, long[] strides, Padding padding) {
        int n = kernel.length;
        return new Window(kernel, strides, ones(n), padding, new long[n], new long[n]);
    }

    /** The output shape over channels-first data: its batch, {@code channels}, the spatial dims the window gives. */
    PartialShape outputShape(PartialShape data, long channels) {
        long[] dims = data.dims();
        dims[1] = channels;
        for (int i = 2; i < dims.length; i++) {
            int s = i - 2;
            dims[i] = Shapes.windowOutput(dims[i], kernel[s], dilations[s], strides[s], padsBegin[s] + padsEnd[s],
                    padding == Padding.SAME);
        }
        return PartialShape.of(dims);
    }

    private static long[] ones(int n) {
        long[] ones = new long[n];
        Arrays.fill(ones, 1);
        return ones;
    }
}
