package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.I32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.AttrValue;

/** DynamicStitch and DynamicPartition translated alone: constant Gathers, the later row of an index winning. */
class StitchTranslatorsTest {
    @Test
    void theLaterRowOfAnIndexIsGathered() {
        Output y = InMemoryNode.of("DynamicStitch").constant(ConstTensor.vector(I32, 0, 1, 2))
                .constant(ConstTensor.vector(I32, 2, 0)).input(F32, 3, 4).input(F32, 2, 4)
                .translateOne(StitchTranslators::stitch).stored();
        assertEquals("Gather", y.node().type());
        assertArrayEquals(new long[] {4, 1, 3}, y.node().input(1).constant().longs());
        assertArrayEquals(new long[] {3, 4}, y.shape().dims());
    }

    @Test
    void aRowLeftUnsetIsRefused() {
        ConversionException gap = assertThrows(ConversionException.class, () -> InMemoryNode.of("DynamicStitch")
                .constant(ConstTensor.vector(I32, 0, 2)).input(F32, 2, 4).translate(StitchTranslators::stitch));
        assertEquals("leaves row 1 of its output unset", gap.getMessage());
    }

    @Test
    void partitionGathersTheRowsOfEachPartition() {
        List<TfTensor> parts = InMemoryNode.of("DynamicPartition").input(F32, 5, 3)
                .constant(ConstTensor.vector(I32, 1, 0, 2, 1, 0)).attr("num_partitions", AttrValue.newBuilder().setI(3)
                        .build()).translate(StitchTranslators::partition);
        assertEquals(3, parts.size());
        assertArrayEquals(new long[] {0, 3}, parts.get(1).stored().node().input(1).constant().longs());
        assertArrayEquals(new long[] {2, 3}, parts.get(1).stored().shape().dims());
        ConversionException outside = assertThrows(ConversionException.class, () -> InMemoryNode.of("DynamicPartition")
                .input(F32, 2).constant(ConstTensor.vector(I32, 0, 2)).attr("num_partitions", AttrValue.newBuilder()
                        .setI(2).build()).translate(StitchTranslators::partition));
        assertEquals("has partitions [0, 2] outside 0..1", outside.getMessage());
    }
}
