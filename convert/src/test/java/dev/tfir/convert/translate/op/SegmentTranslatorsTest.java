package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.I32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import org.junit.jupiter.api.Test;

/** The segment reductions translated alone: ScatterElementsUpdate over the reduction's identity. */
class SegmentTranslatorsTest {
    @Test
    void maxStartsFromTheLowestFloatOfShapeSegmentsByRest() {
        Output y = InMemoryNode.of("UnsortedSegmentMax").input(F32, 2, 3, 4).input(I32, 2, 3)
                .constant(ConstTensor.ofLongs(I32, new long[0], 5)).translateOne(SegmentTranslators.unsorted("max"))
                .stored();
        assertArrayEquals(new long[] {5, 4}, y.shape().dims());
        Node scatter = y.node().input(0).node();
        assertEquals("ScatterElementsUpdate", scatter.type());
        assertEquals("max", scatter.attributes().get("reduction"));
        assertEquals(-Float.MAX_VALUE, scatter.input(0).node().input(0).constant().doubles()[0]);
        assertArrayEquals(new long[] {6, 4}, scatter.input(2).shape().dims());
    }

    @Test
    void sortedSegmentsAreAsManyAsTheLargestIdPlusOne() {
        Output mean = InMemoryNode.of("SegmentMean").input(F32, 7, 2, 3).input(I32, 7)
                .translateOne(SegmentTranslators.sorted("mean")).stored();
        assertEquals("Reshape", mean.node().type());
        assertArrayEquals(new long[] {-1, 2, 3}, mean.shape().dims());
        assertEquals("Divide", mean.node().input(0).node().type());
        ConversionException ids = assertThrows(ConversionException.class, () -> InMemoryNode.of("SegmentSum")
                .input(F32, 2, 3).input(I32, 2, 3).translate(SegmentTranslators.sorted("sum")));
        assertEquals("needs segment ids of rank 1, not [2, 3]", ids.getMessage());
    }

    @Test
    void numSegmentsMustBeAConstant() {
        ConversionException error = assertThrows(ConversionException.class, () -> InMemoryNode.of(
                "UnsortedSegmentSum").input(F32, 6, 2).input(I32, 6).input(I32)
                .translate(SegmentTranslators.unsorted("sum")));
        assertEquals("needs its num_segments (input 2) to be a constant", error.getMessage());
    }
}
