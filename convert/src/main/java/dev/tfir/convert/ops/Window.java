package dev.tfir.convert.ops;

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

    /** The output dims of the spatial axes for the given input dims. */
    long[] outputDims(long[] spatial) {
        long[] out = new long[spatial.length];
        for (int i = 0; i < spatial.length; i++) {
            out[i] = Dims.windowOutput(spatial[i], kernel[i], strides[i], dilations[i], padsBegin[i], padsEnd[i],
                    padding);
        }
        return out;
    }

    private static long[] ones(int n) {
        long[] ones = new long[n];
        Arrays.fill(ones, 1);
        return ones;
    }
}
