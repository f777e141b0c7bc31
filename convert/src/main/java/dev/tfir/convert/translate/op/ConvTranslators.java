package dev.tfir.convert.translate.op;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Convolutions;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.ops.Window;
import dev.tfir.convert.translate.Layouts;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.Arrays;
import java.util.List;

/**
 * Conv2D (also grouped) and DepthwiseConv2dNative: OpenVINO convolutions are channels first, so NHWC data is taken
 * channels first (and the result stays so); HWIO filters are transposed to OIHW, grouped and depthwise filters to
 * per-group filters. Conv2DBackpropInput as ConvolutionBackpropData.
 */
public final class ConvTranslators {
    private static final int[] DEPTHWISE_TO_GROUPS = {2, 3, 0, 1};
    /** HWIO filters of a Conv2D to (O, I, H, W): the data channels of its gradient first. */
    private static final int[] BACKPROP_FILTERS = {3, 2, 0, 1};

    private ConvTranslators() {}

    /**
     * HWIO filters with I the data's channels, or a grouped convolution: I dividing the channels C into C / I
     * groups, each with its share of the O filters (consecutive), as GroupConvolution (G, O / G, I, H, W).
     */
    public static List<TfTensor> conv2d(NodeContext node) {
        boolean channelsLast = DataFormat.isChannelsLast(node);
        Output data = DataFormat.data(node, channelsLast);
        Output filters = node.input(1);
        node.require(filters.rank() == 4, "needs 4-D filters, not " + filters.shape());
        Window window = WindowAttributes.window(node, kernel(filters), channelsLast);
        Output oihw = Movement.transpose(filters, Layouts.FILTERS_TO_OIHW);
        long channels = data.shape().dim(1);
        long[] hwio = filters.shape().dims();
        if (channels < 0 || channels == hwio[2]) {
            return List.of(DataFormat.result(Convolutions.convolution(data, oihw, window), channelsLast));
        }
        // the depths checked as summarize's shape rules check them (also where inference did not know them)
        long groups = Shapes.convolutionGroups(channels, hwio[2], hwio[3]);
        node.require(Shapes.known(groups) && Shapes.known(hwio[3]), "has filters of unknown depths " + filters.shape()
                + "; a grouped convolution needs them");
        Output grouped = Movement.reshape(oihw, groups, hwio[3] / groups, hwio[2], hwio[0], hwio[1]);
        return List.of(DataFormat.result(Convolutions.groupConvolution(data, grouped, window), channelsLast));
    }

    /** Depthwise filters (H, W, C, M) are C groups of M filters over one channel: (C, M, 1, H, W). */
    public static List<TfTensor> depthwise(NodeContext node) {
        boolean channelsLast = DataFormat.isChannelsLast(node);
        Output data = DataFormat.data(node, channelsLast);
        Output filters = node.input(1);
        node.require(filters.rank() == 4, "needs 4-D filters, not " + filters.shape());
        long[] hwcm = filters.shape().dims();
        Output groups = Movement.reshape(Movement.transpose(filters, DEPTHWISE_TO_GROUPS),
                hwcm[2], hwcm[3], 1, hwcm[0], hwcm[1]);
        Window window = WindowAttributes.window(node, kernel(filters), channelsLast);
        return List.of(DataFormat.result(Convolutions.groupConvolution(data, groups, window), channelsLast));
    }

    /**
     * Conv2DBackpropInput (Keras Conv2DTranspose): the gradient of a Conv2D of input_sizes (input 0) with HWIO
     * filters (input 1) at out_backprop (input 2); the filters become (O, I, H, W) for ConvolutionBackpropData.
     * Padding SAME or VALID (EXPLICIT is refused). Spatial sizes known at conversion (a constant, or a Pack of the
     * run-time batch and constants, as Keras builds it) give explicit pads; others are passed to OpenVINO as its
     * output_shape input.
     */
    public static List<TfTensor> conv2dBackpropInput(NodeContext node) {
        boolean channelsLast = DataFormat.isChannelsLast(node);
        Output filters = node.input(1);
        Output inputSizes = node.input(0);
        node.require(filters.rank() == 4 && inputSizes.shape().equals(PartialShape.of(4))
                && node.inputShape(2).rank() == 4,
                "needs 4-D filters, input_sizes of 4 values and a 4-D out_backprop");
        String padding = node.attrs().string("padding", "");
        node.require(padding.equals("SAME") || padding.equals("VALID"), "has padding " + padding
                + "; SAME and VALID are supported");
        int first = channelsLast ? 1 : 2;
        long[] strides = spatialPair(node, "strides", first);
        long[] dilations = spatialPair(node, "dilations", first);
        Output data = channelsLast ? node.channelsFirstInput(2) : node.input(2);
        Output oihw = Movement.transpose(filters, BACKPROP_FILTERS);
        boolean same = padding.equals("SAME");
        long[] sizes = Constants.knownElements(inputSizes);
        Output y = sizes[first] >= 0 && sizes[first + 1] >= 0
                ? Convolutions.backpropData(data, oihw, strides, dilations, same,
                        new long[] {sizes[first], sizes[first + 1]})
                : Convolutions.backpropDataTo(data, oihw, strides, dilations, same,
                        Movement.gather(inputSizes, Constants.i64(first, first + 1), 0));
        return List.of(DataFormat.result(y, channelsLast));
    }

    private static long[] spatialPair(NodeContext node, String attribute, int first) {
        long[] values = node.attrs().ints(attribute, new long[] {1, 1, 1, 1});
        node.require(values.length == 4 && values[0] == 1 && values[first == 1 ? 3 : 1] == 1,
                "has " + attribute + " " + Arrays.toString(values) + "; 4 values, 1 for the batch and channels");
        return new long[] {values[first], values[first + 1]};
    }

    private static long[] kernel(Output filters) {
        return new long[] {filters.shape().dim(0), filters.shape().dim(1)};
    }
}
