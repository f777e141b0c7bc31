package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.I32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Output;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.AttrValue;

/** Einsum and Bucketize translated alone: shapes from the equation, refused equations, Bucketize's int32. */
class MatMulTranslatorTest {
    private static AttrValue floats(float... values) {
        AttrValue.ListValue.Builder list = AttrValue.ListValue.newBuilder();
        for (float value : values) {
            list.addF(value);
        }
        return AttrValue.newBuilder().setList(list).build();
    }

    @Test
    void einsumSizesTheOutputByLabel() {
        Output y = InMemoryNode.of("Einsum").input(F32, 2, 3, 8).input(F32, 8, 2, 4)
                .attr("equation", "abc,cde->abde").translateOne(MatMulTranslator::einsum).tfLayout();
        assertEquals("Einsum", y.node().type());
        assertEquals("opset7", y.node().opset());
        assertArrayEquals(new long[] {2, 3, 2, 4}, y.shape().dims());
    }

    @Test
    void einsumWithAnEllipsisIsRefused() {
        ConversionException error = assertThrows(ConversionException.class, () -> InMemoryNode.of("Einsum")
                .input(F32, 2, 3).input(F32, 3, 4).attr("equation", "...j,jk->...k")
                .translate(MatMulTranslator::einsum));
        assertEquals("Einsum equation '...j,jk->...k' for 2 operands; an explicit equation (with '->', no ellipsis) "
                + "with one term per operand is needed", error.getMessage());
    }

    @Test
    void bucketizeGivesInt32Buckets() {
        Output y = InMemoryNode.of("Bucketize").input(I32, 3, 4).attr("boundaries", floats(-1, 0, 2))
                .translateOne(UnaryTranslators::bucketize).tfLayout();
        assertEquals("Bucketize", y.node().type());
        assertEquals(I32, y.type());
        assertArrayEquals(new double[] {-1, 0, 2}, y.node().input(1).constant().doubles());
        assertThrows(ConversionException.class, () -> InMemoryNode.of("Bucketize").input(F32, 3)
                .attr("boundaries", floats(1, 0)).translate(UnaryTranslators::bucketize));
    }
}
