package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.BOOLEAN;
import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.I32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.translate.TranslatorRegistry;
import org.junit.jupiter.api.Test;

/** Select, SelectV2, MatrixBandPart, FloorDiv, the logical ops and Cumsum translated alone through the op table. */
class SelectTranslatorsTest {
    private final TranslatorRegistry table = OpTable.standard();

    @Test
    void selectOfARowConditionPicksWholeRows() {
        Output y = InMemoryNode.of("Select").input(BOOLEAN, 3).input(F32, 3, 4).input(F32, 3, 4)
                .translateOne(table.get("Select").translator()).tfLayout();
        assertEquals("Select", y.node().type());
        assertArrayEquals(new long[] {3, 1}, y.node().inputs().get(0).shape().dims());
        assertArrayEquals(new long[] {3, 4}, y.shape().dims());
    }

    @Test
    void aConstantConditionOfOneValuePicksItsBranch() {
        Output axis = InMemoryNode.of("SelectV2").constant(ConstTensor.ofLongs(BOOLEAN, new long[0], 1))
                .constant(ConstTensor.ofLongs(I32, new long[0], 0)).input(I32)
                .translateOne(SelectTranslators::selectV2).tfLayout();
        assertTrue(axis.isConstant());
        Output broadcast = InMemoryNode.of("SelectV2").constant(ConstTensor.ofLongs(BOOLEAN, new long[0], 1))
                .input(F32, 1).input(F32, 3).translateOne(SelectTranslators::selectV2).tfLayout();
        assertEquals("Select", broadcast.node().type());
    }

    @Test
    void booleansAreSelectedByLogicalOps() {
        Output y = InMemoryNode.of("SelectV2").input(BOOLEAN, 3).input(BOOLEAN, 3).input(BOOLEAN)
                .translateOne(SelectTranslators::selectV2).tfLayout();
        assertEquals("LogicalOr", y.node().type());
        assertEquals(BOOLEAN, y.type());
    }

    @Test
    void selectV2Broadcasts() {
        Output y = InMemoryNode.of("SelectV2").input(BOOLEAN, 4).input(F32, 3, 4).input(F32, 3, 1)
                .translateOne(table.get("SelectV2").translator()).tfLayout();
        assertEquals("numpy", y.node().attributes().get("auto_broadcast"));
        assertArrayEquals(new long[] {3, 4}, y.shape().dims());
    }

    @Test
    void floorDivFloorsFloatsAndDividesIntegersExactly() {
        Output floats = InMemoryNode.of("FloorDiv").input(F32, 2).input(F32, 2)
                .translateOne(table.get("FloorDiv").translator()).tfLayout();
        assertEquals("Floor", floats.node().type());
        Output ints = InMemoryNode.of("FloorDiv").input(I32, 2).input(I32, 2)
                .translateOne(table.get("FloorDiv").translator()).tfLayout();
        assertEquals("Divide", ints.node().type());
        assertEquals("Subtract", ints.node().inputs().get(0).node().type());
    }

    @Test
    void logicalOpsGiveBooleans() {
        Output and = InMemoryNode.of("LogicalAnd").input(BOOLEAN, 3, 4).input(BOOLEAN, 4)
                .translateOne(table.get("LogicalAnd").translator()).tfLayout();
        assertEquals(BOOLEAN, and.type());
        assertArrayEquals(new long[] {3, 4}, and.shape().dims());
        Output all = InMemoryNode.of("All").input(BOOLEAN, 3, 4).constant(ConstTensor.vector(I32, -1))
                .translateOne(table.get("All").translator()).tfLayout();
        assertEquals("ReduceLogicalAnd", all.node().type());
        assertArrayEquals(new long[] {3}, all.shape().dims());
    }

    @Test
    void cumsumKeepsExclusiveAndReverse() {
        Output sum = InMemoryNode.of("Cumsum").input(F32, 2, 4).constant(ConstTensor.ofLongs(I32, new long[0], -1))
                .attr("exclusive", true).translateOne(table.get("Cumsum").translator()).tfLayout();
        assertEquals("CumSum", sum.node().type());
        assertEquals("true", sum.node().attributes().get("exclusive"));
        assertEquals("false", sum.node().attributes().get("reverse"));
    }

    @Test
    void matrixBandPartSelectsByAConstantMask() {
        Output band = InMemoryNode.of("MatrixBandPart").input(F32, 2, 3, 4).constant(ConstTensor.ofLongs(I32,
                new long[0], 0)).constant(ConstTensor.ofLongs(I32, new long[0], 1))
                .translateOne(table.get("MatrixBandPart").translator()).tfLayout();
        assertEquals("Select", band.node().type());
        assertArrayEquals(new long[] {1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1}, band.node().input(0).constant().longs());
        assertArrayEquals(new long[] {2, 3, 4}, band.shape().dims());
    }

    @Test
    void matrixDiagSelectsTheDiagonalOverThePadding() {
        Output y = InMemoryNode.of("MatrixDiagV3").input(F32, 2, 3).constant(ConstTensor.vector(I32, 0, 0))
                .constant(ConstTensor.ofLongs(I32, new long[0], 3)).constant(ConstTensor.ofLongs(I32, new long[0], -1))
                .input(F32).translateOne(SelectTranslators::matrixDiag).tfLayout();
        assertEquals("Select", y.node().type());
        assertArrayEquals(new long[] {2, 3, 3}, y.shape().dims());
        ConversionException k = assertThrows(ConversionException.class, () -> InMemoryNode.of("MatrixDiagV2")
                .input(F32, 3).constant(ConstTensor.ofLongs(I32, new long[0], 1))
                .constant(ConstTensor.ofLongs(I32, new long[0], -1)).constant(ConstTensor.ofLongs(I32, new long[0], -1))
                .input(F32).translate(SelectTranslators::matrixDiag));
        assertEquals("has k [1]; only the main diagonal (0) is supported", k.getMessage());
    }

    @Test
    void sparseToDenseAndUnravelIndex() {
        Output dense = InMemoryNode.of("SparseToDense").constant(ConstTensor.vector(I32, 1, 4))
                .constant(ConstTensor.vector(I32, 6)).input(F32).input(F32)
                .translateOne(ScatterTranslators::sparseToDense).tfLayout();
        assertEquals("ScatterNDUpdate", dense.node().type());
        assertArrayEquals(new long[] {6}, dense.shape().dims());
        Output coordinates = InMemoryNode.of("UnravelIndex").input(I32, 5).constant(ConstTensor.vector(I32, 2, 3))
                .translateOne(ScatterTranslators::unravelIndex).tfLayout();
        assertEquals("FloorMod", coordinates.node().type());
        assertArrayEquals(new long[] {2, 5}, coordinates.shape().dims());
    }
}
