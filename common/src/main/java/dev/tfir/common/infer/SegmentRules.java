package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;

import dev.tfir.common.types.PartialShape;
import java.util.List;

/**
 * UnsortedSegmentSum, UnsortedSegmentProd, UnsortedSegmentMax, UnsortedSegmentMin: (num_segments) followed by the
 * dims of data after the segment ids' (whose shape is data's leading dims); SegmentSum, Prod, Max, Min, Mean: the
 * number of segments is known at run time only. Bincount: (size); DenseBincount: (size) or (rows, size).
 */
final class SegmentRules {
    private SegmentRules() {}

    /** The rule of this op type, or null when the op type is not of this family. */
    static ShapeRule forOp(String op) {
        return switch (op) {
            case "UnsortedSegmentSum", "UnsortedSegmentProd", "UnsortedSegmentMax", "UnsortedSegmentMin" ->
                    SegmentRules::unsorted;
            case "SegmentSum", "SegmentProd", "SegmentMax", "SegmentMin", "SegmentMean" -> SegmentRules::sorted;
            case "Bincount" -> c -> one(c.attrs().type("T"), Shapes.vector(sizeOf(c)));
            case "DenseBincount" -> SegmentRules::denseBincount;
            default -> null;
        };
    }

    /** Input 1 of a bincount, the number of bins: a scalar, >= 0 where known. */
    private static long sizeOf(NodeContext c) {
        Shapes.withRank(c.shape(1), 0);
        Long size = c.intScalar(1);
        if (size != null && size < 0) {
            throw new CannotInfer("size " + size + "; TensorFlow requires a non-negative size");
        }
        return size == null ? PartialShape.UNKNOWN_DIM : size;
    }

    /** A row of bins for a vector input, one row per row of a matrix. */
    private static List<TensorType> denseBincount(NodeContext c) {
        PartialShape input = c.shape(0);
        long size = sizeOf(c);
        if (!input.hasRank()) {
            return one(c.attrs().type("T"), PartialShape.unknownRank());
        }
        if (input.rank() > 2) {
            throw new CannotInfer("input of rank " + input.rank() + "; TensorFlow requires rank 1 or 2");
        }
        return one(c.attrs().type("T"), input.rank() == 2 ? PartialShape.of(input.dim(0), size)
                : Shapes.vector(size));
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
