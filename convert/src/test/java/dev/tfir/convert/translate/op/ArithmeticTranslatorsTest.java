package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.BOOLEAN;
import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.I32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Output;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.AttrValue;

/** The elementwise math built from several OpenVINO ops, translated alone on inputs made in memory. */
class ArithmeticTranslatorsTest {
    @Test
    void integerDivisionRoundsTowardZeroFloatsDivide() {
        Output ints = InMemoryNode.of("Div").input(I32, 3, 4).input(I32, 4).translateOne(ArithmeticTranslators::div)
                .stored();
        assertEquals("Divide", ints.node().type());
        assertEquals("false", ints.node().attributes().get("m_pythondiv"));
        assertArrayEquals(new long[] {3, 4}, ints.shape().dims());
        Output floats = InMemoryNode.of("Div").input(F32, 3, 4).input(F32, 4).translateOne(ArithmeticTranslators::div)
                .stored();
        assertEquals("true", floats.node().attributes().get("m_pythondiv"));
        Output truncated = InMemoryNode.of("TruncateDiv").input(F32, 2).input(F32, 2)
                .translateOne(ArithmeticTranslators::truncateDiv).stored();
        assertEquals("Multiply", truncated.node().type());
    }

    @Test
    void noNanOpsSelectZeroWhereTheOperandIsZero() {
        Output divided = InMemoryNode.of("DivNoNan").input(F32, 2, 3).input(F32, 3)
                .translateOne(ArithmeticTranslators::divNoNan).stored();
        assertEquals("Select", divided.node().type());
        assertEquals("Equal", divided.node().input(0).node().type());
        assertArrayEquals(new long[] {3}, divided.node().input(0).node().input(0).shape().dims());
        Output xlogy = InMemoryNode.of("Xlogy").input(F32, 2, 3).input(F32, 3)
                .translateOne(ArithmeticTranslators::xlogy).stored();
        assertArrayEquals(new long[] {2, 3}, xlogy.node().input(0).node().input(0).shape().dims());
    }

    @Test
    void comparisonsAndAtan2() {
        Output close = InMemoryNode.of("ApproximateEqual").input(F32, 3).input(F32, 3).attr("tolerance",
                AttrValue.newBuilder().setF(0.5f).build())
                .translateOne(ArithmeticTranslators::approximateEqual).stored();
        assertEquals(BOOLEAN, close.type());
        assertEquals(0.5, close.node().input(1).constant().doubles()[0]);
        Output atan2 = InMemoryNode.of("Atan2").input(F32, 2, 3).input(F32, 2, 3)
                .translateOne(ArithmeticTranslators::atan2).stored();
        assertEquals("Select", atan2.node().type());
    }

    @Test
    void normsReduce() {
        Output norm = InMemoryNode.of("EuclideanNorm").input(F32, 2, 3, 4).constant(ConstTensor.vector(I32, 1, -1))
                .attr("keep_dims", true).translateOne(ArithmeticTranslators::euclideanNorm).stored();
        assertEquals("Sqrt", norm.node().type());
        assertArrayEquals(new long[] {2, 1, 1}, norm.shape().dims());
        Output loss = InMemoryNode.of("L2Loss").input(F32, 3, 4).translateOne(ArithmeticTranslators::l2Loss).stored();
        assertEquals(0, loss.rank());
        ConversionException ints = assertThrows(ConversionException.class, () -> InMemoryNode.of("EuclideanNorm")
                .input(I32, 3).constant(ConstTensor.vector(I32, 0)).translate(ArithmeticTranslators::euclideanNorm));
        assertEquals("needs a floating-point input", ints.getMessage());
    }

    @Test
    void fakeQuantNudgesTheRangeSoThatZeroIsOnTheGrid() {
        Output quantized = InMemoryNode.of("FakeQuantWithMinMaxArgs").input(F32, 2, 8)
                .translateOne(FakeQuantTranslators::withMinMaxArgs).stored();
        assertEquals("FakeQuantize", quantized.node().type());
        assertEquals("256", quantized.node().attributes().get("levels"));
        // scale 12 / 255; 0 - -6 / scale = 127.5 rounds to 128: [-128 * scale, 127 * scale]
        assertEquals(-128 * (12f / 255), quantized.node().input(1).constant().doubles()[0], 1e-6);
        assertEquals(127 * (12f / 255), quantized.node().input(2).constant().doubles()[0], 1e-6);
        ConversionException variable = assertThrows(ConversionException.class, () -> InMemoryNode.of(
                "FakeQuantWithMinMaxVars").input(F32, 2, 8).input(F32).input(F32)
                .translate(FakeQuantTranslators::withMinMaxVars));
        assertEquals("needs its min (input 1) to be a constant", variable.getMessage());
    }

    @Test
    void crossRotatesTheLastAxis() {
        Output y = InMemoryNode.of("Cross").input(F32, 4, 3).input(F32, 4, 3)
                .translateOne(ArithmeticTranslators::cross).stored();
        assertEquals("Subtract", y.node().type());
        assertArrayEquals(new long[] {4, 3}, y.shape().dims());
        ConversionException flat = assertThrows(ConversionException.class, () -> InMemoryNode.of("Cross")
                .input(F32, 4, 2).input(F32, 4, 2).translate(ArithmeticTranslators::cross));
        assertEquals("needs inputs whose last axis is 3, not [4, 2]", flat.getMessage());
    }

    @Test
    void toBoolComparesAScalarWithZeroAndCountsATensor() {
        Output scalar = InMemoryNode.of("ToBool").input(F32).translateOne(ShapeTranslators::toBool).stored();
        assertEquals("NotEqual", scalar.node().type());
        assertEquals(BOOLEAN, scalar.type());
        Output empty = InMemoryNode.of("ToBool").input(F32, 0, 3).translateOne(ShapeTranslators::toBool).stored();
        assertArrayEquals(new long[] {0}, empty.constant().longs());
    }
}
