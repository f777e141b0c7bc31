package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;

/** Select, SelectV2 (a condition picks between two values elementwise) and MatrixBandPart (a band mask does). */
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
     * (input 2) above (negative: all), zeros elsewhere; a constant mask of the matrices' static size selects it.
     */
    public static List<TfTensor> matrixBandPart(NodeContext node) {
        Output x = node.input(0);
        node.require(x.rank() >= 2, "needs an input of rank 2 or more");
        long rows = x.shape().dim(x.rank() - 2);
        long columns = x.shape().dim(x.rank() - 1);
        node.require(rows >= 0 && columns >= 0 && rows * columns <= MASK_LIMIT,
                "needs matrices of a static size up to " + MASK_LIMIT + " elements, not " + x.shape());
        Output mask = bandMask(rows, columns, node.constantInput(1, "num_lower")[0],
                node.constantInput(2, "num_upper")[0]);
        return List.of(TfTensor.of(Elementwise.select(mask, x, Constants.scalar(x.type(), 0))));
    }

    /** A constant bool [rows, columns]: true within lower diagonals below and upper above (negative: all). */
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
