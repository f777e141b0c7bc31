package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.OpTable;
import dev.tfir.convert.translate.OpTranslator;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;
import java.util.function.BiFunction;

/** Elementwise ops of one input; they work in either layout, so the result keeps the input's. */
public final class UnaryTranslators {
    /** TensorFlow op, OpenVINO op and its opset, for the ops that map one to one without attributes. */
    private static final String[][] ONE_TO_ONE = {
        {"Relu", "ReLU", "opset1"}, {"Sigmoid", "Sigmoid", "opset1"}, {"Tanh", "Tanh", "opset1"},
        {"Exp", "Exp", "opset1"}, {"Log", "Log", "opset1"}, {"Sqrt", "Sqrt", "opset1"}, {"Abs", "Abs", "opset1"},
        {"Neg", "Negative", "opset1"}, {"Floor", "Floor", "opset1"}, {"Ceil", "Ceiling", "opset1"},
        {"Erf", "Erf", "opset1"}, {"Softplus", "SoftPlus", "opset4"},
    };

    private UnaryTranslators() {}

    public static void register(OpTable table) {
        for (String[] op : ONE_TO_ONE) {
            table.add(1, unary((node, x) -> Elementwise.unary(op[1], op[2], x)), op[0]);
        }
        table.add(1, unary((node, x) -> Elementwise.clamp(x, 0, 6)), "Relu6");
        table.add(1, unary((node, x) -> Elementwise.binary("Power", x, Constants.scalar(x.type(), -0.5))),
                "Rsqrt");
        table.add(1, unary((node, x) -> Elementwise.multiply(x, x)), "Square");
        table.add(1, unary((node, x) -> Elementwise.prelu(x, node.real("alpha", 0.2))), "LeakyRelu");
    }

    private static OpTranslator unary(BiFunction<NodeContext, Output, Output> op) {
        return node -> List.<TfTensor>of(node.tensor(0).map(x -> op.apply(node, x)));
    }
}
