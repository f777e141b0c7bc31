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
import org.tensorflow.proto.DataType;

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
    void bincountSumsTheWeightsOfTheValuesInRangeIntoSizeBins() {
        Output counts = InMemoryNode.of("Bincount").input(I32, 3, 5).input(I32).input(F32, 3, 5)
                .attr("T", DataType.DT_FLOAT).translateOne(SegmentTranslators.bincount(false)).stored();
        assertEquals("ScatterElementsUpdate", counts.node().type());
        assertEquals("sum", counts.node().attributes().get("reduction"));
        assertEquals("Select", counts.node().input(1).node().type()); // out-of-range values go to bin 0 ...
        assertEquals("Select", counts.node().input(2).node().type()); // ... with a weight of 0
        assertEquals(F32, counts.type());
        ConversionException rank = assertThrows(ConversionException.class, () -> InMemoryNode.of("DenseBincount")
                .input(I32, 2, 3, 4).input(I32).input(F32, 0).attr("T", DataType.DT_FLOAT)
                .translate(SegmentTranslators.bincount(true)));
        assertEquals("needs an input of rank 1 or 2, not [2, 3, 4]", rank.getMessage());
    }

    @Test
    void denseBincountOfRowsCountsEachRowApart() {
        Output rows = InMemoryNode.of("DenseBincount").input(I32, 4, 6).constant(ConstTensor.ofLongs(I32,
                new long[0], 7)).input(F32, 0).attr("T", DataType.DT_FLOAT).attr("binary_output", true)
                .translateOne(SegmentTranslators.bincount(true)).stored();
        assertEquals("Reshape", rows.node().type());
        assertEquals("Select", rows.node().input(0).node().type()); // binary_output: 1 where a count is > 0
        assertEquals(2, rows.rank());
    }

    @Test
    void numSegmentsMustBeAConstant() {
        ConversionException error = assertThrows(ConversionException.class, () -> InMemoryNode.of(
                "UnsortedSegmentSum").input(F32, 6, 2).input(I32, 6).input(I32)
                .translate(SegmentTranslators.unsorted("sum")));
        assertEquals("needs its num_segments (input 2) to be a constant", error.getMessage());
    }
}
