package dev.tfir.common.infer;

import dev.tfir.common.types.PartialShape;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.proto.DataType;

/**
 * FusedBatchNorm, V2 and V3: y has the shape of x with its channel dim merged with the lengths of scale, offset (and
 * mean and variance in inference); the batch statistics and reserve spaces are vectors of that length, except
 * V3's sixth output, whose shape TensorFlow leaves unknown.
 */
final class BatchNormRules {
    private BatchNormRules() {}

    /** The rule of this op type, or null when the op type is not of this family. */
    static ShapeRule forOp(String op) {
        return switch (op) {
            case "FusedBatchNorm", "FusedBatchNormV2" -> c -> fusedBatchNorm(c, 5);
            case "FusedBatchNormV3" -> c -> fusedBatchNorm(c, 6);
            default -> null;
        };
    }

    private static List<TensorType> fusedBatchNorm(NodeContext c, int outputCount) {
        String format = c.attrs().string("data_format", "NHWC");
        int rank = format.equals("NDHWC") || format.equals("NCDHW") ? 5 : 4;
        int channelIndex = switch (format) {
            case "NHWC", "NDHWC" -> rank - 1;
            case "NCHW", "NCDHW" -> 1;
            default -> throw new CannotInfer("data_format '" + format + "'; TensorFlow requires NHWC, NCHW, NDHWC or "
                    + "NCDHW");
        };
        PartialShape x = Shapes.withRank(c.shape(0), rank);
        boolean training = c.attrs().bool("is_training", true);
        int merged = training && c.attrs().real("exponential_avg_factor", 1f) == 1f ? 3 : 5;
        long channels = x.dim(channelIndex);
        for (int i = 1; i < merged; i++) {
            channels = Shapes.mergeDim(channels, Shapes.withRank(c.shape(i), 1).dim(0));
        }
        DataType dtype = c.typeAttrOr("T", 0);
        DataType statsType = c.attrs().type("U") != DataType.DT_INVALID ? c.attrs().type("U") : dtype;
        List<TensorType> outputs = new ArrayList<>(outputCount);
        outputs.add(new TensorType(dtype, Shapes.replaceDim(x, channelIndex, channels)));
        for (int i = 1; i < 5; i++) {
            outputs.add(new TensorType(statsType, Shapes.vector(channels)));
        }
        if (outputCount == 6) {
            outputs.add(TensorType.unknownShape(statsType));
        }
        return outputs;
    }
}
