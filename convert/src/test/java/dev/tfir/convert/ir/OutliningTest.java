package dev.tfir.convert.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tfir.common.types.PartialShape;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A value's computation copied into a body: stopping at values computed outside and at Parameters. */
class OutliningTest {
    private static final PartialShape SHAPE = PartialShape.of(2, 3);

    private static Output parameter() {
        return Node.builder("Parameter", "opset1").output(ElementType.F32, SHAPE).buildOutput();
    }

    private static Output op(String type, Output... inputs) {
        return Node.builder(type, "opset1").inputs(inputs).output(ElementType.F32, SHAPE).buildOutput();
    }

    @Test
    void copiesWhatTheValueNeedsUpToTheValuesComputedOutside() {
        Output x = parameter();
        Output y = parameter();
        Output outside = op("Relu", x);
        Output one = Node.constant(ConstTensor.ofDoubles(ElementType.F32, new long[0], 1)).output(0);
        Output inside = op("Add", op("Tanh", outside), one);
        Output value = op("Multiply", inside, y);

        List<Output> inputs = Outlining.inputs(value, Set.of(outside)::contains);
        assertEquals(List.of(outside, y), inputs, "the outside value and a Parameter, first met first");

        Output a = parameter();
        Output b = parameter();
        Output copy = Outlining.copy(value, Map.of(outside, a, y, b));
        assertEquals("Multiply", copy.node().type());
        assertNotSame(value.node(), copy.node());
        assertSame(b, copy.node().input(1));
        Node add = copy.node().input(0).node();
        assertEquals("Add", add.type());
        assertNotSame(inside.node(), add);
        assertSame(a, add.input(0).node().input(0), "Tanh reads the replacement of the outside value");
        assertEquals("Const", add.input(1).node().type());
        assertNotSame(one.node(), add.input(1).node(), "a constant is copied too");
        assertSame(one.node().value(), add.input(1).node().value());
        assertSame(x, outside.node().input(0), "the original is left as it was");
    }

    @Test
    void aValueComputedOutsideIsItsOwnInput() {
        Output outside = op("Relu", parameter());
        assertEquals(List.of(outside), Outlining.inputs(outside, Set.of(outside)::contains));
        Output replacement = parameter();
        assertSame(replacement, Outlining.copy(outside, Map.of(outside, replacement)));
    }
}
