package dev.tfir.convert.translate.op;

import dev.tfir.convert.ops.Padding;
import dev.tfir.convert.ops.Window;
import dev.tfir.convert.translate.NodeContext;

/**
 * The window attributes of 2-D convolutions and pooling as TensorFlow gives them: 4-element {@code strides},
 * {@code dilations} and {@code ksize} in the node's data format, {@code padding} SAME, VALID or EXPLICIT (with
 * 8-element {@code explicit_paddings}).
 */
final class WindowAttributes {
    private WindowAttributes() {}

    /** The window with the given spatial kernel, strides and dilations and padding from the attributes. */
    static Window window(NodeContext node, long[] kernel, boolean channelsLast) {
        long[] strides = spatial(node, "strides", channelsLast);
        long[] dilations = node.hasAttribute("dilations") ? spatial(node, "dilations", channelsLast) : new long[] {1, 1};
        Padding padding = padding(node);
        long[] begin = new long[2];
        long[] end = new long[2];
        if (padding == Padding.EXPLICIT) {
            long[] pads = node.integers("explicit_paddings", new long[0]);
            node.require(pads.length == 8, "needs 8 explicit_paddings, not " + pads.length);
            int first = channelsLast ? 1 : 2;
            for (int i = 0; i < 2; i++) {
                begin[i] = pads[2 * (first + i)];
                end[i] = pads[2 * (first + i) + 1];
            }
        }
        return new Window(kernel, strides, dilations, padding, begin, end);
    }

    /** The two spatial values of a 4-element attribute. */
    static long[] spatial(NodeContext node, String attribute, boolean channelsLast) {
        long[] values = node.integers(attribute, null);
        node.require(values != null && values.length == 4, "needs a 4-element '" + attribute + "' attribute");
        return channelsLast ? new long[] {values[1], values[2]} : new long[] {values[2], values[3]};
    }

    private static Padding padding(NodeContext node) {
        String padding = node.string("padding", "");
        return switch (padding) {
            case "SAME" -> Padding.SAME;
            case "VALID" -> Padding.VALID;
            case "EXPLICIT" -> Padding.EXPLICIT;
            default -> throw node.error("has padding '" + padding + "'; SAME, VALID and EXPLICIT are supported");
        };
    }
}
