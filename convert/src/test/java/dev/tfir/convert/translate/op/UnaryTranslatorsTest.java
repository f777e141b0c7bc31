package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.I32;
import static dev.tfir.convert.ir.ElementType.I64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.convert.ir.Output;
import dev.tfir.convert.translate.TfTensor;
import dev.tfir.convert.translate.TranslatorRegistry;
import org.junit.jupiter.api.Test;

/**
 * Elementwise ops of one input, translated alone through the op table: the OpenVINO op and opset each maps to, the
 * input's element type and shape kept, and a channels-first input's layout kept.
 */
class UnaryTranslatorsTest {
    private final TranslatorRegistry table = OpTable.standard();

    private Output translated(String op, long... dims) {
        return InMemoryNode.of(op).input(F32, dims).translateOne(table.get(op).translator()).tfLayout();
    }

    @Test
    void oneToOneOps() {
        Output relu = translated("Relu", 2, 3);
        assertEquals("ReLU", relu.node().type());
        assertEquals("opset1", relu.node().opset());
        assertEquals(F32, relu.type());
        assertArrayEquals(new long[] {2, 3}, relu.shape().dims());
        assertEquals("SoftPlus", translated("Softplus", 5).node().type());
        assertEquals("opset4", translated("Softplus", 5).node().opset());
    }

    @Test
    void softsignIsSoftSign9() {
        Output softsign = translated("Softsign", 1, 7, 3);
        assertEquals("SoftSign", softsign.node().type());
        assertEquals("opset9", softsign.node().opset());
        assertEquals(F32, softsign.type());
        assertArrayEquals(new long[] {1, 7, 3}, softsign.shape().dims());
    }

    @Test
    void relu6IsAClamp() {
        Output clamp = translated("Relu6", 1, 4);
        assertEquals("Clamp", clamp.node().type());
        assertEquals(0.0, Double.parseDouble(clamp.node().attributes().get("min")));
        assertEquals(6.0, Double.parseDouble(clamp.node().attributes().get("max")));
    }

    @Test
    void aChannelsFirstInputStaysChannelsFirst() {
        TfTensor channelsFirst = InMemoryNode.of("Conv2D").input(F32, 1, 8, 8, 3).input(F32, 1, 1, 3, 4)
                .attr("strides", 1, 1, 1, 1).attr("padding", "VALID").translateOne(ConvTranslators::conv2d);
        TfTensor y = InMemoryNode.of("Tanh").input(channelsFirst).translateOne(table.get("Tanh").translator());
        assertTrue(y.isChannelsFirst());
        assertArrayEquals(new long[] {1, 4, 8, 8}, y.stored().shape().dims());
    }

    @Test
    void bitwiseOpsAreOfTheirOpsets() {
        Output invert = InMemoryNode.of("Invert").input(I64, 5).translateOne(table.get("Invert").translator())
                .tfLayout();
        assertEquals("BitwiseNot", invert.node().type());
        assertEquals("opset13", invert.node().opset());
        Output xor = InMemoryNode.of("BitwiseXor").input(I32, 3, 4).input(I32, 4)
                .translateOne(table.get("BitwiseXor").translator()).tfLayout();
        assertEquals("opset13", xor.node().opset());
        assertArrayEquals(new long[] {3, 4}, xor.shape().dims());
        Output shift = InMemoryNode.of("RightShift").input(I32, 3).input(I32, 3)
                .translateOne(table.get("RightShift").translator()).tfLayout();
        assertEquals("BitwiseRightShift", shift.node().type());
        assertEquals("opset15", shift.node().opset());
    }
}
