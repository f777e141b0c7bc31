package dev.tfir.convert.translate.op;

import dev.tfir.common.infer.Window3dAttrs;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Convolutions;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.ops.Padding;
import dev.tfir.convert.ops.Pooling;
import dev.tfir.convert.ops.Window;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;

/**
 * Conv3D, Conv3DBackpropInputV2, MaxPool3D and AvgPool3D: OpenVINO's window ops are channels first, so NDHWC data
 * is transposed to NCDHW and the result back; filters (depth, height, width, in, out) become (out, in, depth,
 * height, width), which is also ConvolutionBackpropData's (data channels, output channels, ...) for the gradient.
 * Attributes are read and checked by common's {@link Window3dAttrs}, as summarize's shape rules read them.
 */
public final class Conv3dTranslators {
    private static final int[] TO_CHANNELS_FIRST = {0, 4, 1, 2, 3};
    private static final int[] TO_CHANNELS_LAST = {0, 2, 3, 4, 1};
    private static final int[] FILTERS_TO_OIDHW = {4, 3, 0, 1, 2};

    private Conv3dTranslators() {}

    public static List<TfTensor> conv3d(NodeContext node) {
        Window3dAttrs attrs = Window3dAttrs.of(node.attrs());
        Output data = channelsFirst(node, 0, attrs);
        Output filters = node.input(1);
        node.require(filters.rank() == 5, "needs 5-D filters, not " + filters.shape());
        long channels = data.shape().dim(1);
        long filterChannels = filters.shape().dim(3);
        node.require(channels < 0 || filterChannels < 0 || channels == filterChannels, "has " + channels
                + " input channels and filters for " + filterChannels + "; grouped 3-D convolutions are not supported");
        long[] kernel = {filters.shape().dim(0), filters.shape().dim(1), filters.shape().dim(2)};
        Output y = Convolutions.convolution(data, Movement.transpose(filters, FILTERS_TO_OIDHW),
                window(attrs, kernel));
        return result(y, attrs);
    }

    /** The gradient of a Conv3D of the constant input_sizes (input 0, 5 values) at out_backprop (input 2). */
    public static List<TfTensor> conv3dBackpropInput(NodeContext node) {
        Window3dAttrs attrs = Window3dAttrs.of(node.attrs());
        long[] sizes = node.constantInput(0, "input_sizes");
        Output filters = node.input(1);
        node.require(sizes.length == 5 && filters.rank() == 5, "needs input_sizes of 5 values and 5-D filters");
        long[] spatial = new long[3];
        for (int i = 0; i < 3; i++) {
            spatial[i] = sizes[attrs.spatialDim(i)];
        }
        Output y = Convolutions.backpropData(channelsFirst(node, 2, attrs),
                Movement.transpose(filters, FILTERS_TO_OIDHW), attrs.strides(), attrs.dilations(), attrs.same(),
                spatial);
        return result(y, attrs);
    }

    public static List<TfTensor> maxPool3d(NodeContext node) {
        Window3dAttrs attrs = Window3dAttrs.of(node.attrs());
        return result(Pooling.maxPool(channelsFirst(node, 0, attrs), window(attrs, attrs.ksize())), attrs);
    }

    /** Average pooling that does not count the padding, as TensorFlow. */
    public static List<TfTensor> avgPool3d(NodeContext node) {
        Window3dAttrs attrs = Window3dAttrs.of(node.attrs());
        return result(Pooling.avgPool(channelsFirst(node, 0, attrs), window(attrs, attrs.ksize()), true), attrs);
    }

    private static Window window(Window3dAttrs attrs, long[] kernel) {
        return new Window(kernel, attrs.strides(), attrs.dilations(), attrs.same() ? Padding.SAME : Padding.VALID,
                new long[3], new long[3]);
    }

    /** Input i, 5-D, channels first. */
    private static Output channelsFirst(NodeContext node, int i, Window3dAttrs attrs) {
        Output x = node.input(i);
        node.require(x.rank() == 5, "needs a 5-D input " + i + ", not " + x.shape());
        return attrs.channelsLast() ? Movement.transpose(x, TO_CHANNELS_FIRST) : x;
    }

    private static List<TfTensor> result(Output y, Window3dAttrs attrs) {
        return List.of(TfTensor.of(attrs.channelsLast() ? Movement.transpose(y, TO_CHANNELS_LAST) : y));
    }
}
