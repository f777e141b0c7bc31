package dev.tfir.common.infer;

import dev.tfir.common.graph.NodeAttrs;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The window attrs of TensorFlow's 2-D convolutions and pooling, read and checked as TensorFlow does (4 values, one
 * per dim of the input, in the node's data_format): for summarize's shape rules and convert's translators alike.
 * What TensorFlow rejects throws {@link CannotInfer}.
 */
public final class WindowAttrs {
    private static final long[] NO_DILATION = {1, 1, 1, 1};

    private WindowAttrs() {}

    /** A window attr ({@code strides}, {@code ksize}), which the op requires. */
    public static long[] required(NodeAttrs attrs, String name) {
        return checked(name, attrs.ints(name));
    }

    /** The {@code dilations} attr; none (all 1) when absent. */
    public static long[] dilations(NodeAttrs attrs) {
        return checked("dilations", attrs.ints("dilations", NO_DILATION));
    }

    /** The window values named {@code what} (an attr, or an input of MaxPoolV2), which must be 4, each >= 1. */
    public static long[] checked(String what, long[] values) {
        if (values.length != 4 || LongStream.of(values).anyMatch(v -> v < 1)) {
            throw new CannotInfer(what + " " + Arrays.toString(values) + "; TensorFlow requires 4 values (one per dim "
                    + "of the input), each >= 1");
        }
        return values;
    }

    /** A node's padding attr (SAME, VALID or EXPLICIT), with the EXPLICIT pads (before, after) of each dim. */
    public record Padding(String mode, long[] explicit) {
        public static Padding of(NodeAttrs attrs) {
            String mode = attrs.string("padding", "");
            long[] explicit = attrs.ints("explicit_paddings", new long[0]);
            if (!List.of("SAME", "VALID", "EXPLICIT").contains(mode)) {
                throw new CannotInfer("padding '" + mode + "'; TensorFlow requires SAME, VALID or EXPLICIT");
            }
            if (mode.equals("EXPLICIT") && (explicit.length != 8 || LongStream.of(explicit).anyMatch(p -> p < 0))) {
                throw new CannotInfer("explicit_paddings " + Arrays.toString(explicit) + "; TensorFlow requires 8 "
                        + "values >= 0 (before and after each of the 4 dims)");
            }
            return new Padding(mode, explicit);
        }

        public boolean isSame() {
            return mode.equals("SAME");
        }

        /** The pads before dim {@code dim}: 0 unless EXPLICIT. */
        public long before(int dim) {
            return mode.equals("EXPLICIT") ? explicit[2 * dim] : 0;
        }

        /** The pads after dim {@code dim}: 0 unless EXPLICIT. */
        public long after(int dim) {
            return mode.equals("EXPLICIT") ? explicit[2 * dim + 1] : 0;
        }

        /** The output length of dim {@code dim} under the sliding window. */
        public long outputSize(int dim, long input, long window, long dilation, long stride) {
            return Shapes.windowOutput(input, window, dilation, stride, before(dim) + after(dim), isSame());
        }
    }
}
