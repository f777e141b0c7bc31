package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Convolutions;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.ops.Window;
import dev.tfir.convert.translate.Layouts;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.OpTable;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;

/**
 * Conv2D and DepthwiseConv2dNative: OpenVINO convolutions are channels first, so NHWC data is taken channels first
 * (and the result stays so); HWIO filters are transposed to OIHW, depthwise filters to per-group filters.
 */
public final class ConvTranslators {
    private static final int[] DEPTHWISE_TO_GROUPS = {2, 3, 0, 1};

    private ConvTranslators() {}

    public static void register(OpTable table) {
        table.add(2, ConvTranslators::conv2d, "Conv2D");
        table.add(2, ConvTranslators::depthwise, "DepthwiseConv2dNative");
    }

    private static List<TfTensor> conv2d(NodeContext node) {
        boolean channelsLast = DataFormat.isChannelsLast(node);
        Output data = DataFormat.data(node, channelsLast);
        Output filters = node.input(1);
        node.require(filters.rank() == 4, "needs 4-D filters, not " + filters.shape());
        node.require(filters.shape().dim(2) == data.shape().dim(1) || data.shape().dim(1) < 0,
                "has " + filters.shape().dim(2) + " filter input channels for " + data.shape().dim(1)
                        + " channels; grouped Conv2D is not supported");
        Window window = WindowAttributes.window(node, kernel(filters), channelsLast);
        Output y = Convolutions.convolution(data, Movement.transpose(filters, Layouts.FILTERS_TO_OIHW), window);
        return List.of(DataFormat.result(y, channelsLast));
    }

    /** Depthwise filters (H, W, C, M) are C groups of M filters over one channel: (C, M, 1, H, W). */
    private static List<TfTensor> depthwise(NodeContext node) {
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
