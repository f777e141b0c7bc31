package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;

import dev.tfir.common.types.PartialShape;
import java.util.List;
import org.tensorflow.proto.DataType;

/**
 * Ops on sparse tensors given as indices (nnz, rank), values (nnz) and a dense shape (rank), as TensorFlow's shape
 * functions: SparseTensorDenseMatMul (A's rows, or columns when adjoint, by B's columns), SparseTensorDenseAdd (B),
 * SparseReshape (the indices in the new rank, the new shape) and SparseFillEmptyRows (an unknown number of entries).
 */
final class SparseRules {
    private SparseRules() {}

    /** The rule of this op type, or null when the op type is not of this family. */
    static ShapeRule forOp(String op) {
        return switch (op) {
            case "SparseTensorDenseMatMul" -> SparseRules::denseMatMul;
            case "SparseTensorDenseAdd" -> c -> one(c.typeAttrOr("T", 1), c.shape(3));
            case "SparseReshape" -> SparseRules::reshape;
            case "SparseFillEmptyRows" -> SparseRules::fillEmptyRows;
            default -> null;
        };
    }

    private static List<TensorType> denseMatMul(NodeContext c) {
        Shapes.withRank(c.shape(0), 2);
        PartialShape b = Shapes.withRank(c.shape(3), 2);
        long[] shape = c.ints(2);
        boolean adjointA = c.attrs().bool("adjoint_a", false);
        long rows = shape != null && shape.length == 2 && shape[adjointA ? 1 : 0] >= 0 ? shape[adjointA ? 1 : 0]
                : PartialShape.UNKNOWN_DIM;
        return one(c.typeAttrOr("T", 1), PartialShape.of(rows, b.dim(c.attrs().bool("adjoint_b", false) ? 0 : 1)));
    }

    private static List<TensorType> reshape(NodeContext c) {
        PartialShape indices = Shapes.withRank(c.shape(0), 2);
        PartialShape newShape = Shapes.withRank(c.shape(2), 1);
        return List.of(new TensorType(DataType.DT_INT64, PartialShape.of(indices.dim(0), newShape.dim(0))),
                new TensorType(DataType.DT_INT64, newShape));
    }

    private static List<TensorType> fillEmptyRows(NodeContext c) {
        PartialShape indices = Shapes.withRank(c.shape(0), 2);
        long[] shape = c.ints(2);
        long rows = shape != null && shape.length == 2 ? shape[0] : PartialShape.UNKNOWN_DIM;
        long some = PartialShape.UNKNOWN_DIM;
        return List.of(new TensorType(DataType.DT_INT64, PartialShape.of(some, 2)),
                new TensorType(c.typeAttrOr("T", 1), Shapes.vector(some)),
                new TensorType(DataType.DT_BOOL, Shapes.vector(rows)),
                new TensorType(DataType.DT_INT64, Shapes.vector(indices.dim(0))));
    }
}
