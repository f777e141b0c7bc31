package dev.tfir.convert.ops;

import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;

/** BatchNormInference-5 (channels on axis 1) and SoftMax-8. */
public final class Normalization {
    private Normalization() {}

    /** (x - mean) / sqrt(variance + epsilon) * gamma + beta, per channel (axis 1). */
    public static Output batchNorm(Output x, Output gamma, Output beta, Output mean, Output variance,
                                   double epsilon) {
        return Node.builder("BatchNormInference", "opset5").attribute("epsilon", epsilon)
                .inputs(x, gamma, beta, mean, variance).output(x.type(), x.shape()).buildOutput();
    }

    public static Output softmax(Output x, long axis) {
        return Node.builder("SoftMax", "opset8").attribute("axis", axis).inputs(x).output(x.type(), x.shape())
                .buildOutput();
    }

    public static Output logSoftmax(Output x, long axis) {
        return Node.builder("LogSoftmax", "opset5").attribute("axis", axis).inputs(x).output(x.type(), x.shape())
                .buildOutput();
    }
}
