package dev.tfir.convert.options;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ElementType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** mo's option syntax: --input, --input_shape, --mean_values/--scale_values, --layout. */
class OptionSyntaxTest {
    @Test
    void inputsWithShapesTypesPortsAndValues() {
        List<InputSpec> specs = InputSpec.parseList("input[1,224,224,3],mask{i32}[?,10],0:conv,flag{boolean}->True,"
                + "scale->[1.5 2.5]");

        assertEquals(new InputSpec("input", PartialShape.of(1, 224, 224, 3), null, null), specs.get(0));
        assertEquals(new InputSpec("mask", PartialShape.of(-1, 10), ElementType.I32, null), specs.get(1));
        assertEquals("0:conv", specs.get(2).name());
        assertEquals(List.of("True"), specs.get(3).value());
        assertEquals(ElementType.BOOLEAN, specs.get(3).type());
        assertEquals(List.of("1.5", "2.5"), specs.get(4).value());
        assertThrows(IllegalArgumentException.class, () -> InputSpec.parseList("x[2]->[1 2 3]"));
        assertThrows(IllegalArgumentException.class, () -> InputSpec.parseList("[1,2]"));
    }

    @Test
    void shapes() {
        assertEquals(List.of(PartialShape.of(1, 3), PartialShape.of(-1, 5)), ShapeText.parseList("[1,3],(?,5)"));
        assertEquals(PartialShape.of(), ShapeText.parse("[]"));
        assertEquals("[?,224,224,3]", ShapeText.format(PartialShape.of(-1, 224, 224, 3)));
        assertThrows(IllegalArgumentException.class, () -> ShapeText.parse("[1..5,3]"));
        assertThrows(IllegalArgumentException.class, () -> ShapeText.parse("1,3"));
    }

    @Test
    void namedAndUnnamedValues() {
        NamedValues unnamed = NamedValues.parse("[123.68,116.78,103.94]");
        assertNull(unnamed.groups().get(0).name());
        assertArrayEquals(new double[] {123.68, 116.78, 103.94}, unnamed.groups().get(0).values());

        NamedValues named = NamedValues.parse("data(1,2,3),info[255]");
        assertTrue(named.named());
        assertEquals("info", named.groups().get(1).name());
        assertArrayEquals(new double[] {255}, named.groups().get(1).values());
        assertThrows(IllegalArgumentException.class, () -> NamedValues.parse("data[1],[2]"));
        assertThrows(IllegalArgumentException.class, () -> NamedValues.parse("[1,a]"));
    }

    @Test
    void layouts() {
        LayoutSpec.Named single = LayoutSpec.parse("nhwc").layouts().get(0);
        assertNull(single.name());
        assertEquals(3, single.indexOf('C'));
        assertEquals(List.of(new LayoutSpec.Named("input", "NCHW"), new LayoutSpec.Named("mask", "N?")),
                LayoutSpec.parse("input(nchw),mask[n,?]").layouts());
        assertThrows(IllegalArgumentException.class, () -> LayoutSpec.parse("nhwc->nchw"));
        assertThrows(IllegalArgumentException.class, () -> LayoutSpec.parse("nhhc"));
    }
}
