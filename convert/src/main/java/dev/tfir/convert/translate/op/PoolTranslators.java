package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Padding;
import dev.tfir.convert.ops.Pooling;
import dev.tfir.convert.ops.Window;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;

/** MaxPool and AvgPool (2-D), channels first as OpenVINO pools; AvgPool does not count padding, as in TF. */
public final class PoolTranslators {
    private PoolTranslators() {}

    public static List<TfTensor> maxPool(NodeContext node) {
        return pool(node, false);
    }

    public static List<TfTensor> avgPool(NodeContext node) {
        return pool(node, true);
    }

    private static List<TfTensor> pool(NodeContext node, boolean average) {
        boolean channelsLast = DataFormat.isChannelsLast(node);
        Output data = DataFormat.data(node, channelsLast);
        Window window = WindowAttributes.window(node, WindowAttributes.poolKernel(node, channelsLast), channelsLast);
        node.require(window.padding() != Padding.EXPLICIT, "has EXPLICIT padding, which pooling does not take");
        Output y = average ? Pooling.avgPool(data, window, true) : Pooling.maxPool(data, window);
        return List.of(DataFormat.result(y, channelsLast));
    }
}
