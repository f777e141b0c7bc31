package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;

import dev.tfir.common.types.PartialShape;
import java.util.List;

/** Diagonals of matrices (Diag, DiagPart, MatrixDiagPart, MatrixSetDiag and their V2/V3) and MatrixInverse. */
final class MatrixRules {
    private MatrixRules() {}

    /** The rule of this op type, or null when the op type is not of this family. */
    static ShapeRule forOp(String op) {
        return switch (op) {
            case "MatrixDiagPart", "MatrixDiagPartV2", "MatrixDiagPartV3" -> MatrixRules::matrixDiagPart;
            case "MatrixSetDiag", "MatrixSetDiagV2", "MatrixSetDiagV3" -> MatrixRules::matrixSetDiag;
            case "MatrixInverse" -> c -> one(c.typeAttrOr("T", 0), Shapes.withRankAtLeast(c.shape(0), 2));
            case "Diag" -> c -> one(c.typeAttrOr("T", 0), Shapes.concat(c.shape(0), c.shape(0)));
            case "DiagPart" -> MatrixRules::diagPart;
            default -> null;
        };
    }

    /** [..., M, N] to [..., min(M, N)] (the main diagonal; other k of V2/V3 are not modelled). */
    private static List<TensorType> matrixDiagPart(NodeContext c) {
        PartialShape input = Shapes.withRankAtLeast(c.shape(0), 2);
        if (!input.hasRank()) {
            return one(c.typeAttrOr("T", 0), input);
        }
        long rows = input.dim(input.rank() - 2);
        long columns = input.dim(input.rank() - 1);
        long length = Shapes.known(rows) && Shapes.known(columns) ? Math.min(rows, columns)
                : PartialShape.UNKNOWN_DIM;
        return one(c.typeAttrOr("T", 0), Shapes.replaceDim(Shapes.subshape(input, 0, input.rank() - 1),
                input.rank() - 2, length));
    }

    /** The input's shape; of an input of unknown rank, the diagonal's batch dims and two unknown ones. */
    private static List<TensorType> matrixSetDiag(NodeContext c) {
        PartialShape input = Shapes.withRankAtLeast(c.shape(0), 2);
        PartialShape diagonal = c.shape(1);
        if (input.hasRank() || !diagonal.hasRank() || diagonal.rank() == 0) {
            return one(c.typeAttrOr("T", 0), input);
        }
        return one(c.typeAttrOr("T", 0), Shapes.concat(Shapes.subshape(diagonal, 0, diagonal.rank() - 1),
                Shapes.unknownOfRank(2)));
    }

    /** [D, D] to D, each dim merged with its twin. */
    private static List<TensorType> diagPart(NodeContext c) {
        PartialShape input = c.shape(0);
        if (!input.hasRank()) {
            return one(c.typeAttrOr("T", 0), input);
        }
        int half = input.rank() / 2;
        if (input.rank() % 2 != 0) {
            throw new CannotInfer("DiagPart of an input of odd rank " + input.rank());
        }
        return one(c.typeAttrOr("T", 0), Shapes.merge(Shapes.subshape(input, 0, half), Shapes.subshape(input, half)));
    }
}
