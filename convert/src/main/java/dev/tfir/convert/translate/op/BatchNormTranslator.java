package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Normalization;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.Arrays;
import java.util.List;

/**
 * FusedBatchNorm, V2 and V3 at inference ({@code is_training=false}): BatchNormInference with the channels on
 * axis 1, so NHWC data is taken channels first. Only output 0 (y) exists; the batch statistics do not.
 */
public final class BatchNormTranslator {
    private static final int OUTPUTS = 6;

    private BatchNormTranslator() {}

    public static List<TfTensor> fusedBatchNorm(NodeContext node) {
        node.require(!node.attrs().bool("is_training", true), "has is_training=true (batch statistics); only graphs "
                + "exported for inference (is_training=false) are supported");
        boolean channelsLast = DataFormat.isChannelsLast(node);
        Output x = DataFormat.data(node, channelsLast);
        Output y = Normalization.batchNorm(x, node.input(1), node.input(2), node.input(3), node.input(4),
                node.real("epsilon", 1e-4));
        TfTensor[] outputs = new TfTensor[OUTPUTS];
        outputs[0] = DataFormat.result(y, channelsLast);
        return Arrays.asList(outputs);
    }
}
