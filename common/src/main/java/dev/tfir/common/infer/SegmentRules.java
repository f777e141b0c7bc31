package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;

import dev.tfir.common.types.PartialShape;
import java.util.List;

/**
 * UnsortedSegmentSum, UnsortedSegmentProd, UnsortedSegmentMax, UnsortedSegmentMin: (num_segments) followed by the
 * dims of data after the segment ids' (whose shape is data's leading dims); SegmentSum, Prod, Max, Min, Mean: the
 * number of segments is known at run time only.
 */
final class SegmentRules {
    private SegmentRules() {}

    /** The rule of this op type, or null when the op type is not of this family. */
    static ShapeRule forOp(String op) {
        return switch (op) {
            case "UnsortedSegmentSum", "UnsortedSegmentProd", "UnsortedSegmentMax", "UnsortedSegmentMin" ->
                    SegmentRules::unsorted;
            case "SegmentSum", "SegmentProd", "SegmentMax", "SegmentMin", "SegmentMean" -> SegmentRules::sorted;
            default -> null;
        };
    }

    /** Sorted ids (a vector): an unknown number of segments followed by the dims of data after the first. */
    private static List<TensorType> sorted(NodeContext c) {
        Shapes.withRank(c.shape(1), 1);
        PartialShape data = Shapes.withRankAtLeast(c.shape(0), 1);
        return one(c.typeAttrOr("T", 0), Shapes.concat(Shapes.vector(PartialShape.UNKNOWN_DIM),
                Shapes.subshape(data, 1)));
    }

    private static List<TensorType> unsorted(NodeContext c) {
        Shapes.withRank(c.shape(2), 0);
        PartialShape data = c.shape(0);
        PartialShape ids = c.shape(1);
        if (!ids.hasRank()) {
            return one(c.typeAttrOr("T", 0), PartialShape.unknownRank());
        }
        Shapes.merge(Shapes.subshape(Shapes.withRankAtLeast(data, ids.rank()), 0, ids.rank()), ids);
        Long segments = c.intScalar(2);
        return one(c.typeAttrOr("T", 0), Shapes.concat(Shapes.vector(segments == null ? PartialShape.UNKNOWN_DIM
                : segments), Shapes.subshape(data, ids.rank())));
    }
}
