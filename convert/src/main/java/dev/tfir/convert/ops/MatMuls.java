package dev.tfir.convert.ops;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;

/** MatMul-1 of matrices or batches of matrices (batch dims broadcast). */
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

    private static PartialShape batchOf(Output x) {
        long[] dims = x.shape().dims();
        long[] batch = new long[dims.length - 2];
        System.arraycopy(dims, 0, batch, 0, batch.length);
        return PartialShape.of(batch);
    }
}
