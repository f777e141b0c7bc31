package dev.tfir.convert.translate.op;

import dev.tfir.common.infer.WindowAttrs;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Padding;
import dev.tfir.convert.ops.Pooling;
import dev.tfir.convert.ops.Window;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;

/** MaxPool, MaxPoolV2 and AvgPool (2-D), channels first as OpenVINO pools; AvgPool does not count padding, as in TF. */
public final class PoolTranslators {
    private PoolTranslators() {}

    public static List<TfTensor> maxPool(NodeContext node) {
        return pool(node, WindowAttrs.required(node.attrs(), "ksize"), WindowAttrs.required(node.attrs(), "strides"),
                false);
    }

    public static List<TfTensor> avgPool(NodeContext node) {
        return pool(node, WindowAttrs.required(node.attrs(), "ksize"), WindowAttrs.required(node.attrs(), "strides"),
                true);
    }

    /** MaxPoolV2: ksize and strides are constant inputs (1 and 2), 4 values each as the attributes of MaxPool. */
    public static List<TfTensor> maxPoolV2(NodeContext node) {
        return pool(node, WindowAttrs.checked("ksize", node.constantInput(1, "ksize")),
                WindowAttrs.checked("strides", node.constantInput(2, "strides")), false);
    }

    private static List<TfTensor> pool(NodeContext node, long[] ksize, long[] strides, boolean average) {
        boolean channelsLast = DataFormat.isChannelsLast(node);
        Output data = DataFormat.data(node, channelsLast);
        Window window = WindowAttributes.window(node, WindowAttributes.spatial(ksize, channelsLast), strides,
                channelsLast);
        node.require(window.padding() != Padding.EXPLICIT, "has EXPLICIT padding, which pooling does not take");
        Output y = average ? Pooling.avgPool(data, window, true) : Pooling.maxPool(data, window);
        return List.of(DataFormat.result(y, channelsLast));
    }
}
