package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.OpTranslator;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;
import java.util.function.UnaryOperator;

/** Elementwise ops of one input; they work in either layout, so the result keeps the input's. */
public final class UnaryTranslators {
    private static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    private static final double SELU_SCALE = 1.0507009873554804934193349852946;

    private UnaryTranslators() {}

    /** The OpenVINO op {@code irType} of {@code opset}, which maps one to one without attributes. */
    public static OpTranslator unary(String irType, String opset) {
        return node -> apply(node, x -> Elementwise.unary(irType, opset, x));
    }

    public static List<TfTensor> relu6(NodeContext node) {
        return apply(node, x -> Elementwise.clamp(x, 0, 6));
    }

    public static List<TfTensor> rsqrt(NodeContext node) {
        return apply(node, x -> Elementwise.binary("Power", x, Constants.scalar(x.type(), -0.5)));
    }

    public static List<TfTensor> square(NodeContext node) {
        return apply(node, x -> Elementwise.multiply(x, x));
    }

    public static List<TfTensor> leakyRelu(NodeContext node) {
        return apply(node, x -> Elementwise.prelu(x, node.real("alpha", 0.2)));
    }

    public static List<TfTensor> elu(NodeContext node) {
        return apply(node, x -> Elementwise.elu(x, 1.0));
    }

    /** Selu with TensorFlow's fixed constants (those of Klambauer et al.). */
    public static List<TfTensor> selu(NodeContext node) {
        return apply(node, x -> Elementwise.selu(x, SELU_ALPHA, SELU_SCALE));
    }

    public static List<TfTensor> round(NodeContext node) {
        return apply(node, Elementwise::roundHalfToEven);
    }

    /** Reciprocal (Inv): x to the power -1. */
    public static List<TfTensor> reciprocal(NodeContext node) {
        node.require(node.inputType(0).isFloating(), "needs a floating-point input");
        return apply(node, x -> Elementwise.binary("Power", x, Constants.scalar(x.type(), -1)));
    }

    /** IsNan, IsInf, IsFinite: the OpenVINO op {@code irType} of opset10, giving booleans. */
    public static OpTranslator classify(String irType) {
        return node -> apply(node, x -> Elementwise.classify(irType, x));
    }

    /** Expm1: exp(x) - 1. */
    public static List<TfTensor> expm1(NodeContext node) {
        return apply(node, x -> Elementwise.binary("Subtract", Elementwise.unary("Exp", "opset1", x),
                Constants.scalar(x.type(), 1)));
    }

    /** Log1p: log(1 + x). */
    public static List<TfTensor> log1p(NodeContext node) {
        return apply(node, x -> Elementwise.unary("Log", "opset1", Elementwise.add(x, Constants.scalar(x.type(), 1))));
    }

    /** ClipByValue: min(max(x, low), high), low and high tensors that broadcast to x. */
    public static List<TfTensor> clipByValue(NodeContext node) {
        return List.of(TfTensor.of(Elementwise.binary("Minimum", Elementwise.binary("Maximum", node.input(0),
                node.input(1)), node.input(2))));
    }

    /** Bucketize with the {@code boundaries} attribute (sorted floats, as TensorFlow requires). */
    public static List<TfTensor> bucketize(NodeContext node) {
        List<Float> boundaries = node.attrs().floats("boundaries");
        double[] values = new double[boundaries.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = boundaries.get(i);
            node.require(i == 0 || values[i] >= values[i - 1], "has boundaries that are not sorted");
        }
        return apply(node, x -> Elementwise.bucketize(x, Constants.of(ConstTensor.ofDoubles(ElementType.F32,
                new long[] {values.length}, values))));
    }

    private static List<TfTensor> apply(NodeContext node, UnaryOperator<Output> op) {
        return List.of(node.tensor(0).map(op));
    }
}
