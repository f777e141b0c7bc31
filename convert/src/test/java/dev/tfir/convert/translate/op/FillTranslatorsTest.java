package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.I32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Output;
import org.junit.jupiter.api.Test;

/** Fill, Range and Tile translated alone: Broadcast-3 to constant or computed dims, a Range folded, Tile-1's shape. */
class FillTranslatorsTest {
    @Test
    void fillBroadcastsTheValueToTheConstantDims() {
        Output filled = InMemoryNode.of("Fill").constant(ConstTensor.vector(I32, 2, 3)).input(F32)
                .translateOne(FillTranslators::fill).tfLayout();
        assertEquals("Broadcast", filled.node().type());
        assertEquals("opset3", filled.node().opset());
        assertEquals(F32, filled.type());
        assertArrayEquals(new long[] {2, 3}, filled.shape().dims());
    }

    @Test
    void fillOfDimsComputedAtRunTimeHasUnknownDims() {
        // Keras' zero states: Fill(Pack(batch, units), 0) with the batch taken from the input's shape
        Output filled = InMemoryNode.of("Fill").input(I32, 2).input(F32).translateOne(FillTranslators::fill)
                .tfLayout();
        assertEquals("Broadcast", filled.node().type());
        assertEquals("Convert", filled.node().input(1).node().type());
        assertArrayEquals(new long[] {-1, -1}, filled.shape().dims());
        assertThrows(ConversionException.class, () -> InMemoryNode.of("Fill").input(I32, -1).input(F32)
                .translate(FillTranslators::fill));
    }

    @Test
    void rangeOfConstantsIsComputed() {
        Output ints = InMemoryNode.of("Range").constant(ConstTensor.ofLongs(I32, new long[0], 2))
                .constant(ConstTensor.ofLongs(I32, new long[0], 11)).constant(ConstTensor.ofLongs(I32, new long[0], 3))
                .translateOne(FillTranslators::range).tfLayout();
        assertArrayEquals(new long[] {2, 5, 8}, ints.constant().longs());
        Output down = InMemoryNode.of("Range").constant(ConstTensor.ofDoubles(F32, new long[0], 1))
                .constant(ConstTensor.ofDoubles(F32, new long[0], -0.5))
                .constant(ConstTensor.ofDoubles(F32, new long[0], -0.5))
                .translateOne(FillTranslators::range).tfLayout();
        assertArrayEquals(new double[] {1, 0.5, 0}, down.constant().doubles());
    }

    @Test
    void rangeOfAComputedLimitIsRefused() {
        ConversionException error = assertThrows(ConversionException.class, () -> InMemoryNode.of("Range")
                .constant(ConstTensor.ofLongs(I32, new long[0], 0)).input(I32)
                .constant(ConstTensor.ofLongs(I32, new long[0], 1)).translate(FillTranslators::range));
        assertEquals("needs constant start, limit and delta (input 1 is not); a Range of computed bounds is not "
                + "supported", error.getMessage());
    }

    @Test
    void tileMultipliesEachAxis() {
        Output tiled = InMemoryNode.of("Tile").input(F32, 2, 3).constant(ConstTensor.vector(I32, 2, 3))
                .translateOne(FillTranslators::tile).tfLayout();
        assertEquals("Tile", tiled.node().type());
        assertArrayEquals(new long[] {4, 9}, tiled.shape().dims());
        assertThrows(ConversionException.class, () -> InMemoryNode.of("Tile").input(F32, 2, 3)
                .constant(ConstTensor.vector(I32, 2)).translate(FillTranslators::tile));
    }

    @Test
    void zerosLikeOfAStaticShapeIsABroadcastZero() {
        Output zeros = InMemoryNode.of("ZerosLike").input(I32, 2, 3).translateOne(FillTranslators::zerosLike)
                .tfLayout();
        assertEquals("Broadcast", zeros.node().type());
        assertEquals(0L, zeros.node().input(0).constant().longs()[0]);
        assertArrayEquals(new long[] {2, 3}, zeros.shape().dims());
        assertThrows(ConversionException.class, () -> InMemoryNode.of("OnesLike").input(F32, -1, 3)
                .translate(FillTranslators::onesLike));
    }

    @Test
    void linSpaceAddsMultiplesOfTheStepToTheStart() {
        Output line = InMemoryNode.of("LinSpace").input(F32).input(F32).constant(ConstTensor.ofLongs(I32,
                new long[0], 5)).translateOne(FillTranslators::linSpace).tfLayout();
        assertEquals("Add", line.node().type());
        assertArrayEquals(new long[] {5}, line.shape().dims());
        ConversionException none = assertThrows(ConversionException.class, () -> InMemoryNode.of("LinSpace")
                .input(F32).input(F32).constant(ConstTensor.ofLongs(I32, new long[0], 0))
                .translate(FillTranslators::linSpace));
        assertEquals("has num 0; 1 or more are valid", none.getMessage());
    }
}
