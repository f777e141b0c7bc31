package dev.tfir.convert.translate.op;

import dev.tfir.common.infer.WindowAttrs;
import dev.tfir.convert.ops.Padding;
import dev.tfir.convert.ops.Window;
import dev.tfir.convert.translate.NodeContext;

/**
 * The window of 2-D convolutions and pooling from TensorFlow's attributes, read and checked by common's
 * {@link WindowAttrs} (as summarize's shape rules read them): 4-element {@code strides}, {@code dilations} and
 * {@code ksize} in the node's data format, {@code padding} SAME, VALID or EXPLICIT (with 8-element
 * {@code explicit_paddings}); the window takes their two spatial values.
 */
final class WindowAttributes {
    private WindowAttributes() {}

    /** The window with the given spatial kernel, strides and dilations and padding from the attributes. */
    static Window window(NodeContext node, long[] kernel, boolean channelsLast) {
        return window(node, kernel, WindowAttrs.required(node.attrs(), "strides"), channelsLast);
    }

    /** The window with the given spatial kernel, the 4 strides given, dilations and padding from the attributes. */
    static Window window(NodeContext node, long[] kernel, long[] fourStrides, boolean channelsLast) {
        long[] strides = spatial(fourStrides, channelsLast);
        long[] dilations = spatial(WindowAttrs.dilations(node.attrs()), channelsLast);
        WindowAttrs.Padding padding = WindowAttrs.Padding.of(node.attrs());
        int height = channelsLast ? 1 : 2;
        long[] begin = {padding.before(height), padding.before(height + 1)};
        long[] end = {padding.after(height), padding.after(height + 1)};
        return new Window(kernel, strides, dilations, Padding.valueOf(padding.mode()), begin, end);
    }

    /** The two spatial values of a 4-element window attribute. */
    static long[] spatial(long[] values, boolean channelsLast) {
        return channelsLast ? new long[] {values[1], values[2]} : new long[] {values[2], values[3]};
    }
}
