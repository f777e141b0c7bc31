package dev.tfir.convert.ops;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.DoubleStream;

/**
 * ReduceMean, ReduceSum, ReduceMax, ReduceMin, ReduceProd (opset1) over constant axes (of a small constant,
 * folded), and the index of the largest or smallest element along an axis (TopK with k = 1, opset11).
 */
public final class Reductions {
    /** Constants up to this size are reduced at conversion. */
    private static final long FOLD_LIMIT = 1 << 16;
    private static final Map<String, DoubleBinaryOperator> FOLDED = Map.of("ReduceSum", Double::sum,
            "ReduceMean", Double::sum, "ReduceProd", (a, b) -> a * b, "ReduceMax", Math::max, "ReduceMin", Math::min);

    private Reductions() {}

    /** CumSum-3 along {@code axis}: exclusive leaves each element out of its own sum, reverse sums from the end. */
    public static Output cumulativeSum(Output x, long axis, boolean exclusive, boolean reverse) {
        return Node.builder("CumSum", "opset3").attribute("exclusive", exclusive).attribute("reverse", reverse)
                .inputs(x, Constants.i64Scalar(axis)).output(x.type(), x.shape()).buildOutput();
    }

    public static Output reduce(String type, Output x, long[] axes, boolean keepDims) {
        long[] outDims = Shapes.reduced(x.shape(), axes, keepDims).dims();
        Output folded = folded(type, x, Shapes.axisSet(axes, x.rank()), outDims);
        if (folded != null) {
            return folded;
        }
        return Node.builder(type, "opset1").attribute("keep_dims", keepDims).inputs(x, Constants.i64(axes))
                .output(x.type(), PartialShape.of(outDims)).buildOutput();
    }

    /**
     * The reduction of a constant computed at conversion (the Prod of a shape, a Sum of constants...), or null:
     * integers exactly, floats in double rounded once to the element type.
     */
    private static Output folded(String type, Output x, boolean[] reduced, long[] outDims) {
        DoubleBinaryOperator op = FOLDED.get(type);
        if (op == null || !x.isConstant() || x.constant().elementCount() > FOLD_LIMIT) {
            return null;
        }
        long[] in = x.constant().shape();
        double[] values = x.constant().doubles();
        int outCount = Math.toIntExact(PartialShape.of(outDims).elementCount());
        double[] result = new double[outCount];
        long[] counts = new long[outCount];
        long[] index = new long[in.length];
        for (double value : values) {
            int at = 0;
            for (int d = 0; d < in.length; d++) {
                at = reduced[d] ? at : Math.toIntExact(at * in[d] + index[d]);
            }
            result[at] = counts[at]++ == 0 ? value : op.applyAsDouble(result[at], value);
            for (int d = in.length - 1; d >= 0 && ++index[d] == in[d]; d--) {
                index[d] = 0;
            }
        }
        if (type.equals("ReduceMean")) {
            for (int i = 0; i < outCount; i++) {
                result[i] /= counts[i];
            }
        }
        return Constants.of(x.type().isFloating() ? ConstTensor.ofDoubles(x.type(), outDims, result)
                : ConstTensor.ofLongs(x.type(), outDims, DoubleStream.of(result).mapToLong(v -> (long) v).toArray()));
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
