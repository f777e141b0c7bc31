package dev.tfir.convert.ops;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import java.util.stream.LongStream;

/** Elementwise ops: numpy-broadcasting binary ops, unary activations, Clamp and Convert. */
public final class Elementwise {
    /** A constant condition of up to this many elements is read at conversion. */
    private static final long DECIDED_LIMIT = 1 << 16;

    private Elementwise() {}

    /**
     * A binary op of opset1 with {@code auto_broadcast="numpy"}: Add, Subtract, Multiply, Divide, Maximum, Minimum,
     * Power, SquaredDifference; comparisons (Less, Greater...) give booleans; the bitwise ops of later opsets.
     * Constants are folded ({@link ElementwiseFolding}).
     */
    public static Output binary(String type, Output a, Output b) {
        if (a.type() != b.type()) {
            throw new ConversionException(type + " of " + a.type().irName() + " and " + b.type().irName()
                    + " values; both inputs must have the same element type");
        }
        Output folded = ElementwiseFolding.binary(type, a, b);
        if (folded != null) {
            return folded;
        }
        Node.Builder node = Node.builder(type, opsetOf(type)).attribute("auto_broadcast", "numpy");
        if (type.equals("Divide")) {
            node.attribute("m_pythondiv", true);
        }
        ElementType result = isComparison(type) ? ElementType.BOOLEAN : a.type();
        return node.inputs(a, b).output(result, Shapes.broadcast(a.shape(), b.shape(), true)).buildOutput();
    }

    public static Output add(Output a, Output b) {
        return binary("Add", a, b);
    }

    public static Output multiply(Output a, Output b) {
        return binary("Multiply", a, b);
    }

    /** A unary op without attributes (ReLU, Sigmoid, Tanh, Exp, Log, Sqrt, Abs, Negative, Floor...); of a constant, folded. */
    public static Output unary(String type, String opset, Output x) {
        Output folded = ElementwiseFolding.unary(type, x);
        if (folded != null) {
            return folded;
        }
        return Node.builder(type, opset).inputs(x).output(x.type(), x.shape()).buildOutput();
    }

    /** Elu-1: x for x > 0, alpha * (exp(x) - 1) below. */
    public static Output elu(Output x, double alpha) {
        return Node.builder("Elu", "opset1").attribute("alpha", alpha).inputs(x).output(x.type(), x.shape())
                .buildOutput();
    }

    /** Selu-1: lambda * (x for x > 0, alpha * (exp(x) - 1) below), alpha and lambda as scalar constants. */
    public static Output selu(Output x, double alpha, double lambda) {
        return Node.builder("Selu", "opset1").inputs(x, Constants.scalar(x.type(), alpha),
                Constants.scalar(x.type(), lambda)).output(x.type(), x.shape()).buildOutput();
    }

    /** Round-5 to the nearest integer, halves to even (TensorFlow's banker's rounding). */
    public static Output roundHalfToEven(Output x) {
        return Node.builder("Round", "opset5").attribute("mode", "half_to_even").inputs(x)
                .output(x.type(), x.shape()).buildOutput();
    }

    /**
     * Select-1 with numpy broadcasting: {@code then} where the condition holds, else {@code otherwise}. A constant
     * condition of one value picks its branch when that has the result's shape (tf.linspace's axis, a SelectV2 of a
     * constant condition, feeds a ConcatV2 that needs it constant). Booleans are selected by logical ops.
     */
    public static Output select(Output condition, Output then, Output otherwise) {
        if (then.type() != otherwise.type()) {
            throw new ConversionException("Select of " + then.type().irName() + " and " + otherwise.type().irName()
                    + " values; both branches must have the same element type");
        }
        PartialShape shape = Shapes.broadcast(condition.shape(), Shapes.broadcast(then.shape(), otherwise.shape(),
                true), true);
        long[] decided = condition.isConstant() && condition.constant().elementCount() <= DECIDED_LIMIT
                ? condition.constant().longs() : null;
        if (decided != null && decided.length > 0 && LongStream.of(decided).allMatch(value -> value == decided[0])) {
            Output picked = decided[0] != 0 ? then : otherwise;
            if (shape.isFullyDefined() && picked.shape().equals(shape)) {
                return picked;
            }
        }
        if (then.type() == ElementType.BOOLEAN) {  // OpenVINO's CPU refuses a Select of booleans (u8 inside)
            return binary("LogicalOr", binary("LogicalAnd", condition, then),
                    binary("LogicalAnd", unary("LogicalNot", "opset1", condition), otherwise));
        }
        return Node.builder("Select", "opset1").attribute("auto_broadcast", "numpy")
                .inputs(condition, then, otherwise).output(then.type(), shape).buildOutput();
    }

    /** IsNaN, IsInf (both signs), IsFinite of opset10: booleans of x's shape. */
    public static Output classify(String type, Output x) {
        Node.Builder node = Node.builder(type, "opset10");
        if (type.equals("IsInf")) {
            node.attribute("detect_negative", true).attribute("detect_positive", true);
        }
        return node.inputs(x).output(ElementType.BOOLEAN, x.shape()).buildOutput();
    }

    /** Bucketize-3: the index of each value's bucket among the sorted boundaries (right bounds excluded), int32. */
    public static Output bucketize(Output x, Output boundaries) {
        return Node.builder("Bucketize", "opset3").attribute("output_type", "i32")
                .attribute("with_right_bound", false).inputs(x, boundaries).output(ElementType.I32, x.shape())
                .buildOutput();
    }

    /** Clamp-1: min(max(x, low), high). */
    public static Output clamp(Output x, double low, double high) {
        return Node.builder("Clamp", "opset1").attribute("min", low).attribute("max", high).inputs(x)
                .output(x.type(), x.shape()).buildOutput();
    }

    /** PRelu-1 with one slope for all elements: x for x >= 0, slope * x below. */
    public static Output prelu(Output x, double slope) {
        Output slopes = Constants.of(ConstTensor.ofDoubles(x.type(), new long[] {1}, slope));
        return Node.builder("PRelu", "opset1").inputs(x, slopes).output(x.type(), x.shape()).buildOutput();
    }

    /** Convert-1 to another element type; a constant is converted right away. */
    public static Output convert(Output x, ElementType target) {
        if (x.type() == target) {
            return x;
        }
        if (x.isConstant()) {
            return Constants.of(x.constant().converted(target));
        }
        return convertNode(x, target);
    }

    /** Convert-1 as a node, also of a constant (FP16 weights decompressed at load time). */
    public static Output convertNode(Output x, ElementType target) {
        return Node.builder("Convert", "opset1").attribute("destination_type", target.irName()).inputs(x)
                .output(target, x.shape()).buildOutput();
    }

    /** opset1, but for the bitwise ops (BitwiseAnd-13..., the shifts of opset15). */
    private static String opsetOf(String type) {
        return switch (type) {
            case "BitwiseAnd", "BitwiseOr", "BitwiseXor" -> "opset13";
            case "BitwiseLeftShift", "BitwiseRightShift" -> "opset15";
            default -> "opset1";
        };
    }

    private static boolean isComparison(String type) {
        return switch (type) {
            case "Less", "LessEqual", "Greater", "GreaterEqual", "Equal", "NotEqual", "LogicalAnd", "LogicalOr",
                    "LogicalXor" -> true;
            default -> false;
        };
    }
}
