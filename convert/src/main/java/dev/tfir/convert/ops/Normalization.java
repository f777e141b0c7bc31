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

    /**
     * LRN-1 across the channels (axis 1) of channels-first data: x / (bias + alpha / size * sum of squares over
     * {@code size} channels)^beta.
     */
    public static Output lrn(Output x, double alpha, double beta, double bias, long size) {
        return Node.builder("LRN", "opset1").attribute("alpha", alpha).attribute("beta", beta).attribute("bias", bias)
                .attribute("size", size).inputs(x, Constants.i64(1)).output(x.type(), x.shape()).buildOutput();
    }
}
