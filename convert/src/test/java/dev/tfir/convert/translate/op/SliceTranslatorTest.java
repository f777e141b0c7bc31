package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.I32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.ops.Sources;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slice of constant begin and size folded into Slice-8's end; of a size computed at run time, the end selected. */
class SliceTranslatorTest {
    @Test
    void constantSizeMinusOneRunsToTheEnd() {
        Output part = InMemoryNode.of("Slice").input(F32, 4, 5).constant(ConstTensor.vector(I32, 1, 2))
                .constant(ConstTensor.vector(I32, 2, -1)).translateOne(ShapeTranslators::slice).tfLayout();
        assertEquals("Slice", part.node().type());
        assertArrayEquals(new long[] {3, 9223372036854775807L}, part.node().input(2).constant().longs());
        assertArrayEquals(new long[] {2, 3}, part.shape().dims());
        assertThrows(ConversionException.class, () -> InMemoryNode.of("Slice").input(F32, 4, 5)
                .constant(ConstTensor.vector(I32, -1, 0)).constant(ConstTensor.vector(I32, 2, 2))
                .translate(ShapeTranslators::slice));
    }

    @Test
    void sizeComputedAtRunTimeSelectsTheEnd() {
        // a position table cut to a sequence's length: Slice(table [512, 8], [0, 0], Pack(length, 8))
        Output length = Sources.parameter(I32, PartialShape.of(1)).output(0);
        Output size = Movement.concat(List.of(length, Constants.of(ConstTensor.vector(I32, 8))), 0);
        Output part = InMemoryNode.of("Slice").input(F32, 512, 8).constant(ConstTensor.vector(I32, 0, 0))
                .input(TfTensor.of(size)).translateOne(ShapeTranslators::slice).tfLayout();
        assertEquals("Slice", part.node().type());
        assertEquals("Select", part.node().input(2).node().type());
        assertArrayEquals(new long[] {-1, 8}, part.shape().dims());
        assertThrows(ConversionException.class, () -> InMemoryNode.of("Slice").input(F32, 512, 8)
                .constant(ConstTensor.vector(I32, 0)).input(I32, 1).translate(ShapeTranslators::slice));
    }
}
