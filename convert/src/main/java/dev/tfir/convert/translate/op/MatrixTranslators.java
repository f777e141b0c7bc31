package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.ops.Reductions;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.OpTranslator;
import dev.tfir.convert.translate.TfTensor;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

/**
 * Diagonals of matrices of a static size, picked or placed by a constant diagonal mask (the main diagonal only):
 * Diag, DiagPart, MatrixDiagPart(V2/V3), MatrixSetDiag(V2/V3); and MatrixInverse (Inverse-14).
 */
public final class MatrixTranslators {
    /** The most elements of a diagonal mask. */
    private static final long MASK_LIMIT = 1 << 24;

    private MatrixTranslators() {}

    /** MatrixDiagPart: the main diagonal of each innermost matrix, min(M, N) values. */
    public static List<TfTensor> matrixDiagPart(NodeContext node) {
        return List.of(TfTensor.of(diagonalOf(node, node.input(0))));
    }

    /**
     * The V2/V3 form of a diagonal op, with the diagonal's k as input {@code kInput}: the translator for k = 0;
     * other diagonals are refused.
     */
    public static OpTranslator atMainDiagonal(OpTranslator translator, int kInput) {
        return node -> {
            long[] k = node.constantInput(kInput, "k");
            node.require(LongStream.of(k).allMatch(d -> d == 0), "has k " + Arrays.toString(k)
                    + "; only the main diagonal (k = 0) is supported");
            return translator.translate(node);
        };
    }

    /** MatrixSetDiag: each innermost matrix with its main diagonal replaced by the diagonal (input 1). */
    public static List<TfTensor> matrixSetDiag(NodeContext node) {
        Output x = node.input(0);
        long[] size = matrixSize(node, x);
        Output diagonal = node.input(1);
        long length = Math.min(size[0], size[1]);
        node.require(diagonal.rank() == x.rank() - 1 && diagonal.shape().dim(diagonal.rank() - 1) == length,
                "needs a diagonal of " + length + " values per matrix, not " + diagonal.shape());
        if (length < size[1]) {
            long[] end = new long[diagonal.rank()];
            end[end.length - 1] = size[1] - length;
            diagonal = Movement.pad(diagonal, new long[diagonal.rank()], end, "constant", null);
        }
        Output rows = Movement.unsqueeze(diagonal, diagonal.rank() - 1);
        return List.of(TfTensor.of(Elementwise.select(SelectTranslators.bandMask(size[0], size[1], 0, 0), rows, x)));
    }

    /** Diag: a tensor of static shape D as the diagonal of a [D, D] tensor, zeros elsewhere. */
    public static List<TfTensor> diag(NodeContext node) {
        Output x = node.input(0);
        long[] dims = staticDims(node, x);
        long count = LongStream.of(dims).reduce(1, (a, b) -> a * b);
        node.require(count * count <= MASK_LIMIT, "makes " + count * count + " elements, more than " + MASK_LIMIT);
        Output columns = Movement.unsqueeze(Movement.reshape(x, count), 1);
        Output square = Elementwise.select(SelectTranslators.bandMask(count, count, 0, 0), columns,
                Constants.scalar(x.type(), 0));
        long[] doubled = LongStream.concat(LongStream.of(dims), LongStream.of(dims)).toArray();
        return List.of(TfTensor.of(Movement.reshape(square, doubled)));
    }

    /** DiagPart: of a tensor of static shape [D, D], the diagonal, of shape D. */
    public static List<TfTensor> diagPart(NodeContext node) {
        Output x = node.input(0);
        long[] dims = staticDims(node, x);
        int half = dims.length / 2;
        long[] outer = Arrays.copyOf(dims, half);
        node.require(dims.length % 2 == 0 && half > 0 && Arrays.equals(outer, Arrays.copyOfRange(dims, half,
                dims.length)), "needs a shape [D, D] of even rank, not " + x.shape());
        long count = LongStream.of(outer).reduce(1, (a, b) -> a * b);
        Output diagonal = diagonalOf(node, Movement.reshape(x, count, count));
        return List.of(TfTensor.of(Movement.reshape(diagonal, outer)));
    }

    /** MatrixInverse: Inverse-14 of each innermost square matrix, of the conjugate transpose when adjoint. */
    public static List<TfTensor> matrixInverse(NodeContext node) {
        Output x = node.input(0);
        node.require(x.rank() >= 2, "needs an input of rank 2 or more");
        return List.of(TfTensor.of(Node.builder("Inverse", "opset14").attribute("adjoint",
                node.attrs().bool("adjoint", false)).inputs(x).output(x.type(), x.shape()).buildOutput()));
    }

    /**
     * The main diagonal of [..., M, N]: the mask keeps it, the rest is 0 (false), and the longer of the two axes
     * is summed (or-ed) away: each remaining line holds one diagonal element.
     */
    private static Output diagonalOf(NodeContext node, Output x) {
        long[] size = matrixSize(node, x);
        Output masked = Elementwise.select(SelectTranslators.bandMask(size[0], size[1], 0, 0), x,
                Constants.scalar(x.type(), 0));
        long axis = size[0] >= size[1] ? x.rank() - 2 : x.rank() - 1;
        return Reductions.reduce(x.type() == ElementType.BOOLEAN ? "ReduceLogicalOr" : "ReduceSum", masked,
                new long[] {axis}, false);
    }

    private static long[] matrixSize(NodeContext node, Output x) {
        node.require(x.rank() >= 2, "needs an input of rank 2 or more");
        long rows = x.shape().dim(x.rank() - 2);
        long columns = x.shape().dim(x.rank() - 1);
        node.require(rows >= 0 && columns >= 0 && rows * columns <= MASK_LIMIT,
                "needs matrices of a static size up to " + MASK_LIMIT + " elements, not " + x.shape());
        return new long[] {rows, columns};
    }

    private static long[] staticDims(NodeContext node, Output x) {
        node.require(x.shape().isFullyDefined(), "needs an input of static shape, not " + x.shape());
        return x.shape().dims();
    }
}
