package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.F32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.AttrValue;

/**
 * Padding, joining and splitting translated alone on inputs made in memory. TensorFlow's shapes: Pad adds its
 * (before, after) pairs to each dim; ConcatV2 sums the axis; SplitV gives the sizes, a -1 taking the rest.
 */
class ArrayTranslatorsTest {
    private static final ConstTensor PADDINGS = ConstTensor.ofLongs(ElementType.I32, new long[] {4, 2},
            0, 0, 1, 2, 3, 4, 0, 0);

    @Test
    void padAddsItsPairs() {
        TfTensor y = InMemoryNode.of("Pad").input(F32, 1, 4, 4, 3).constant(PADDINGS)
                .translateOne(ArrayTranslators::pad);
        assertEquals("Pad", y.stored().node().type());
        assertArrayEquals(new long[] {1, 7, 11, 3}, y.tfLayout().shape().dims());
    }

    @Test
    void padOfRunTimePaddingsTakesThemApart() {
        TfTensor y = InMemoryNode.of("Pad").input(F32, 1, 84, 4).input(ElementType.I32, 3, 2)
                .translateOne(ArrayTranslators::pad);
        assertEquals("Pad", y.stored().node().type());
        assertEquals("Gather", y.stored().node().input(1).node().type());
        assertEquals(3, y.tfLayout().rank());
        ConversionException wrong = assertThrows(ConversionException.class, () -> InMemoryNode.of("Pad")
                .input(F32, 1, 84, 4).input(ElementType.I32, 2, 2).translateOne(ArrayTranslators::pad));
        assertTrue(wrong.getMessage().contains("TensorFlow needs (3, 2)"), wrong.getMessage());
    }

    @Test
    void padOfAChannelsFirstInputPadsItsAxesInThatOrder() {
        TfTensor channelsFirst = InMemoryNode.of("Conv2D").input(F32, 1, 8, 8, 3).input(F32, 1, 1, 3, 4)
                .attr("strides", 1, 1, 1, 1).attr("padding", "VALID").translateOne(ConvTranslators::conv2d);
        TfTensor y = InMemoryNode.of("Pad").input(channelsFirst).constant(PADDINGS).translateOne(ArrayTranslators::pad);
        assertTrue(y.isChannelsFirst());
        assertArrayEquals(new long[] {1, 4, 11, 15}, y.stored().shape().dims());
        assertArrayEquals(new long[] {1, 11, 15, 4}, y.tfLayout().shape().dims());
    }

    @Test
    void concatSumsTheAxis() {
        TfTensor y = InMemoryNode.of("ConcatV2").input(F32, 2, 3).input(F32, 2, 5)
                .constant(ConstTensor.ofLongs(ElementType.I32, new long[0], -1)).translateOne(ArrayTranslators::concat);
        assertEquals("Concat", y.stored().node().type());
        assertArrayEquals(new long[] {2, 8}, y.tfLayout().shape().dims());
    }

    @Test
    void splitVGivesItsSizesAndTheRest() {
        List<TfTensor> pieces = InMemoryNode.of("SplitV").input(F32, 2, 10)
                .constant(ConstTensor.vector(ElementType.I64, 3, -1, 2))
                .constant(ConstTensor.ofLongs(ElementType.I32, new long[0], 1)).translate(SplitTranslators::splitV);
        assertEquals(3, pieces.size());
        assertArrayEquals(new long[] {2, 3}, pieces.get(0).tfLayout().shape().dims());
        assertArrayEquals(new long[] {2, 5}, pieces.get(1).tfLayout().shape().dims());
        assertArrayEquals(new long[] {2, 2}, pieces.get(2).tfLayout().shape().dims());
        assertEquals("VariadicSplit", pieces.get(0).stored().node().type());
    }

    @Test
    void gatherWithBatchDimsMatchesTheLeadingAxes() {
        TfTensor y = InMemoryNode.of("GatherV2").input(F32, 2, 3, 6).input(ElementType.I32, 2, 3, 2)
                .constant(ConstTensor.ofLongs(ElementType.I32, new long[0], 2))
                .attr("batch_dims", AttrValue.newBuilder().setI(-1).build()).translateOne(ArrayTranslators::gather);
        assertEquals("2", y.stored().node().attributes().get("batch_dims"));
        assertArrayEquals(new long[] {2, 3, 2}, y.tfLayout().shape().dims());
        assertThrows(ConversionException.class, () -> InMemoryNode.of("GatherV2").input(F32, 2, 3, 6)
                .input(ElementType.I32, 2, 3, 2).constant(ConstTensor.ofLongs(ElementType.I32, new long[0], 0))
                .attr("batch_dims", AttrValue.newBuilder().setI(1).build()).translate(ArrayTranslators::gather));
    }

    /** OpenVINO's CPU Gather crashes on batch_dims over a static batch of one: the batch axes are left out. */
    @Test
    void gatherOverAUnitBatchIsWrittenWithoutItsBatchAxes() {
        TfTensor y = InMemoryNode.of("GatherV2").input(F32, 1, 84, 4).input(ElementType.I32, 1, 20)
                .constant(ConstTensor.ofLongs(ElementType.I32, new long[0], 1))
                .attr("batch_dims", AttrValue.newBuilder().setI(1).build()).translateOne(ArrayTranslators::gather);
        assertEquals("Unsqueeze", y.stored().node().type());
        var gather = y.stored().node().input(0).node();
        assertEquals("Gather", gather.type());
        assertEquals("0", gather.attributes().get("batch_dims"));
        assertArrayEquals(new long[] {1, 20, 4}, y.tfLayout().shape().dims());
    }

    @Test
    void resourceGatherGathersTheFrozenVariableAlongBatchDims() {
        TfTensor rows = InMemoryNode.of("ResourceGather").constant(ConstTensor.ofDoubles(F32, new long[] {4, 10, 3},
                new double[120])).input(ElementType.I32, 4, 5)
                .attr("batch_dims", AttrValue.newBuilder().setI(1).build())
                .translateOne(ArrayTranslators::resourceGather);
        assertEquals("1", rows.tfLayout().node().attributes().get("batch_dims"));
        assertArrayEquals(new long[] {4, 5, 3}, rows.tfLayout().shape().dims());
        ConversionException negative = assertThrows(ConversionException.class, () -> InMemoryNode.of("ResourceGather")
                .constant(ConstTensor.ofDoubles(F32, new long[] {4, 10}, new double[40])).input(ElementType.I32, 4)
                .attr("batch_dims", AttrValue.newBuilder().setI(-1).build())
                .translate(ArrayTranslators::resourceGather));
        assertEquals("has batch_dims -1; 0 or more is supported", negative.getMessage());
    }

    @Test
    void concatTakesItsAxisFirst() {
        TfTensor y = InMemoryNode.of("Concat").constant(ConstTensor.ofLongs(ElementType.I32, new long[0], -1))
                .input(F32, 2, 3).input(F32, 2, 4).translateOne(ArrayTranslators::concatAxisFirst);
        assertEquals("Concat", y.stored().node().type());
        assertArrayEquals(new long[] {2, 7}, y.tfLayout().shape().dims());
    }
}
