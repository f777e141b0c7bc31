package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;

import dev.tfir.common.types.PartialShape;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.proto.DataType;

/** MatMul (with transpose_a/b) and the batched BatchMatMul, BatchMatMulV2 and BatchMatMulV3 (with adj_x/y). */
final class MatMulRules {
    private MatMulRules() {}

    /** The rule of this op type, or null when the op type is not of this family. */
    static ShapeRule forOp(String op) {
        return switch (op) {
            case "MatMul" -> MatMulRules::matMul;
            case "BatchMatMul" -> c -> batchMatMul(c, false);
            case "BatchMatMulV2", "BatchMatMulV3" -> c -> batchMatMul(c, true);
            case "Einsum" -> MatMulRules::einsum;
            default -> null;
        };
    }

    /** Einsum: the output shape of an explicit equation ({@link Shapes#einsum}); of others, unknown. */
    private static List<TensorType> einsum(NodeContext c) {
        List<PartialShape> operands = new ArrayList<>();
        for (int i = 0; i < c.inputCount(); i++) {
            operands.add(c.shape(i));
        }
        PartialShape out = Shapes.einsum(c.attrs().string("equation", ""), operands);
        return one(c.typeAttrOr("T", 0), out != null ? out : PartialShape.unknownRank());
    }

    private static List<TensorType> matMul(NodeContext c) {
        PartialShape a = Shapes.withRank(c.shape(0), 2);
        PartialShape b = Shapes.withRank(c.shape(1), 2);
        boolean transposeA = c.attrs().bool("transpose_a", false);
        boolean transposeB = c.attrs().bool("transpose_b", false);
        innerDims(a, b, a.dim(transposeA ? 0 : 1), b.dim(transposeB ? 1 : 0), "transpose_a", transposeA,
                "transpose_b", transposeB);
        return one(c.typeAttrOr("T", 0), PartialShape.of(a.dim(transposeA ? 1 : 0), b.dim(transposeB ? 0 : 1)));
    }

    /** Matrices in the last two dims; the batch dims are merged (v1) or broadcast (v2, v3). */
    private static List<TensorType> batchMatMul(NodeContext c, boolean broadcast) {
        PartialShape a = Shapes.withRankAtLeast(c.shape(0), 2);
        PartialShape b = Shapes.withRankAtLeast(c.shape(1), 2);
        boolean adjX = c.attrs().bool("adj_x", false);
        boolean adjY = c.attrs().bool("adj_y", false);
        PartialShape aBatch = Shapes.subshape(a, 0, -2);
        PartialShape bBatch = Shapes.subshape(b, 0, -2);
        PartialShape batch = broadcast ? Shapes.broadcast(aBatch, bBatch, true) : Shapes.merge(aBatch, bBatch);
        innerDims(a, b, dimFromEnd(a, adjX ? 2 : 1), dimFromEnd(b, adjY ? 1 : 2), "adj_x", adjX, "adj_y", adjY);
        PartialShape matrix = PartialShape.of(dimFromEnd(a, adjX ? 1 : 2), dimFromEnd(b, adjY ? 2 : 1));
        DataType tout = c.attrs().type("Tout");
        return one(tout != DataType.DT_INVALID ? tout : c.typeAttrOr("T", 0), Shapes.concat(batch, matrix));
    }

    /** The dims multiplied together, which must be equal. */
    private static void innerDims(PartialShape a, PartialShape b, long inA, long inB, String flagA, boolean valueA,
                                  String flagB, boolean valueB) {
        if (Shapes.known(inA) && Shapes.known(inB) && inA != inB) {
            throw new CannotInfer("matrices of shapes " + a + " and " + b + " (" + flagA + "=" + valueA + ", " + flagB
                    + "=" + valueB + ") have inner dims " + inA + " and " + inB + "; TensorFlow requires them to be "
                    + "equal");
        }
    }

    private static long dimFromEnd(PartialShape shape, int k) {
        return shape.hasRank() ? shape.dim(shape.rank() - k) : PartialShape.UNKNOWN_DIM;
    }
}
