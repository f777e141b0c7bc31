package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Detection;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.ops.SegmentReduction;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.OpTranslator;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;

/**
 * UnsortedSegmentSum, UnsortedSegmentProd, UnsortedSegmentMax, UnsortedSegmentMin as ScatterElementsUpdate with a
 * reduction over an initial tensor of the reduction's identity (0, 1, the lowest, the highest value: TensorFlow's
 * output for an empty segment); a negative segment id drops its row, as in TensorFlow (the row becomes the
 * identity, added to segment 0). Data is taken as (rows, rest) with the ids flattened; num_segments and the rest of
 * data's shape must be static.
 */
public final class SegmentTranslators {
    private SegmentTranslators() {}

    /** The unsorted segment reduction {@code reduction} (sum, prod, max, min). */
    public static OpTranslator unsorted(String reduction) {
        return node -> {
            Output data = node.input(0);
            Output ids = node.input(1);
            node.require(List.of(ElementType.F32, ElementType.I32, ElementType.I64).contains(data.type()),
                    "needs f32, i32 or i64 data, not " + data.type().irName());
            long[] segments = node.constantInput(2, "num_segments");
            node.require(ids.rank() >= 1 && data.rank() >= ids.rank() && segments.length == 1,
                    "needs segment ids of rank 1 or more (data's leading dims) and one num_segments");
            long[] rest = new long[data.rank() - ids.rank()];
            long row = 1;
            for (int i = 0; i < rest.length; i++) {
                rest[i] = data.shape().dim(ids.rank() + i);
                node.require(rest[i] >= 0, "needs static dims of data after the segment ids', not " + data.shape());
                row *= rest[i];
            }
            Output rows = Movement.reshape(data, -1, row);
            Output flatIds = Movement.reshape(ids, -1, 1);
            Output identity = identity(data.type(), reduction);
            Output dropped = Elementwise.binary("Less", flatIds, Constants.scalar(ids.type(), 0));
            Output updates = Elementwise.select(dropped, identity, rows);
            Output indices = Elementwise.select(dropped, Constants.scalar(ids.type(), 0), flatIds);
            Output spread = Elementwise.add(indices, Constants.of(ConstTensor.ofLongs(ids.type(), new long[] {row},
                    new long[(int) row])));
            Output initial = Detection.broadcast(identity, Constants.i64(segments[0], row));
            Output reduced = SegmentReduction.scatter(initial, spread, updates, 0, reduction);
            long[] shape = new long[rest.length + 1];
            shape[0] = segments[0];
            System.arraycopy(rest, 0, shape, 1, rest.length);
            return List.of(TfTensor.of(Movement.reshape(reduced, shape)));
        };
    }

    /** The value a reduction starts from: 0, 1, or the type's lowest or highest value. */
    private static Output identity(ElementType type, String reduction) {
        boolean floating = type.isFloating();
        double lowest = floating ? -Float.MAX_VALUE : type == ElementType.I64 ? Long.MIN_VALUE : Integer.MIN_VALUE;
        double highest = floating ? Float.MAX_VALUE : type == ElementType.I64 ? Long.MAX_VALUE : Integer.MAX_VALUE;
        double value = switch (reduction) {
            case "prod" -> 1;
            case "max" -> lowest;
            case "min" -> highest;
            default -> 0;
        };
        return Constants.scalar(type, value);
    }
}
