package dev.tfir.convert.ops;

import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;

/** BatchNormInference-5 and the batch statistics' form by MVN-6 (channels on axis 1), SoftMax-8, LRN-1. */
public final class Normalization {
    private Normalization() {}

    /** (x - mean) / sqrt(variance + epsilon) * gamma + beta, per channel (axis 1). */
    public static Output batchNorm(Output x, Output gamma, Output beta, Output mean, Output variance,
                                   double epsilon) {
        return Node.builder("BatchNormInference", "opset5").attribute("epsilon", epsilon)
                .inputs(x, gamma, beta, mean, variance).output(x.type(), x.shape()).buildOutput();
    }

    /**
     * (x - mean) / sqrt(variance + epsilon) * gamma + beta with the mean and the (biased) variance of each channel
     * (axis 1) over the batch and the other axes, as TensorFlow's FusedBatchNorm computes y in training mode (which
     * tf_keras's LayerNormalization uses to normalize each row).
     */
    public static Output batchNormOfBatch(Output x, Output gamma, Output beta, double epsilon) {
        long[] axes = new long[x.rank() - 1];
        long[] spatial = new long[x.rank() - 2];
        for (int i = 0; i < spatial.length; i++) {
            axes[i + 1] = i + 2;
            spatial[i] = i + 1;
        }
        Output normalized = Node.builder("MVN", "opset6").attribute("normalize_variance", true)
                .attribute("eps", epsilon).attribute("eps_mode", "inside_sqrt").inputs(x, Constants.i64(axes))
                .output(x.type(), x.shape()).buildOutput();
        return Elementwise.add(Elementwise.multiply(normalized, Movement.unsqueeze(gamma, spatial)),
                Movement.unsqueeze(beta, spatial));
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
