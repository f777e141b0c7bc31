package dev.tfir.convert.ops;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import java.util.ArrayList;
import java.util.List;

/**
 * ReduceMean, ReduceSum, ReduceMax, ReduceMin, ReduceProd (opset1) over constant axes, and the index of the largest
 * or smallest element along an axis (TopK with k = 1, opset11).
 */
public final class Reductions {
    private Reductions() {}

    public static Output reduce(String type, Output x, long[] axes, boolean keepDims) {
        int rank = x.rank();
        boolean[] reduced = Dims.axisSet(axes, rank);
        List<Long> dims = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            if (!reduced[i]) {
                dims.add(x.shape().dim(i));
            } else if (keepDims) {
                dims.add(1L);
            }
        }
        return Node.builder(type, "opset1").attribute("keep_dims", keepDims).inputs(x, Constants.i64(axes))
                .output(x.type(), PartialShape.of(dims.stream().mapToLong(Long::longValue).toArray()))
                .buildOutput();
    }

    /**
     * The index of the largest ({@code mode} "max") or smallest ("min") element along {@code axis}, the axis removed:
     * TopK (opset11) with k = 1, stable so that of equal elements the first wins, as in TensorFlow's ArgMax.
     */
    public static Output argExtreme(Output x, int axis, String mode, ElementType indexType) {
        long[] dims = x.shape().dims();
        dims[axis] = 1;
        Node topK = Node.builder("TopK", "opset11").attribute("axis", Long.toString(axis)).attribute("mode", mode)
                .attribute("sort", "value").attribute("index_element_type", indexType.irName())
                .attribute("stable", true).inputs(x, Constants.i64Scalar(1))
                .output(x.type(), PartialShape.of(dims)).output(indexType, PartialShape.of(dims)).build();
        return Movement.squeeze(topK.output(1), axis);
    }
}
