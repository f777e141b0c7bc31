package dev.tfir.convert.ops;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import java.util.ArrayList;
import java.util.List;

/** ReduceMean, ReduceSum, ReduceMax, ReduceMin, ReduceProd (opset1) over constant axes. */
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
}
