package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Normalization;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.Arrays;
import java.util.List;

/**
 * FusedBatchNorm, V2 and V3: at inference ({@code is_training=false}) BatchNormInference with the given mean and
 * variance, in training mode with the batch's own (tf_keras's LayerNormalization is one); the channels on axis 1, so
 * NHWC data is taken channels first. Only output 0 (y) exists; the batch statistics outputs do not.
 */
public final class BatchNormTranslator {
    private static final int OUTPUTS = 6;

    private BatchNormTranslator() {}

    public static List<TfTensor> fusedBatchNorm(NodeContext node) {
        boolean channelsLast = DataFormat.isChannelsLast(node);
        Output x = DataFormat.data(node, channelsLast);
        double epsilon = node.real("epsilon", 1e-4);
        Output y = node.attrs().bool("is_training", true)
                ? Normalization.batchNormOfBatch(x, node.input(1), node.input(2), epsilon)
                : Normalization.batchNorm(x, node.input(1), node.input(2), node.input(3), node.input(4), epsilon);
        TfTensor[] outputs = new TfTensor[OUTPUTS];
        outputs[0] = DataFormat.result(y, channelsLast);
        return Arrays.asList(outputs);
    }
}
