package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.I32;
import static dev.tfir.convert.ir.ElementType.I64;
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
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;

/**
 * Fill, Range, Tile and ZerosLike translated alone: Broadcast-3 to constant or computed dims, a Range folded or
 * Range-4 of computed bounds, Tile-1's shape of constant or computed multiples.
 */
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
    void randomUniformIsSeededByTheOpsSeedsWithTensorFlowsAlignment() {
        Output random = InMemoryNode.of("RandomUniform").input(I32, 2).attr("dtype", DataType.DT_FLOAT)
                .attr("seed", AttrValue.newBuilder().setI(7).build())
                .attr("seed2", AttrValue.newBuilder().setI(11).build())
                .translateOne(FillTranslators::randomUniform).tfLayout();
        assertEquals("RandomUniform", random.node().type());
        assertEquals("opset8", random.node().opset());
        assertEquals("7", random.node().attributes().get("global_seed"));
        assertEquals("11", random.node().attributes().get("op_seed"));
        assertEquals("tensorflow", random.node().attributes().get("alignment"));
        assertArrayEquals(new long[] {-1, -1}, random.shape().dims());
    }

    @Test
    void randomInt64sAreRefusedForOpenVinoDrawsThemOtherwise() {
        ConversionException error = assertThrows(ConversionException.class, () -> InMemoryNode.of(
                "RandomUniformInt").constant(ConstTensor.vector(I32, 3)).input(I64).input(I64)
                .attr("Tout", DataType.DT_INT64).translate(FillTranslators::randomUniformInt));
        assertEquals("needs an int32 Tout: OpenVINO's RandomUniform draws int64 numbers otherwise than TensorFlow, "
                + "so they would differ", error.getMessage());
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
    void rangeOfAComputedLimitIsARange4OfUnknownLength() {
        // positions up to a sequence's length: Range(0, StridedSlice(Shape(ids), 1), 1)
        Output positions = InMemoryNode.of("Range").constant(ConstTensor.ofLongs(I32, new long[0], 0)).input(I32)
                .constant(ConstTensor.ofLongs(I32, new long[0], 1)).translateOne(FillTranslators::range).tfLayout();
        assertEquals("Range", positions.node().type());
        assertEquals("opset4", positions.node().opset());
        assertEquals("i32", positions.node().attributes().get("output_type"));
        assertEquals(I32, positions.type());
        assertArrayEquals(new long[] {-1}, positions.shape().dims());
        ConversionException error = assertThrows(ConversionException.class, () -> InMemoryNode.of("Range")
                .constant(ConstTensor.ofLongs(I32, new long[0], 0)).input(I32, 1)
                .constant(ConstTensor.ofLongs(I32, new long[0], 1)).translate(FillTranslators::range));
        assertEquals("needs scalar start, limit and delta of one type, not [i32[], i32[1], i32[]]",
                error.getMessage());
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
    void tileOfComputedMultiplesKnowsTheAxesOfKnownMultiples() {
        // a class token repeated over the batch: Tile(token [1, 1, 8], Pack(batch, 1, 1))
        Output batch = Sources.parameter(I64, PartialShape.of(1)).output(0);
        Output multiples = Movement.concat(List.of(batch, Constants.i64(1, 1)), 0);
        Output tiled = InMemoryNode.of("Tile").input(F32, 1, 1, 8).input(TfTensor.of(multiples))
                .translateOne(FillTranslators::tile).tfLayout();
        assertEquals("Tile", tiled.node().type());
        assertArrayEquals(new long[] {-1, 1, 8}, tiled.shape().dims());
        assertThrows(ConversionException.class, () -> InMemoryNode.of("Tile").input(F32, 2, 3).input(I32, -1)
                .translate(FillTranslators::tile));
    }

    @Test
    void zerosLikeOfADynamicShapeBroadcastsToItsShapeOf() {
        Output zeros = InMemoryNode.of("ZerosLike").input(F32, -1, 32).translateOne(FillTranslators::zerosLike)
                .tfLayout();
        assertEquals("Broadcast", zeros.node().type());
        assertEquals("ShapeOf", zeros.node().input(1).node().type());
        assertArrayEquals(new long[] {-1, 32}, zeros.shape().dims());
    }

    @Test
    void zerosLikeOfAStaticShapeIsABroadcastZero() {
        Output zeros = InMemoryNode.of("ZerosLike").input(F32, 2, 3).translateOne(FillTranslators::zerosLike)
                .tfLayout();
        assertEquals("Broadcast", zeros.node().type());
        assertEquals(0.0, zeros.node().input(0).constant().doubles()[0]);
        assertArrayEquals(new long[] {2, 3}, zeros.shape().dims());
    }

    @Test
    void smallIntegerFillsOfConstantDimsAreConstants() {
        // tf.signal.frame's StridedSlice takes ones_like of a constant shape as its strides, which must be constant
        Output ones = InMemoryNode.of("Fill").constant(ConstTensor.vector(I32, 2)).constant(ConstTensor.ofLongs(I32,
                new long[0], 1)).translateOne(FillTranslators::fill).tfLayout();
        assertArrayEquals(new long[] {1, 1}, ones.constant().longs());
        Output zeros = InMemoryNode.of("ZerosLike").input(I32, 2, 3).translateOne(FillTranslators::zerosLike)
                .tfLayout();
        assertArrayEquals(new long[] {2, 3}, zeros.constant().shape());
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
