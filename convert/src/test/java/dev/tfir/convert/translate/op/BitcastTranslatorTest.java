package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.I32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Output;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DataType;

/**
 * Bitcast translated alone: a constant's bytes read as the target type (TensorFlow's shape rule for other widths),
 * run-time f32 values to i32 computed from sign, exponent and significand, other run-time pairs refused.
 */
class BitcastTranslatorTest {
    @Test
    void aConstantIsReinterpretedAtConversion() {
        Output floats = bitcast(InMemoryNode.of("Bitcast").constant(ConstTensor.vector(I32, 0x3f800000, 0xbfc00000L)),
                DataType.DT_FLOAT);
        assertTrue(floats.isConstant());
        assertArrayEquals(new double[] {1.0, -1.5}, floats.constant().doubles());
    }

    @Test
    void aNarrowerTypeAddsADimAndAWiderOneTakesIt() {
        Output bytes = bitcast(InMemoryNode.of("Bitcast").constant(ConstTensor.ofDoubles(F32, new long[] {2}, 1.0,
                2.0)), DataType.DT_UINT8);
        assertArrayEquals(new long[] {2, 4}, bytes.shape().dims());
        assertArrayEquals(new long[] {0, 0, 0x80, 0x3f, 0, 0, 0, 0x40}, bytes.constant().longs());
        Output words = bitcast(InMemoryNode.of("Bitcast").constant(ConstTensor.ofLongs(ElementType.U8,
                new long[] {1, 4}, 0, 0, 0x80, 0x3f)), DataType.DT_FLOAT);
        assertArrayEquals(new long[] {1}, words.shape().dims());
        assertArrayEquals(new double[] {1.0}, words.constant().doubles());
        ConversionException ragged = assertThrows(ConversionException.class, () -> bitcast(InMemoryNode.of("Bitcast")
                .constant(ConstTensor.ofLongs(ElementType.U8, new long[] {3}, 1, 2, 3)), DataType.DT_INT32));
        assertTrue(ragged.getMessage().contains("the last dim must be 4"), ragged.getMessage());
    }

    @Test
    void runTimeFloatsGiveTheirBitsFromTheirFields() {
        Output bits = bitcast(InMemoryNode.of("Bitcast").input(F32, 2, 3), DataType.DT_INT32);
        assertEquals(I32, bits.type());
        assertArrayEquals(new long[] {2, 3}, bits.shape().dims());
        assertEquals("BitwiseOr", bits.node().type());
    }

    @Test
    void otherRunTimeValuesAreRefused() {
        ConversionException ints = assertThrows(ConversionException.class,
                () -> bitcast(InMemoryNode.of("Bitcast").input(I32, 4), DataType.DT_FLOAT));
        assertTrue(ints.getMessage().contains("run-time i32 values to read as f32"), ints.getMessage());
    }

    private static Output bitcast(InMemoryNode node, DataType type) {
        return node.attr("type", type).translateOne(ShapeTranslators::bitcast).tfLayout();
    }
}
