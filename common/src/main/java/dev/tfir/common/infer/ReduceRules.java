package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;

import dev.tfir.common.types.PartialShape;
import java.util.List;
import org.tensorflow.proto.DataType;

/** Reductions over the axes of input 1 (Mean, Sum, Max, Min, Prod, Any, All), ArgMax/ArgMin, and L2Loss. */
final class ReduceRules {
    private ReduceRules() {}

    /** The rule of this op type, or null when the op type is not of this family. */
    static ShapeRule forOp(String op) {
        return switch (op) {
            case "Mean", "Sum", "Max", "Min", "Prod", "Any", "All", "EuclideanNorm" -> ReduceRules::reduce;
            case "ArgMax", "ArgMin" -> ReduceRules::argReduce;
            case "L2Loss" -> c -> one(c.typeAttrOr("T", 0), Shapes.scalar());
            default -> null;
        };
    }

    /** Without known axes only keep_dims tells the rank; the reduced dims are dropped or become 1. */
    private static List<TensorType> reduce(NodeContext c) {
        PartialShape input = c.shape(0);
        long[] axes = c.ints(1);
        boolean keepDims = c.attrs().bool("keep_dims", false);
        DataType dtype = c.typeAttrOr("T", 0);
        if (axes == null || !input.hasRank()) {
            return one(dtype, keepDims && input.hasRank() ? Shapes.unknownOfRank(input.rank())
                    : PartialShape.unknownRank());
        }
        return one(dtype, Shapes.reduced(input, axes, keepDims));
    }

    /** The input without the dim named by input 1; a vector or scalar gives a scalar. */
    private static List<TensorType> argReduce(NodeContext c) {
        Shapes.withRank(c.shape(1), 0);
        PartialShape input = c.shape(0);
        DataType dtype = c.attrs().type("output_type") != DataType.DT_INVALID ? c.attrs().type("output_type")
                : DataType.DT_INT64;
        if (!input.hasRank() || input.rank() <= 1) {
            return one(dtype, input.hasRank() ? Shapes.scalar() : input);
        }
        Long axis = c.intScalar(1);
        if (axis == null) {
            return one(dtype, Shapes.unknownOfRank(input.rank() - 1));
        }
        int removed = Shapes.axis(axis, input.rank());
        return one(dtype, Shapes.concat(Shapes.subshape(input, 0, removed), Shapes.subshape(input, removed + 1)));
    }
}
