package dev.tfir.convert.translate.op;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.Arrays;
import java.util.List;

/**
 * Select, SelectV2 (a condition picks between two values elementwise), MatrixBandPart and MatrixDiag (a band mask
 * does).
 */
public final class SelectTranslators {
    /** The most elements of a MatrixBandPart's mask. */
    private static final long MASK_LIMIT = 1 << 24;

    private SelectTranslators() {}

    /**
     * Select (v1): the condition has the values' shape, or is a vector that picks whole rows (along axis 0), which
     * numpy broadcasting reads along the last axis: it gets trailing axes first.
     */
    public static List<TfTensor> select(NodeContext node) {
        Output condition = node.input(0);
        int rank = node.inputShape(1).rank();
        if (condition.rank() == 1 && rank > 1) {
            long[] trailing = new long[rank - 1];
            for (int i = 0; i < trailing.length; i++) {
                trailing[i] = i + 1;
            }
            condition = Movement.unsqueeze(condition, trailing);
        }
        return List.of(TfTensor.of(Elementwise.select(condition, node.input(1), node.input(2))));
    }

    /** SelectV2: numpy broadcasting of all three inputs. */
    public static List<TfTensor> selectV2(NodeContext node) {
        return List.of(TfTensor.of(Elementwise.select(node.input(0), node.input(1), node.input(2))));
    }

    /**
     * MatrixBandPart: the band of each innermost matrix within num_lower (input 1) diagonals below and num_upper
     * (input 2) above (negative: all), zeros elsewhere. A constant mask selects it where the matrices' size is
     * static and the band constant; else the mask is computed at run time from the matrices' size (a causal mask
     * of a sequence of any length, as GPT-style decoders build it: {@code band_part(ones([n, n]), -1, 0)}).
     */
    public static List<TfTensor> matrixBandPart(NodeContext node) {
        Output x = node.input(0);
        node.require(x.rank() >= 2, "needs an input of rank 2 or more");
        long rows = x.shape().dim(x.rank() - 2);
        long columns = x.shape().dim(x.rank() - 1);
        Output zero = Constants.scalar(x.type(), 0);
        long[] lower = Constants.valuesOf(node.input(1));
        long[] upper = Constants.valuesOf(node.input(2));
        if (rows >= 0 && columns >= 0 && rows * columns <= MASK_LIMIT && lower != null && upper != null) {
            return List.of(TfTensor.of(Elementwise.select(bandMask(rows, columns, lower[0], upper[0]), x, zero)));
        }
        Output shape = Movement.shapeOf(x, ElementType.I64);
        return List.of(TfTensor.of(Elementwise.select(bandMask(dim(shape, x.rank() - 2), dim(shape, x.rank() - 1),
                node.input(1), node.input(2)), x, zero)));
    }

    private static Output dim(Output shape, long axis) {
        return Movement.gather(shape, Constants.i64Scalar(axis), 0);
    }

    /**
     * The booleans [rows, columns] (i64 scalars) within {@code lower} diagonals below and {@code upper} above
     * (scalars; negative: all), computed at run time: column - row against both.
     */
    private static Output bandMask(Output rows, Output columns, Output lower, Output upper) {
        Output offset = Elementwise.binary("Subtract", Movement.unsqueeze(Movement.indices(columns), 0),
                Movement.unsqueeze(Movement.indices(rows), 1));
        Output below = within(Elementwise.unary("Negative", "opset1", offset), lower);
        Output above = within(offset, upper);
        return Elementwise.binary("LogicalAnd", below, above);
    }

    /** Where {@code distance} <= limit, or everywhere when the limit is negative. */
    private static Output within(Output distance, Output limit) {
        Output bound = Elementwise.convert(limit, ElementType.I64);
        return Elementwise.binary("LogicalOr", Elementwise.binary("LessEqual", distance, bound),
                Elementwise.binary("Less", bound, Constants.i64Scalar(0)));
    }

    /**
     * MatrixDiag, and MatrixDiagV2/V3 of the main diagonal (k 0) into square matrices: [..., n] to [..., n, n], the
     * padding value (V2, V3: input 4; else 0) off the diagonal.
     */
    public static List<TfTensor> matrixDiag(NodeContext node) {
        Output diagonal = node.input(0);
        node.require(diagonal.rank() >= 1, "needs a diagonal of rank 1 or more, not " + diagonal.shape());
        long n = diagonal.shape().dim(diagonal.rank() - 1);
        Output padding = Constants.scalar(diagonal.type(), 0);
        if (!node.opType().equals("MatrixDiag")) {
            long[] k = node.constantInput(1, "k");
            node.require(Arrays.stream(k).allMatch(d -> d == 0), "has k " + Arrays.toString(k)
                    + "; only the main diagonal (0) is supported");
            long rows = node.constantInput(2, "num_rows")[0];
            long columns = node.constantInput(3, "num_cols")[0];
            node.require((rows == -1 || rows == n) && (columns == -1 || columns == n), "has num_rows " + rows
                    + " and num_cols " + columns + "; -1 or the diagonal's length " + n + " are supported");
            padding = node.input(4);
        }
        Output mask;
        if (n >= 0 && n * n <= MASK_LIMIT) {
            mask = bandMask(n, n, 0, 0);
        } else {
            // a length known only at run time (tf.eye(n) of a sequence's length, as XLNet builds it)
            Output length = dim(Movement.shapeOf(diagonal, ElementType.I64), diagonal.rank() - 1);
            mask = bandMask(length, length, Constants.i64Scalar(0), Constants.i64Scalar(0));
        }
        return List.of(TfTensor.of(Elementwise.select(mask, Movement.unsqueeze(diagonal, diagonal.rank()),
                padding)));
    }

    /** The booleans of a (rows, columns) matrix within lower diagonals below and upper above (negative: all). */
    static Output bandMask(long rows, long columns, long lower, long upper) {
        long[] inBand = new long[(int) (rows * columns)];
        for (int m = 0; m < rows; m++) {
            for (int n = 0; n < columns; n++) {
                boolean below = lower < 0 || m - n <= lower;
                boolean above = upper < 0 || n - m <= upper;
                inBand[(int) (m * columns + n)] = below && above ? 1 : 0;
            }
        }
        return Constants.of(ConstTensor.ofLongs(ElementType.BOOLEAN, new long[] {rows, columns}, inBand));
    }
}
