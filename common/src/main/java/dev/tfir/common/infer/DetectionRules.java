package dev.tfir.common.infer;

import dev.tfir.common.types.PartialShape;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.proto.DataType;

/**
 * Detection post-processing as TensorFlow's shape functions see it: NonMaxSuppression and V2 to V5 (boxes (n, 4), scores
 * (n); a vector of int32 box indices of unknown length, of max_output_size with pad_to_max_output_size) and
 * CombinedNonMaxSuppression (boxes (batch, n, q, 4), scores (batch, n, classes); detections per batch), and
 * CTCGreedyDecoder (inputs (max_time, batch, classes); a sparse decoding of unknown size and the log probabilities).
 */
final class DetectionRules {
    private DetectionRules() {}

    /** The rule of this op type, or null when the op type is not of this family. */
    static ShapeRule forOp(String op) {
        return switch (op) {
            case "NonMaxSuppression", "NonMaxSuppressionV2", "NonMaxSuppressionV3", "NonMaxSuppressionV4",
                    "NonMaxSuppressionV5" ->
                    DetectionRules::nonMaxSuppression;
            case "CombinedNonMaxSuppression" -> DetectionRules::combined;
            case "CTCGreedyDecoder" -> DetectionRules::ctcGreedyDecoder;
            default -> null;
        };
    }

    private static List<TensorType> ctcGreedyDecoder(NodeContext c) {
        PartialShape inputs = Shapes.withRank(c.shape(0), 3);
        long batch = Shapes.mergeDim(inputs.dim(1), Shapes.withRank(c.shape(1), 1).dim(0));
        long some = PartialShape.UNKNOWN_DIM;
        return List.of(new TensorType(DataType.DT_INT64, PartialShape.of(some, 2)),
                new TensorType(DataType.DT_INT64, Shapes.vector(some)), new TensorType(DataType.DT_INT64,
                        Shapes.vector(2)), new TensorType(c.typeAttrOr("T", 0), PartialShape.of(batch, 1)));
    }

    private static List<TensorType> nonMaxSuppression(NodeContext c) {
        PartialShape boxes = Shapes.withRank(c.shape(0), 2);
        Shapes.mergeDim(boxes.dim(1), 4);
        Shapes.mergeDim(boxes.dim(0), Shapes.withRank(c.shape(1), 1).dim(0));
        for (int i = 2; i < c.inputCount(); i++) {
            Shapes.withRank(c.shape(i), 0);
        }
        boolean padded = c.attrs().bool("pad_to_max_output_size", false);
        Long maxOutputSize = c.intScalar(2);
        PartialShape selected = Shapes.vector(padded && maxOutputSize != null ? maxOutputSize
                : PartialShape.UNKNOWN_DIM);
        List<TensorType> outputs = new ArrayList<>();
        outputs.add(new TensorType(DataType.DT_INT32, selected));
        if (c.op().equals("NonMaxSuppressionV5")) {
            outputs.add(new TensorType(c.typeAttrOr("T", 0), selected));
        }
        if (c.op().equals("NonMaxSuppressionV4") || c.op().equals("NonMaxSuppressionV5")) {
            outputs.add(new TensorType(DataType.DT_INT32, Shapes.scalar()));
        }
        return outputs;
    }

    /**
     * (batch, size, 4) boxes, (batch, size) scores and classes, (batch) valid detections: size is max_total_size,
     * with pad_per_class at most max_output_size_per_class * classes.
     */
    private static List<TensorType> combined(NodeContext c) {
        PartialShape boxes = Shapes.withRank(c.shape(0), 4);
        PartialShape scores = Shapes.withRank(c.shape(1), 3);
        long batch = Shapes.mergeDim(boxes.dim(0), scores.dim(0));
        Shapes.mergeDim(boxes.dim(1), scores.dim(1));
        Shapes.mergeDim(boxes.dim(3), 4);
        long q = boxes.dim(2);
        long classes = scores.dim(2);
        if (Shapes.known(q) && Shapes.known(classes) && q != 1 && q != classes) {
            throw new CannotInfer("boxes for " + q + " classes and scores for " + classes + "; TensorFlow requires "
                    + "boxes shared by the classes (1) or one per class");
        }
        Long total = c.intScalar(3);
        Long perClass = c.intScalar(2);
        long size = total == null ? PartialShape.UNKNOWN_DIM : total;
        if (c.attrs().bool("pad_per_class", false)) {
            size = total != null && perClass != null && Shapes.known(classes) ? Math.min(total, perClass * classes)
                    : PartialShape.UNKNOWN_DIM;
        }
        PartialShape detections = PartialShape.of(batch, size);
        return List.of(new TensorType(DataType.DT_FLOAT, PartialShape.of(batch, size, 4)),
                new TensorType(DataType.DT_FLOAT, detections), new TensorType(DataType.DT_FLOAT, detections),
                new TensorType(DataType.DT_INT32, Shapes.vector(batch)));
    }
}
