package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Arithmetic;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.ops.Reductions;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * Elementwise math TensorFlow has as single ops and OpenVINO builds from several: Div and TruncateDiv (quotients
 * toward zero), the ops that give 0 where an operand is 0 (DivNoNan, MulNoNan, Xlogy, Xlog1py, Xdivy), Atan2,
 * ApproximateEqual, Erfc; EuclideanNorm and L2Loss; Cross.
 */
public final class ArithmeticTranslators {
    private ArithmeticTranslators() {}

    /** Div: floats divide, integers divide rounding toward zero. */
    public static List<TfTensor> div(NodeContext node) {
        return binary(node, (x, y) -> x.type().isFloating() ? Elementwise.binary("Divide", x, y)
                : Arithmetic.truncatingDivide(x, y));
    }

    /** TruncateDiv: the quotient rounded toward zero; of floats sign(q) * floor(|q|). */
    public static List<TfTensor> truncateDiv(NodeContext node) {
        return binary(node, (x, y) -> {
            if (!x.type().isFloating()) {
                return Arithmetic.truncatingDivide(x, y);
            }
            Output quotient = Elementwise.binary("Divide", x, y);
            return Elementwise.multiply(Elementwise.unary("Sign", "opset1", quotient), Elementwise.unary("Floor",
                    "opset1", Elementwise.unary("Abs", "opset1", quotient)));
        });
    }

    /** DivNoNan: x / y, 0 where y is 0. */
    public static List<TfTensor> divNoNan(NodeContext node) {
        return binary(node, (x, y) -> zeroWhereZero(y, Elementwise.binary("Divide", x, y)));
    }

    /** MulNoNan: x * y, 0 where y is 0 (also where x is inf or NaN). */
    public static List<TfTensor> mulNoNan(NodeContext node) {
        return binary(node, (x, y) -> zeroWhereZero(y, Elementwise.multiply(x, y)));
    }

    /** Xlogy: x * log(y), 0 where x is 0. */
    public static List<TfTensor> xlogy(NodeContext node) {
        return binary(node, (x, y) -> zeroWhereZero(x, Elementwise.multiply(x, Elementwise.unary("Log", "opset1", y))));
    }

    /** Xlog1py: x * log(1 + y), 0 where x is 0. */
    public static List<TfTensor> xlog1py(NodeContext node) {
        return binary(node, (x, y) -> zeroWhereZero(x, Elementwise.multiply(x, Elementwise.unary("Log", "opset1",
                Elementwise.add(y, Constants.scalar(y.type(), 1))))));
    }

    /** Xdivy: x / y, 0 where x is 0. */
    public static List<TfTensor> xdivy(NodeContext node) {
        return binary(node, (x, y) -> zeroWhereZero(x, Elementwise.binary("Divide", x, y)));
    }

    /** Atan2 of y (input 0) and x (input 1), as TensorFlow ({@link Arithmetic#atan2}). */
    public static List<TfTensor> atan2(NodeContext node) {
        return binary(node, Arithmetic::atan2);
    }

    /** ApproximateEqual: |x - y| < tolerance. */
    public static List<TfTensor> approximateEqual(NodeContext node) {
        double tolerance = node.real("tolerance", 1e-5);
        return binary(node, (x, y) -> Elementwise.binary("Less", Elementwise.unary("Abs", "opset1",
                Elementwise.binary("Subtract", x, y)), Constants.scalar(x.type(), tolerance)));
    }

    /** Erfc: 1 - erf(x). */
    public static List<TfTensor> erfc(NodeContext node) {
        return List.of(node.tensor(0).map(x -> Elementwise.binary("Subtract", Constants.scalar(x.type(), 1),
                Elementwise.unary("Erf", "opset1", x))));
    }

    /** EuclideanNorm: sqrt of the sum of squares over the constant axes (input 1), of floats. */
    public static List<TfTensor> euclideanNorm(NodeContext node) {
        Output x = node.input(0);
        node.require(x.type().isFloating(), "needs a floating-point input");
        Output sum = Reductions.reduce("ReduceSum", Elementwise.multiply(x, x), node.constantInput(1, "axes"),
                node.attrs().bool("keep_dims", false));
        return List.of(TfTensor.of(Elementwise.unary("Sqrt", "opset1", sum)));
    }

    /** L2Loss: half the sum of squares of all elements, a scalar. */
    public static List<TfTensor> l2Loss(NodeContext node) {
        Output x = node.input(0);
        long[] all = new long[x.rank()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Output sum = Reductions.reduce("ReduceSum", Elementwise.multiply(x, x), all, false);
        return List.of(TfTensor.of(Elementwise.binary("Divide", sum, Constants.scalar(x.type(), 2))));
    }

    /** {@code value} with 0 where {@code operand} is 0. */
    /** Cross: the cross product of the 3-vectors along the last axis, a.yzx * b.zxy - a.zxy * b.yzx. */
    public static List<TfTensor> cross(NodeContext node) {
        Output a = node.input(0);
        node.require(a.rank() >= 1 && a.shape().dim(a.rank() - 1) == 3, "needs inputs whose last axis is 3, not "
                + a.shape());
        return binary(node, (x, y) -> Elementwise.binary("Subtract",
                Elementwise.multiply(rotate(x, 1, 2, 0), rotate(y, 2, 0, 1)),
                Elementwise.multiply(rotate(x, 2, 0, 1), rotate(y, 1, 2, 0))));
    }

    private static Output rotate(Output x, long... order) {
        return Movement.gather(x, Constants.i64(order), -1);
    }

    private static Output zeroWhereZero(Output operand, Output value) {
        Output zero = Constants.scalar(value.type(), 0);
        return Elementwise.select(Elementwise.binary("Equal", operand, Constants.scalar(operand.type(), 0)), zero,
                value);
    }

    private static List<TfTensor> binary(NodeContext node, BinaryOperator<Output> op) {
        return List.of(TfTensor.of(op.apply(node.input(0), node.input(1))));
    }
}
