package dev.tfir.convert.translate.op;

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

    private static List<TfTensor> apply(NodeContext node, UnaryOperator<Output> op) {
        return List.of(node.tensor(0).map(op));
    }
}
