package dev.tfir.convert.ops;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import java.util.Arrays;

/**
 * Ops that pick or place elements by index: GatherND-8, OneHot-1, TopK-3, Reverse-1, Roll-7, ReverseSequence-1,
 * ScatterUpdate-3.
 */
public final class Indexing {
    private Indexing() {}

    /** GatherND-8: the last axis of {@code indices} indexes the leading axes of {@code data}. */
    public static Output gatherNd(Output data, Output indices) {
        long[] index = indices.shape().dims();
        long depth = index[index.length - 1];
        long[] dims = data.shape().dims();
        long[] out = new long[index.length - 1 + dims.length - (int) depth];
        System.arraycopy(index, 0, out, 0, index.length - 1);
        System.arraycopy(dims, (int) depth, out, index.length - 1, dims.length - (int) depth);
        return Node.builder("GatherND", "opset8").attribute("batch_dims", 0).inputs(data, indices)
                .output(data.type(), PartialShape.of(out)).buildOutput();
    }

    /** OneHot-1: a new axis {@code axis} (in the output's rank) of {@code depth}, on where it equals the index. */
    public static Output oneHot(Output indices, long depth, Output on, Output off, int axis) {
        long[] dims = indices.shape().dims();
        long[] out = new long[dims.length + 1];
        for (int i = 0, n = 0; i < out.length; i++) {
            out[i] = i == axis ? depth : dims[n++];
        }
        return Node.builder("OneHot", "opset1").attribute("axis", axis)
                .inputs(indices, Constants.i64Scalar(depth), on, off).output(on.type(), PartialShape.of(out)).build()
                .output(0);
    }

    /** TopK-3 along the last axis, largest first: (values, indices of {@code indexType}). */
    public static Node topK(Output x, long k, boolean sorted, ElementType indexType) {
        return topK(x, Constants.i64Scalar(k), k, sorted, indexType);
    }

    /** TopK-3 of a k known only at run time (a scalar): the last axis of the outputs unknown. */
    public static Node topK(Output x, Output k, boolean sorted, ElementType indexType) {
        return topK(x, Convert64.of(k), PartialShape.UNKNOWN_DIM, sorted, indexType);
    }

    private static Node topK(Output x, Output k, long kDim, boolean sorted, ElementType indexType) {
        long[] dims = x.shape().dims();
        dims[dims.length - 1] = kDim;
        return Node.builder("TopK", "opset3").attribute("axis", dims.length - 1).attribute("mode", "max")
                .attribute("sort", sorted ? "value" : "none").attribute("index_element_type", indexType.irName())
                .inputs(x, k).output(x.type(), PartialShape.of(dims))
                .output(indexType, PartialShape.of(dims)).build();
    }

    /** Reverse-1 (mode index) along the given axes. */
    public static Output reverse(Output x, long[] axes) {
        long[] normalized = Arrays.stream(axes).map(axis -> Shapes.axis(axis, x.rank())).sorted().toArray();
        return Node.builder("Reverse", "opset1").attribute("mode", "index").inputs(x, Constants.i64(normalized))
                .output(x.type(), x.shape()).buildOutput();
    }

    /** Roll-7: elements shifted along the axes (each a scalar or 1-D of as many values), wrapping around. */
    public static Output roll(Output x, Output shift, Output axes) {
        return Node.builder("Roll", "opset7").inputs(x, Convert64.of(shift), Convert64.of(axes))
                .output(x.type(), x.shape()).buildOutput();
    }

    /** ReverseSequence-1: along seqAxis, the first lengths[b] elements of each batch b (along batchAxis) reversed. */
    public static Output reverseSequence(Output x, Output lengths, int batchAxis, int seqAxis) {
        return Node.builder("ReverseSequence", "opset1").attribute("batch_axis", batchAxis)
                .attribute("seq_axis", seqAxis).inputs(x, lengths).output(x.type(), x.shape()).buildOutput();
    }

    /** ScatterUpdate-3 along axis 0: the rows of {@code data} at {@code indices} (1-D) replaced by {@code updates}. */
    public static Output scatterUpdate(Output data, Output indices, Output updates) {
        return Node.builder("ScatterUpdate", "opset3").inputs(data, indices, updates, Constants.i64Scalar(0))
                .output(data.type(), data.shape()).buildOutput();
    }
}
