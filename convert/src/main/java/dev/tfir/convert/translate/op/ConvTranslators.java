package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Convolutions;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.ops.Window;
import dev.tfir.convert.translate.Layouts;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;

/**
 * Conv2D (also grouped) and DepthwiseConv2dNative: OpenVINO convolutions are channels first, so NHWC data is taken
 * channels first (and the result stays so); HWIO filters are transposed to OIHW, grouped and depthwise filters to
 * per-group filters.
 */
public final class ConvTranslators {
    private static final int[] DEPTHWISE_TO_GROUPS = {2, 3, 0, 1};

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
        long groups = channels / hwio[2]; // common's ConvRules validated the depths as TensorFlow does
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

    private static long[] kernel(Output filters) {
        return new long[] {filters.shape().dim(0), filters.shape().dim(1)};
    }
}
