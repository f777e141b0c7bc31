package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;

import org.tensorflow.proto.DataType;

/** TF1 summary ops: each outputs one serialized {@code Summary} protocol buffer, a string scalar. */
final class SummaryRules {
    private SummaryRules() {}

    static void addTo(RuleTable table) {
        table.add(c -> one(DataType.DT_STRING, Shapes.scalar()), "ScalarSummary", "HistogramSummary",
                "ImageSummary", "AudioSummary", "AudioSummaryV2", "TensorSummary", "TensorSummaryV2",
                "MergeSummary");
    }
}
