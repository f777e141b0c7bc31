package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;

import dev.tfir.common.types.PartialShape;
import java.util.List;
import org.tensorflow.proto.DataType;

/**
 * Ops that find or place elements by index: Where (the int64 coordinates of the true elements), ScatterNd, the
 * TensorScatter family, ResourceGather (a gather from a resource variable), Unique, SparseToDense,
 * UnravelIndex.
 */
final class ScatterRules {
    private ScatterRules() {}

    /** The rule of this op type, or null when the op type is not of this family. */
    static ShapeRule forOp(String op) {
        return switch (op) {
            case "Where" -> ScatterRules::where;
            case "ScatterNd" -> c -> one(c.typeAttrOr("T", 1), c.shapeTensor(2));
            case "TensorScatterUpdate", "TensorScatterAdd", "TensorScatterSub", "TensorScatterMax",
                    "TensorScatterMin" ->
                    c -> one(c.typeAttrOr("T", 0), c.shape(0));
            case "ResourceGather" -> ScatterRules::resourceGather;
            case "Unique" -> c -> unique(c, false);
            case "UniqueWithCounts" -> c -> unique(c, true);
            case "ListDiff" -> ScatterRules::listDiff;
            case "SparseToDense" -> c -> one(c.typeAttrOr("T", 2), c.shapeTensor(1));
            case "UnravelIndex" -> ScatterRules::unravelIndex;
            default -> null;
        };
    }

    /** [number of true elements (unknown), rank of the input]. */
    private static List<TensorType> where(NodeContext c) {
        PartialShape input = c.shape(0);
        return one(DataType.DT_INT64, PartialShape.of(PartialShape.UNKNOWN_DIM,
                input.hasRank() ? input.rank() : PartialShape.UNKNOWN_DIM));
    }

    /**
     * The variable's dims before batch_dims, the indices' dims after them, the variable's dims after the gathered
     * axis (batch_dims). The variable's shape comes from its handle, or from input 0 itself where the variable was
     * frozen into a constant.
     */
    private static List<TensorType> resourceGather(NodeContext c) {
        DataType dtype = c.attrs().type("dtype");
        TensorType handle = c.dtype(0) == DataType.DT_RESOURCE ? c.handle(0) : c.input(0);
        PartialShape params = handle == null ? PartialShape.unknownRank() : handle.shape();
        PartialShape indices = c.shape(1);
        long batchDims = c.attrs().integer("batch_dims", 0);
        if (!params.hasRank() || !indices.hasRank()) {
            return one(dtype, PartialShape.unknownRank());
        }
        if (batchDims < 0 || batchDims >= params.rank() || batchDims > indices.rank()) {
            throw new CannotInfer("batch_dims " + batchDims + " for a variable of rank " + params.rank()
                    + " and indices of rank " + indices.rank());
        }
        return one(dtype, Shapes.concat(Shapes.concat(Shapes.subshape(params, 0, batchDims),
                Shapes.subshape(indices, batchDims)), Shapes.subshape(params, batchDims + 1)));
    }

    /** The unique elements (how many: unknown), an index per input element, with counts the count of each. */
    private static List<TensorType> unique(NodeContext c, boolean counts) {
        DataType indexType = c.attrs().has("out_idx") ? c.attrs().type("out_idx") : DataType.DT_INT32;
        PartialShape some = Shapes.vector(PartialShape.UNKNOWN_DIM);
        TensorType elements = new TensorType(c.typeAttrOr("T", 0), some);
        TensorType indices = new TensorType(indexType, Shapes.withRank(c.shape(0), 1));
        return counts ? List.of(elements, indices, new TensorType(indexType, some)) : List.of(elements, indices);
    }

    /** ListDiff: the elements of x that y lacks and their positions, how many unknown; x and y are vectors. */
    private static List<TensorType> listDiff(NodeContext c) {
        Shapes.withRank(c.shape(0), 1);
        Shapes.withRank(c.shape(1), 1);
        DataType indexType = c.attrs().has("out_idx") ? c.attrs().type("out_idx") : DataType.DT_INT32;
        PartialShape some = Shapes.vector(PartialShape.UNKNOWN_DIM);
        return List.of(new TensorType(c.typeAttrOr("T", 0), some), new TensorType(indexType, some));
    }

    /** [the number of dims] + the indices' shape. */
    private static List<TensorType> unravelIndex(NodeContext c) {
        PartialShape dims = Shapes.withRank(c.shape(1), 1);
        return one(c.typeAttrOr("Tidx", 0), Shapes.concat(Shapes.vector(dims.hasRank() ? dims.dim(0)
                : PartialShape.UNKNOWN_DIM), c.shape(0)));
    }
}
