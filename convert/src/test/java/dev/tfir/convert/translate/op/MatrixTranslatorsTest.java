package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.BOOLEAN;
import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.I32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Output;
import org.junit.jupiter.api.Test;

/** The diagonal ops and MatrixInverse translated alone: ops, shapes, the main diagonal only. */
class MatrixTranslatorsTest {
    private static ConstTensor scalar(long value) {
        return ConstTensor.ofLongs(I32, new long[0], value);
    }

    @Test
    void diagPartSumsTheLongerAxisOfTheMaskedMatrix() {
        Output wide = InMemoryNode.of("MatrixDiagPart").input(F32, 2, 3, 4)
                .translateOne(MatrixTranslators::matrixDiagPart).stored();
        assertEquals("ReduceSum", wide.node().type());
        assertArrayEquals(new long[] {2}, wide.node().input(1).constant().longs());
        assertArrayEquals(new long[] {2, 3}, wide.shape().dims());
        Output tall = InMemoryNode.of("MatrixDiagPart").input(BOOLEAN, 4, 3)
                .translateOne(MatrixTranslators::matrixDiagPart).stored();
        assertEquals("ReduceLogicalOr", tall.node().type());
        assertArrayEquals(new long[] {3}, tall.shape().dims());
    }

    @Test
    void otherDiagonalsAreRefused() {
        ConversionException above = assertThrows(ConversionException.class, () -> InMemoryNode.of("MatrixDiagPartV3")
                .input(F32, 3, 4).constant(scalar(1)).input(F32).translate(MatrixTranslators.atMainDiagonal(
                MatrixTranslators::matrixDiagPart, 1)));
        assertEquals("has k [1]; only the main diagonal (k = 0) is supported", above.getMessage());
    }

    @Test
    void setDiagSelectsThePaddedDiagonalOnTheMask() {
        Output y = InMemoryNode.of("MatrixSetDiag").input(F32, 2, 3, 4).input(F32, 2, 3)
                .translateOne(MatrixTranslators::matrixSetDiag).stored();
        assertEquals("Select", y.node().type());
        assertArrayEquals(new long[] {2, 3, 4}, y.shape().dims());
        ConversionException short_ = assertThrows(ConversionException.class, () -> InMemoryNode.of("MatrixSetDiag")
                .input(F32, 3, 4).input(F32, 2).translate(MatrixTranslators::matrixSetDiag));
        assertEquals("needs a diagonal of 3 values per matrix, not [2]", short_.getMessage());
    }

    @Test
    void diagDoublesTheShapeAndDiagPartHalvesIt() {
        Output diag = InMemoryNode.of("Diag").input(I32, 2, 3).translateOne(MatrixTranslators::diag).stored();
        assertEquals(PartialShape.of(2, 3, 2, 3), diag.shape());
        Output part = InMemoryNode.of("DiagPart").input(I32, 2, 3, 2, 3).translateOne(MatrixTranslators::diagPart)
                .stored();
        assertEquals(PartialShape.of(2, 3), part.shape());
        ConversionException odd = assertThrows(ConversionException.class, () -> InMemoryNode.of("DiagPart")
                .input(F32, 2, 3).translate(MatrixTranslators::diagPart));
        assertEquals("needs a shape [D, D] of even rank, not [2, 3]", odd.getMessage());
    }

    @Test
    void inverseIsInverse14WithAdjoint() {
        Output y = InMemoryNode.of("MatrixInverse").input(F32, 2, 3, 3).attr("adjoint", true)
                .translateOne(MatrixTranslators::matrixInverse).stored();
        assertEquals("Inverse", y.node().type());
        assertEquals("opset14", y.node().opset());
        assertEquals("true", y.node().attributes().get("adjoint"));
    }
}
