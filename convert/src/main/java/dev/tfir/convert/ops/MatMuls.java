package dev.tfir.convert.ops;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import java.util.List;

/** MatMul-1 of matrices or batches of matrices (batch dims broadcast), and Einsum-7. */
public final class MatMuls {
    private MatMuls() {}

    public static Output matMul(Output a, Output b, boolean transposeA, boolean transposeB) {
        if (a.rank() < 2 || b.rank() < 2) {
            throw new ConversionException("MatMul of " + a.shape() + " and " + b.shape() + "; both need rank >= 2");
        }
        long inA = a.shape().dim(a.rank() - (transposeA ? 2 : 1));
        long inB = b.shape().dim(b.rank() - (transposeB ? 1 : 2));
        if (Shapes.known(inA) && Shapes.known(inB) && inA != inB) {
            throw new ConversionException("MatMul of " + a.shape() + " and " + b.shape() + " (transposed: "
                    + transposeA + ", " + transposeB + ") has inner dims " + inA + " and " + inB
                    + "; they must be equal");
        }
        long rows = a.shape().dim(a.rank() - (transposeA ? 1 : 2));
        long columns = b.shape().dim(b.rank() - (transposeB ? 2 : 1));
        PartialShape batch = Shapes.broadcast(batchOf(a), batchOf(b), true);
        long[] dims = new long[batch.rank() + 2];
        System.arraycopy(batch.dims(), 0, dims, 0, batch.rank());
        dims[batch.rank()] = rows;
        dims[batch.rank() + 1] = columns;
        return Node.builder("MatMul", "opset1").attribute("transpose_a", transposeA)
                .attribute("transpose_b", transposeB).inputs(a, b).output(a.type(), PartialShape.of(dims))
                .buildOutput();
    }

    /** Einsum-7 of an explicit equation ("ij,jk->ik", no ellipsis), its output shape from {@link Shapes#einsum}. */
    public static Output einsum(String equation, List<Output> operands) {
        PartialShape out = Shapes.einsum(equation, operands.stream().map(Output::shape).toList());
        if (out == null) {
            throw new ConversionException("Einsum equation '" + equation + "' for " + operands.size()
                    + " operands; an explicit equation (with '->', no ellipsis) with one term per operand is needed");
        }
        for (int i = 0; i < operands.size(); i++) {
            String term = equation.replace(" ", "").split("->")[0].split(",", -1)[i];
            if (term.length() != operands.get(i).rank()) {
                throw new ConversionException("Einsum term '" + term + "' for an operand of rank "
                        + operands.get(i).rank());
            }
        }
        return Node.builder("Einsum", "opset7").attribute("equation", equation.replace(" ", "")).inputs(operands)
                .output(operands.get(0).type(), out).buildOutput();
    }

    private static PartialShape batchOf(Output x) {
        long[] dims = x.shape().dims();
        long[] batch = new long[dims.length - 2];
        System.arraycopy(dims, 0, batch, 0, batch.length);
        return PartialShape.of(batch);
    }
}
