package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;

import org.tensorflow.proto.DataType;

/** TF1 summary ops: each outputs one serialized {@code Summary} protocol buffer, a string scalar. */
final class SummaryRules {
    private SummaryRules() {}

    /** The rule of this op type, or null when the op type is not of this family. */
    static ShapeRule forOp(String op) {
        return switch (op) {
            case "ScalarSummary", "HistogramSummary", "ImageSummary", "AudioSummary", "AudioSummaryV2",
                    "TensorSummary", "TensorSummaryV2", "MergeSummary" ->
                    c -> one(DataType.DT_STRING, Shapes.scalar());
            default -> null;
        };
    }
}
