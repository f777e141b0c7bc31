package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.I64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sparse-tensor ops translated alone: scatters of the entries into dense results. */
class SparseTranslatorsTest {
    @Test
    void denseMatMulScattersTheProductsIntoTheRowsOfA() {
        Output product = InMemoryNode.of("SparseTensorDenseMatMul").input(I64, 7, 2).input(F32, 7)
                .constant(ConstTensor.vector(I64, 4, 5)).input(F32, 5, 3)
                .translateOne(SparseTranslators::denseMatMul).stored();
        assertEquals("ScatterNDUpdate", product.node().type());
        assertEquals("sum", product.node().attributes().get("reduction"));
        assertArrayEquals(new long[] {-1, 3}, product.shape().dims());
        ConversionException rank = assertThrows(ConversionException.class, () -> InMemoryNode.of(
                "SparseTensorDenseMatMul").input(I64, 7, 3).input(F32, 7).input(I64, 3).input(F32, 2, 5, 3)
                .translate(SparseTranslators::denseMatMul));
        assertEquals("needs a 2-D sparse A and a 2-D B, not indices [7, 3], values [7] and B [2, 5, 3]",
                rank.getMessage());
    }

    @Test
    void reshapeNeedsShapesOfStaticLengths() {
        List<TfTensor> reshaped = InMemoryNode.of("SparseReshape").input(I64, 5, 3).input(I64, 3).input(I64, 2)
                .translate(SparseTranslators::reshape);
        assertArrayEquals(new long[] {5, 2}, reshaped.get(0).stored().shape().dims());
        assertThrows(ConversionException.class, () -> InMemoryNode.of("SparseReshape").input(I64, 5, 3)
                .input(I64, 3).input(I64, -1).translate(SparseTranslators::reshape));
    }

    @Test
    void fillEmptyRowsGivesTensorFlowsFourOutputs() {
        List<TfTensor> filled = InMemoryNode.of("SparseFillEmptyRows").input(I64, -1, 2).input(F32, -1)
                .input(I64, 2).input(F32).translate(SparseTranslators::fillEmptyRows);
        assertEquals(4, filled.size());
        assertEquals("ScatterNDUpdate", filled.get(0).stored().node().type());
        assertEquals(F32, filled.get(1).stored().type());
        assertEquals("Equal", filled.get(2).stored().node().type());
        assertEquals(I64, filled.get(3).stored().type());
    }
}
