package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Detection;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Indexing;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.ops.Reductions;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.ArrayList;
import java.util.List;

/**
 * NonMaxSuppressionV2 to V5 and CombinedNonMaxSuppression as OpenVINO's NonMaxSuppression-9. Both keep a box
 * whose score is above score_threshold (OpenVINO's specification says "greater or equal", its CPU plugin compares
 * strictly, in 2024.6 as in 2026.4: a score equal to the threshold is dropped, the next float up kept, as in
 * TensorFlow), so the threshold passes unchanged.
 */
public final class DetectionTranslators {
    private DetectionTranslators() {}

    /**
     * NonMaxSuppression (iou_threshold an attribute) and V2 (no score threshold), V3, V4 (pad_to_max_output_size; valid_outputs) and V5 (soft-NMS
     * with soft_nms_sigma > 0, which ignores iou_threshold as TensorFlow does; selected_scores): boxes (n, 4) and
     * scores (n) as one batch of one class; the box indices of the selection in score order, int32.
     */
    public static List<TfTensor> nonMaxSuppression(NodeContext node) {
        Output boxes = node.input(0);
        Output scores = node.input(1);
        node.require(boxes.rank() == 2 && scores.rank() == 1, "needs boxes of shape (n, 4) and scores (n), not "
                + boxes.shape() + " and " + scores.shape());
        boolean v5 = node.opType().equals("NonMaxSuppressionV5");
        Output sigma = v5 ? Elementwise.convert(node.input(5), ElementType.F32) : f32(0);
        if (v5) {
            node.require(sigma.isConstant(), "needs its soft_nms_sigma (input 5) to be a constant");
        }
        boolean soft = sigma.isConstant() && sigma.constant().doubles()[0] > 0;
        Output iou = soft ? f32(1) : node.inputCount() == 3 ? f32(node.real("iou_threshold", 0.5))
                : Elementwise.convert(node.input(3), ElementType.F32);
        Output scoreThreshold = node.inputCount() > 4 ? Elementwise.convert(node.input(4), ElementType.F32)
                : f32(-Float.MAX_VALUE); // V1 and V2 keep scores above the lowest float
        Node nms = Detection.nonMaxSuppression(Movement.unsqueeze(boxes, 0), Movement.unsqueeze(scores, 0, 1),
                node.input(2), iou, scoreThreshold, sigma);
        boolean pad = node.attrs().bool("pad_to_max_output_size", false);
        List<TfTensor> outputs = new ArrayList<>();
        outputs.add(TfTensor.of(padded(Detection.column(nms.output(0), 2), node.input(2), pad)));
        if (v5) {
            outputs.add(TfTensor.of(padded(Detection.column(nms.output(1), 2), node.input(2), pad)));
        }
        if (v5 || node.opType().equals("NonMaxSuppressionV4")) {
            outputs.add(TfTensor.of(Movement.squeeze(nms.output(2), 0)));
        }
        return outputs;
    }

    /**
     * CombinedNonMaxSuppression: boxes (batch, n, q, 4) shared by the classes (q = 1) or per class (q = classes),
     * scores (batch, n, classes); NMS per batch and class, then per batch the best max_total_size of all classes
     * (pad_per_class: at most max_output_size_per_class * classes), zeros after the valid detections, boxes clipped
     * to [0, 1] with clip_boxes. The kept scores are scattered into a (batch, classes * n) tensor of -inf, whose
     * TopK gives the order; n, q, the classes and both sizes must be static.
     */
    public static List<TfTensor> combinedNonMaxSuppression(NodeContext node) {
        Output boxes = node.input(0);
        Output scores = node.input(1);
        node.require(boxes.rank() == 4 && scores.rank() == 3, "needs boxes of shape (batch, n, q, 4) and scores "
                + "(batch, n, classes), not " + boxes.shape() + " and " + scores.shape());
        long n = scores.shape().dim(1);
        long classes = scores.shape().dim(2);
        long q = boxes.shape().dim(2);
        node.require(n > 0 && classes > 0 && (q == 1 || q == classes), "needs a static number of boxes and classes "
                + "and boxes shared (q = 1) or per class (q = classes), not boxes " + boxes.shape() + " and scores "
                + scores.shape());
        long perClass = node.constantInput(2, "max_output_size_per_class")[0];
        long total = node.constantInput(3, "max_total_size")[0];
        boolean padPerClass = node.attrs().bool("pad_per_class", false);
        node.require(perClass >= (padPerClass ? 1 : 0) && total > 0, "has max_output_size_per_class " + perClass
                + " and max_total_size " + total + "; TensorFlow requires > 0 (>= 0 without pad_per_class) and > 0");
        long length = padPerClass ? Math.min(total, perClass * classes) : total;

        Output byClass = Movement.transpose(scores, 0, 2, 1);
        Output nmsBoxes = q == 1 ? Movement.squeeze(boxes, 2)
                : Movement.reshape(Movement.transpose(boxes, 0, 2, 1, 3), -1, n, 4);
        Output nmsScores = q == 1 ? byClass : Movement.reshape(byClass, -1, 1, n);
        Output iou = Elementwise.convert(node.input(4), ElementType.F32);
        Output scoreThreshold = Elementwise.convert(node.input(5), ElementType.F32);
        Node nms = Detection.nonMaxSuppression(nmsBoxes, nmsScores, node.input(2), iou, scoreThreshold, f32(0));
        Output none = f32(Double.NEGATIVE_INFINITY);
        Output kept = Detection.scatterUpdate(Detection.broadcast(none, Movement.shapeOf(nmsScores, ElementType.I64)),
                nms.output(0), Detection.column(nms.output(1), 2));
        Output flat = Movement.reshape(kept, -1, classes * n);
        if (length > classes * n) {
            flat = Movement.pad(flat, new long[] {0, 0}, new long[] {0, length - classes * n}, "constant", none);
        }
        Node best = Indexing.topK(flat, length, true, ElementType.I32);
        Output valid = Elementwise.binary("Greater", best.output(0), none);
        Output index = best.output(1);
        Output box = Elementwise.binary("FloorMod", index, i32(n));
        Output label = Elementwise.binary("Divide", index, i32(n));
        Output row = q == 1 ? box : Elementwise.add(Elementwise.multiply(box, i32(q)), label);
        Output picked = Detection.boxRows(Movement.reshape(boxes, -1, n * q, 4), row);
        if (node.attrs().bool("clip_boxes", true)) {
            picked = Elementwise.clamp(picked, 0, 1);
        }
        Output zero = f32(0);
        return List.of(
                TfTensor.of(Elementwise.select(Movement.unsqueeze(valid, 2), picked, zero)),
                TfTensor.of(Elementwise.select(valid, best.output(0), zero)),
                TfTensor.of(Elementwise.select(valid, Elementwise.convert(label, ElementType.F32), zero)),
                TfTensor.of(Reductions.reduce("ReduceSum", Elementwise.convert(valid, ElementType.I32),
                        new long[] {1}, false)));
    }

    /** A vector padded with zeros to max_output_size when {@code pad} (TensorFlow's pad_to_max_output_size). */
    private static Output padded(Output vector, Output maxOutputSize, boolean pad) {
        return pad ? Detection.padTo(vector, maxOutputSize) : vector;
    }

    private static Output f32(double value) {
        return Constants.scalar(ElementType.F32, value);
    }

    private static Output i32(long value) {
        return Constants.of(ConstTensor.ofLongs(ElementType.I32, new long[0], value));
    }
}
