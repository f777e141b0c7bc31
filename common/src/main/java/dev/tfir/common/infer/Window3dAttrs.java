package dev.tfir.common.infer;

import dev.tfir.common.graph.NodeAttrs;
import java.util.Arrays;
import java.util.stream.LongStream;

/**
 * The window attrs of TensorFlow's 3-D convolutions and pooling, read and checked as TensorFlow does: data_format
 * NDHWC or NCDHW, 5 values per attr (1 for the batch and channels), padding SAME or VALID; for summarize's shape
 * rules and convert's translators alike. What TensorFlow rejects throws {@link CannotInfer}.
 */
public record Window3dAttrs(boolean channelsLast, long[] strides, long[] dilations, long[] ksize, boolean same) {
    private static final long[] ONES = {1, 1, 1, 1, 1};

    /** The attrs of a node; ksize is all 1 for the convolutions, which have none. */
    public static Window3dAttrs of(NodeAttrs attrs) {
        String format = attrs.string("data_format", "NDHWC");
        if (!format.equals("NDHWC") && !format.equals("NCDHW")) {
            throw new CannotInfer("data_format '" + format + "'; TensorFlow requires NDHWC or NCDHW");
        }
        boolean channelsLast = format.equals("NDHWC");
        String padding = attrs.string("padding", "");
        if (!padding.equals("SAME") && !padding.equals("VALID")) {
            throw new CannotInfer("padding '" + padding + "'; TensorFlow requires SAME or VALID");
        }
        return new Window3dAttrs(channelsLast, spatial(attrs, "strides", null, channelsLast),
                spatial(attrs, "dilations", ONES, channelsLast), spatial(attrs, "ksize", ONES, channelsLast),
                padding.equals("SAME"));
    }

    /** The dim of a 5-D tensor that holds spatial axis {@code i} (0 depth, 1 height, 2 width). */
    public int spatialDim(int i) {
        return (channelsLast ? 1 : 2) + i;
    }

    /** The channels dim of a 5-D tensor. */
    public int channelDim() {
        return channelsLast ? 4 : 1;
    }

    /** The output length of spatial axis {@code i} under the window of {@code window} elements. */
    public long outputSize(int i, long input, long window) {
        return Shapes.windowOutput(input, window, dilations[i], strides[i], 0, same);
    }

    private static long[] spatial(NodeAttrs attrs, String name, long[] fallback, boolean channelsLast) {
        long[] values = fallback == null ? attrs.ints(name) : attrs.ints(name, fallback);
        int channel = channelsLast ? 4 : 1;
        if (values.length != 5 || LongStream.of(values).anyMatch(v -> v < 1) || values[0] != 1
                || values[channel] != 1) {
            throw new CannotInfer(name + " " + Arrays.toString(values) + "; TensorFlow requires 5 values >= 1, 1 for "
                    + "the batch and channels");
        }
        int first = channelsLast ? 1 : 2;
        return Arrays.copyOfRange(values, first, first + 3);
    }
}
