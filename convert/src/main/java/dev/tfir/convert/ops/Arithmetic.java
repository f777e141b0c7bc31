package dev.tfir.convert.ops;

import dev.tfir.common.infer.Shapes;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;

/** Arithmetic beyond {@link Elementwise}'s: a truncating Divide, FakeQuantize, Atan2. */
public final class Arithmetic {
    private Arithmetic() {}

    /** Divide-1 rounding integer quotients toward zero (m_pythondiv false), as C and TensorFlow's Div do. */
    public static Output truncatingDivide(Output a, Output b) {
        return numpy(Node.builder("Divide", "opset1").attribute("m_pythondiv", false), a, b, a.type());
    }

    /**
     * FakeQuantize-1 to {@code levels} levels between low and high (numpy-broadcast to x), the same range in and out;
     * its range keeps f32 under FP16 compression (a range rounded to FP16 moves the whole grid).
     */
    public static Output fakeQuantize(Output x, Output low, Output high, long levels) {
        Node node = Node.builder("FakeQuantize", "opset1").attribute("levels", levels)
                .attribute("auto_broadcast", "numpy").inputs(x, low, high, low, high).output(x.type(), x.shape())
                .build();
        node.keepPrecision();
        return node.output(0);
    }

    /**
     * The angle of the point (x, y): atan(y / x), plus pi where x < 0 (minus pi when also y < 0); 0 where both are 0,
     * as TensorFlow's Atan2.
     */
    public static Output atan2(Output y, Output x) {
        Output zero = Constants.scalar(x.type(), 0);
        Output angle = Elementwise.unary("Atan", "opset1", Elementwise.binary("Divide", y, x));
        Output halfTurn = Elementwise.select(Elementwise.binary("Less", y, zero),
                Constants.scalar(x.type(), -Math.PI), Constants.scalar(x.type(), Math.PI));
        Output turned = Elementwise.select(Elementwise.binary("Less", x, zero), Elementwise.add(angle, halfTurn),
                angle);
        Output origin = Elementwise.binary("LogicalAnd", Elementwise.binary("Equal", x, zero),
                Elementwise.binary("Equal", y, zero));
        return Elementwise.select(origin, zero, turned);
    }

    private static Output numpy(Node.Builder node, Output a, Output b, ElementType result) {
        if (a.type() != b.type()) {
            throw new ConversionException("an op of " + a.type().irName() + " and " + b.type().irName()
                    + " values; both inputs must have the same element type");
        }
        return node.attribute("auto_broadcast", "numpy").inputs(a, b)
                .output(result, Shapes.broadcast(a.shape(), b.shape(), true)).buildOutput();
    }
}
