package dev.tfir.convert.ops;

import dev.tfir.convert.ConversionException;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import java.util.function.LongBinaryOperator;

/** Elementwise ops: numpy-broadcasting binary ops, unary activations, Clamp and Convert. */
public final class Elementwise {
    /** Integer constants up to this size are folded (shape arithmetic); floats are left to the runtime. */
    private static final int FOLD_LIMIT = 1024;

    private Elementwise() {}

    /**
     * A binary op of opset1 with {@code auto_broadcast="numpy"}: Add, Subtract, Multiply, Divide, Maximum, Minimum,
     * Power, SquaredDifference; comparisons (Less, Greater...) give booleans. Small integer constants are folded.
     */
    public static Output binary(String type, Output a, Output b) {
        if (a.type() != b.type()) {
            throw new ConversionException(type + " of " + a.type().irName() + " and " + b.type().irName()
                    + " values; both inputs must have the same element type");
        }
        Output folded = foldIntegers(type, a, b);
        if (folded != null) {
            return folded;
        }
        Node.Builder node = Node.builder(type, "opset1").attribute("auto_broadcast", "numpy");
        if (type.equals("Divide")) {
            node.attribute("m_pythondiv", true);
        }
        ElementType result = isComparison(type) ? ElementType.BOOLEAN : a.type();
        return node.inputs(a, b).output(result, Dims.broadcast(a.shape(), b.shape())).buildOutput();
    }

    public static Output add(Output a, Output b) {
        return binary("Add", a, b);
    }

    public static Output multiply(Output a, Output b) {
        return binary("Multiply", a, b);
    }

    /** A unary op without attributes (ReLU, Sigmoid, Tanh, Exp, Log, Sqrt, Abs, Negative, Floor...). */
    public static Output unary(String type, String opset, Output x) {
        return Node.builder(type, opset).inputs(x).output(x.type(), x.shape()).buildOutput();
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

    private static boolean isComparison(String type) {
        return switch (type) {
            case "Less", "LessEqual", "Greater", "GreaterEqual", "Equal", "NotEqual" -> true;
            default -> false;
        };
    }

    private static Output foldIntegers(String type, Output a, Output b) {
        LongBinaryOperator op = integerOp(type);
        if (op == null || !a.isConstant() || !b.isConstant() || !a.type().isInteger()) {
            return null;
        }
        ConstTensor left = a.constant();
        ConstTensor right = b.constant();
        if (left.elementCount() > FOLD_LIMIT || right.elementCount() > FOLD_LIMIT) {
            return null;
        }
        long[] shape = Dims.broadcast(left.partialShape(), right.partialShape()).dims();
        long[] x = Broadcasting.expand(left.longs(), left.shape(), shape);
        long[] y = Broadcasting.expand(right.longs(), right.shape(), shape);
        long[] result = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            result[i] = op.applyAsLong(x[i], y[i]);
        }
        return Constants.of(ConstTensor.ofLongs(a.type(), shape, result));
    }

    private static LongBinaryOperator integerOp(String type) {
        return switch (type) {
            case "Add" -> Math::addExact;
            case "Subtract" -> Math::subtractExact;
            case "Multiply" -> Math::multiplyExact;
            case "Divide" -> Math::floorDiv;
            case "Maximum" -> Math::max;
            case "Minimum" -> Math::min;
            default -> null;
        };
    }
}
