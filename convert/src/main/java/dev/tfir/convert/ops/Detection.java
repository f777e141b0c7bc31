package dev.tfir.convert.ops;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;

/**
 * Detection post-processing: NonMaxSuppression-9 (corner boxes) and the ops around it, ScatterNDUpdate-3 and a Pad
 * to a length known at run time only.
 */
public final class Detection {
    private Detection() {}

    /**
     * NonMaxSuppression-9 of boxes (batches, boxes, 4) and scores (batches, classes, boxes), unsorted across classes:
     * selected indices (n, 3) of (batch, class, box), their scores (n, 3) the same way, and n as (1). Thresholds
     * and the other constant inputs keep their precision under FP16 compression (a threshold rounded to FP16 would
     * select other boxes).
     */
    public static Node nonMaxSuppression(Output boxes, Output scores, Output maxPerClass, Output iouThreshold,
            Output scoreThreshold, Output softSigma) {
        PartialShape selected = PartialShape.of(PartialShape.UNKNOWN_DIM, 3);
        Node nms = Node.builder("NonMaxSuppression", "opset9").attribute("box_encoding", "corner")
                .attribute("sort_result_descending", false).attribute("output_type", "i32")
                .inputs(boxes, scores, maxPerClass, iouThreshold, scoreThreshold, softSigma)
                .output(ElementType.I32, selected).output(scores.type(), selected)
                .output(ElementType.I32, PartialShape.of(1)).build();
        nms.keepPrecision();
        return nms;
    }

    /** Column {@code column} of a (n, 3) selection of NonMaxSuppression: a vector of n. */
    public static Output column(Output selection, long column) {
        return Movement.gather(selection, Constants.i64Scalar(column), 1);
    }

    /** A vector padded at its end with zeros to {@code length} (a scalar, constant or not). */
    public static Output padTo(Output vector, Output length) {
        Output missing = Elementwise.binary("Subtract", Movement.reshape(Convert64.of(length), 1),
                Movement.shapeOf(vector, ElementType.I64));
        long[] known = Constants.valuesOf(length);
        return Node.builder("Pad", "opset12").attribute("pad_mode", "constant")
                .inputs(vector, Constants.i64(0), missing, Constants.scalar(vector.type(), 0))
                .output(vector.type(), PartialShape.of(known == null ? PartialShape.UNKNOWN_DIM : known[0]))
                .buildOutput();
    }

    /** ScatterNDUpdate-3 (of opset4): {@code data} with the elements {@code indices} name set to the updates. */
    public static Output scatterUpdate(Output data, Output indices, Output updates) {
        return Node.builder("ScatterNDUpdate", "opset4").inputs(data, indices, updates)
                .output(data.type(), data.shape()).buildOutput();
    }

    /**
     * The rows (batch, k) of each batch's boxes (batch, n, 4): GatherElements-6 along axis 1 with the rows repeated
     * over the 4 coordinates.
     */
    public static Output boxRows(Output boxes, Output rows) {
        Output repeated = Elementwise.add(Movement.unsqueeze(rows, 2),
                Constants.of(ConstTensor.ofLongs(rows.type(), new long[] {4}, 0, 0, 0, 0)));
        return Node.builder("GatherElements", "opset6").attribute("axis", 1).inputs(boxes, repeated)
                .output(boxes.type(), PartialShape.of(rows.shape().dim(0), rows.shape().dim(1), 4)).buildOutput();
    }

    /** Broadcast-3 (numpy) of {@code value} to the shape {@code target} holds. */
    public static Output broadcast(Output value, Output target) {
        long[] dims = Constants.valuesOf(target);
        PartialShape shape = dims != null ? PartialShape.of(dims)
                : Shapes.unknownOfRank((int) target.shape().dim(0));
        return Node.builder("Broadcast", "opset3").attribute("mode", "numpy").inputs(value, target)
                .output(value.type(), shape).buildOutput();
    }
}
