package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;

import dev.tfir.common.infer.WindowAttrs.Padding;
import dev.tfir.common.types.PartialShape;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.proto.DataType;

/**
 * 2-D convolutions and pooling (Conv2D, DepthwiseConv2dNative, Conv2DBackpropInput, MaxPool, MaxPoolV2, AvgPool)
 * in NHWC or NCHW, with strides, dilations and SAME, VALID or EXPLICIT padding.
 */
final class ConvRules {
    private ConvRules() {}

    /** The rule of this op type, or null when the op type is not of this family. */
    static ShapeRule forOp(String op) {
        return switch (op) {
            case "Conv2D" -> c -> convolution(c, false);
            case "DepthwiseConv2dNative" -> c -> convolution(c, true);
            case "Conv2DBackpropInput" -> ConvRules::convolutionInputGradient;
            case "MaxPool", "AvgPool" ->
                    c -> pool(c, WindowAttrs.required(c.attrs(), "ksize"), WindowAttrs.required(c.attrs(), "strides"));
            case "MaxPoolV2" -> ConvRules::poolWithTensorWindow;
            case "MaxPoolWithArgmax" -> ConvRules::poolWithArgmax;
            default -> null;
        };
    }

    /** Where the height, width and channel dims are in a 4-D tensor of the node's data_format. */
    private record Layout(int height, int width, int channel) {
        static Layout of(NodeContext c) {
            return switch (c.attrs().string("data_format", "NHWC")) {
                case "NHWC" -> new Layout(1, 2, 3);
                case "NCHW" -> new Layout(2, 3, 1);
                default -> throw new CannotInfer("data_format '" + c.attrs().string("data_format", "")
                        + "'; TensorFlow requires NHWC or NCHW");
            };
        }

        PartialShape shape(long batch, long rows, long cols, long depth) {
            long[] dims = new long[4];
            dims[0] = batch;
            dims[height] = rows;
            dims[width] = cols;
            dims[channel] = depth;
            return PartialShape.of(dims);
        }
    }

    private static List<TensorType> convolution(NodeContext c, boolean depthwise) {
        Layout layout = Layout.of(c);
        long[] strides = WindowAttrs.required(c.attrs(), "strides");
        long[] dilations = WindowAttrs.dilations(c.attrs());
        int channel = layout.channel();
        if (strides[0] != 1 || strides[channel] != 1 || dilations[0] != 1 || dilations[channel] != 1) {
            throw new CannotInfer("strides " + Arrays.toString(strides) + " and dilations " + Arrays.toString(dilations)
                    + " step over the batch or channel dim; TensorFlow requires 1 there");
        }
        Padding padding = Padding.of(c.attrs());
        PartialShape input = Shapes.withRank(c.shape(0), 4);
        PartialShape filter = Shapes.withRank(c.shape(1), 4);
        long inputDepth = input.dim(layout.channel());
        long outputDepth;
        if (depthwise) {
            outputDepth = Shapes.multiply(Shapes.mergeDim(inputDepth, filter.dim(2)), filter.dim(3));
        } else {
            outputDepth = filter.dim(3);
            Shapes.convolutionGroups(inputDepth, filter.dim(2), outputDepth);
        }
        int h = layout.height();
        int w = layout.width();
        long rows = padding.outputSize(h, input.dim(h), filter.dim(0), dilations[h], strides[h]);
        long cols = padding.outputSize(w, input.dim(w), filter.dim(1), dilations[w], strides[w]);
        return one(c.typeAttrOr("T", 0), layout.shape(input.dim(0), rows, cols, outputDepth));
    }

    /**
     * Conv2DBackpropInput (a transposed convolution): the shape named by input_sizes (4 values, or 2 spatial ones
     * with the depth from the filter), with the batch of out_backprop.
     */
    private static List<TensorType> convolutionInputGradient(NodeContext c) {
        Layout layout = Layout.of(c);
        PartialShape filter = Shapes.withRank(c.shape(1), 4);
        PartialShape gradient = Shapes.withRank(c.shape(2), 4);
        Shapes.mergeDim(gradient.dim(layout.channel()), filter.dim(3));
        PartialShape sizes = c.shapeTensor(0);
        if (!sizes.hasRank()) {
            sizes = Shapes.unknownOfRank(4);
        }
        PartialShape shape = switch (sizes.rank()) {
            case 4 -> {
                Shapes.mergeDim(sizes.dim(0), gradient.dim(0));
                yield layout.shape(gradient.dim(0), sizes.dim(layout.height()), sizes.dim(layout.width()),
                        sizes.dim(layout.channel()));
            }
            case 2 -> layout.shape(gradient.dim(0), sizes.dim(0), sizes.dim(1), filter.dim(2));
            default -> throw new CannotInfer("input_sizes holds " + sizes.rank() + " values; TensorFlow requires 4 or 2");
        };
        return one(c.typeAttrOr("T", 1), shape);
    }

    private static List<TensorType> pool(NodeContext c, long[] window, long[] strides) {
        Layout layout = Layout.of(c);
        Padding padding = Padding.of(c.attrs());
        PartialShape input = Shapes.withRank(c.shape(0), 4);
        int h = layout.height();
        int w = layout.width();
        int ch = layout.channel();
        return one(c.typeAttrOr("T", 0), layout.shape(input.dim(0),
                padding.outputSize(h, input.dim(h), window[h], 1, strides[h]),
                padding.outputSize(w, input.dim(w), window[w], 1, strides[w]),
                padding.outputSize(ch, input.dim(ch), window[ch], 1, strides[ch])));
    }

    /** MaxPoolWithArgmax (NHWC): MaxPool's output and the indices of its shape ({@code Targmax}, int64 default). */
    private static List<TensorType> poolWithArgmax(NodeContext c) {
        long[] window = WindowAttrs.required(c.attrs(), "ksize");
        TensorType pooled = pool(c, window, WindowAttrs.required(c.attrs(), "strides")).get(0);
        DataType indexType = c.attrs().has("Targmax") ? c.attrs().type("Targmax") : DataType.DT_INT64;
        return List.of(pooled, new TensorType(indexType, pooled.shape()));
    }

    /** MaxPoolV2: ksize and strides are inputs; unknown values leave the output unknown. */
    private static List<TensorType> poolWithTensorWindow(NodeContext c) {
        long[] window = c.ints(1);
        long[] strides = c.ints(2);
        if (window == null || strides == null) {
            return one(c.typeAttrOr("T", 0), PartialShape.unknownRank());
        }
        return pool(c, WindowAttrs.checked("ksize", window), WindowAttrs.checked("strides", strides));
    }
}
