package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.I32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.AttrValue;

/** StridedSlice whose begin or end is computed at run time (x[i] in a loop body): the dims it bounds are unknown. */
class StridedSliceTranslatorTest {
    private static ConstTensor ints(long... values) {
        return ConstTensor.vector(I32, values);
    }

    private static AttrValue mask(long bits) {
        return AttrValue.newBuilder().setI(bits).build();
    }

    @Test
    void rowAtARunTimeIndexIsAShrunkAxis() {
        // x[i] of x [?, 4]: begin [i], end [i + 1], shrink axis 0
        Output row = InMemoryNode.of("StridedSlice").input(F32, -1, 4).input(I32, 1).input(I32, 1)
                .constant(ints(1)).attr("shrink_axis_mask", mask(1)).translateOne(ShapeTranslators::stridedSlice)
                .tfLayout();
        assertEquals("StridedSlice", row.node().type());
        assertArrayEquals(new long[] {4}, row.shape().dims());
        assertEquals(ElementType.I64, row.node().input(1).type());
    }

    @Test
    void rangeOfARunTimeBoundIsUnknownAndTheOtherAxesStay() {
        // x[:, 1:n] of x [3, 10]: axis 0 whole (masks), axis 1 bounded by n
        Output part = InMemoryNode.of("StridedSlice").input(F32, 3, 10).constant(ints(0, 1)).input(I32, 2)
                .constant(ints(1, 1)).attr("begin_mask", mask(1)).attr("end_mask", mask(1))
                .translateOne(ShapeTranslators::stridedSlice).tfLayout();
        assertArrayEquals(new long[] {3, -1}, part.shape().dims());
    }

    @Test
    void stridesComputedAtRunTimeAreRefused() {
        assertThrows(ConversionException.class, () -> InMemoryNode.of("StridedSlice").input(F32, 3, 10)
                .constant(ints(0)).constant(ints(1)).input(I32, 1).translate(ShapeTranslators::stridedSlice));
    }

    /** mask[:, None, None, :]: a StridedSlice without new axes, then an Unsqueeze adding them (OpenVINO 2024.6). */
    @Test
    void newAxesAreAnUnsqueezeAfterTheSliceOfTheOtherEntries() {
        Output expanded = InMemoryNode.of("StridedSlice").input(I32, -1, -1).constant(ints(0, 0, 0, 0))
                .constant(ints(0, 0, 0, 0)).constant(ints(1, 1, 1, 1)).attr("begin_mask", mask(9))
                .attr("end_mask", mask(9)).attr("new_axis_mask", mask(6))
                .translateOne(ShapeTranslators::stridedSlice).tfLayout();
        assertEquals("Unsqueeze", expanded.node().type());
        assertArrayEquals(new long[] {-1, 1, 1, -1}, expanded.shape().dims());
        assertArrayEquals(new long[] {1, 2}, expanded.node().input(1).constant().longs());
        Node slice = expanded.node().input(0).node();
        assertEquals("StridedSlice", slice.type());
        assertEquals("0, 0", slice.attributes().get("new_axis_mask"));
        assertEquals("1, 1", slice.attributes().get("begin_mask"));
    }

    /** x[1, None, 2:]: the shrunk entry takes no output axis, so the new one is axis 0. */
    @Test
    void aNewAxisAfterAShrunkEntryIsPlacedAmongTheOutputAxes() {
        Output expanded = InMemoryNode.of("StridedSlice").input(F32, -1, 5).constant(ints(1, 0, 2))
                .constant(ints(2, 0, 0)).constant(ints(1, 1, 1)).attr("shrink_axis_mask", mask(1))
                .attr("new_axis_mask", mask(2)).attr("end_mask", mask(4))
                .translateOne(ShapeTranslators::stridedSlice).tfLayout();
        assertArrayEquals(new long[] {1, 3}, expanded.shape().dims());
        assertArrayEquals(new long[] {0}, expanded.node().input(1).constant().longs());
    }
}
