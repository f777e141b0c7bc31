package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;

import dev.tfir.common.types.PartialShape;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.proto.DataType;

/**
 * Ops that rearrange or broadcast a tensor: Roll, ReverseSequence, InvertPermutation, BroadcastTo, BroadcastArgs,
 * MatrixDiag (of the main diagonal).
 */
final class ArrangeRules {
    private ArrangeRules() {}

    /** The rule of this op type, or null when the op type is not of this family. */
    static ShapeRule forOp(String op) {
        return switch (op) {
            case "Roll", "ReverseSequence", "InvertPermutation" -> c -> one(c.typeAttrOr("T", 0), c.shape(0));
            case "BroadcastTo" -> c -> one(c.typeAttrOr("T", 0), c.shapeTensor(1));
            case "BroadcastArgs" -> ArrangeRules::broadcastArgs;
            case "MatrixDiag", "MatrixDiagV2", "MatrixDiagV3" -> ArrangeRules::matrixDiag;
            default -> null;
        };
    }

    /** A shape as long as the longer of the two. */
    private static List<TensorType> broadcastArgs(NodeContext c) {
        PartialShape first = Shapes.withRank(c.shape(0), 1);
        PartialShape second = Shapes.withRank(c.shape(1), 1);
        boolean known = first.hasRank() && second.hasRank() && Shapes.known(first.dim(0))
                && Shapes.known(second.dim(0));
        DataType dtype = c.typeAttrOr("T", 0);
        return one(dtype, Shapes.vector(known ? Math.max(first.dim(0), second.dim(0)) : PartialShape.UNKNOWN_DIM));
    }

    /** The main diagonal (MatrixDiag; V2, V3 with k 0) [..., n] into matrices [..., n, n]; other diagonals unknown. */
    private static List<TensorType> matrixDiag(NodeContext c) {
        PartialShape diagonal = Shapes.withRankAtLeast(c.shape(0), 1);
        DataType dtype = c.typeAttrOr("T", 0);
        long[] k = c.op().equals("MatrixDiag") ? new long[] {0} : c.ints(1);
        if (!diagonal.hasRank() || k == null || Arrays.stream(k).anyMatch(d -> d != 0)) {
            return one(dtype, PartialShape.unknownRank());
        }
        long n = diagonal.dim(diagonal.rank() - 1);
        return one(dtype, Shapes.concat(diagonal, Shapes.vector(n)));
    }
}
