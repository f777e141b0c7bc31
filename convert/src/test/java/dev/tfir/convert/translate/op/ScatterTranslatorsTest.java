package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.BOOLEAN;
import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.I32;
import static dev.tfir.convert.ir.ElementType.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DataType;

/** Where, ScatterNd, the TensorScatter family, Unique and ListDiff translated alone: ops, reductions, shapes. */
class ScatterTranslatorsTest {
    private static final ConstTensor ROWS = ConstTensor.ofLongs(I32, new long[] {2, 1}, 3, 0);

    @Test
    void whereGivesInt64CoordinatesOfUnknownCount() {
        Output y = InMemoryNode.of("Where").input(BOOLEAN, 3, 4).translateOne(ScatterTranslators::where).tfLayout();
        assertEquals("Transpose", y.node().type());
        assertEquals("NonZero", y.node().input(0).node().type());
        assertEquals(I64, y.type());
        assertEquals(PartialShape.of(-1, 2), y.shape());
        ConversionException scalar = assertThrows(ConversionException.class, () -> InMemoryNode.of("Where")
                .input(BOOLEAN).translate(ScatterTranslators::where));
        assertEquals("needs an input of known rank 1 or more, not []", scalar.getMessage());
    }

    @Test
    void scatterNdSumsIntoZerosOfTheShape() {
        Output y = InMemoryNode.of("ScatterNd").constant(ROWS).input(F32, 2, 3)
                .constant(ConstTensor.vector(I32, 5, 3)).translateOne(ScatterTranslators::scatterNd).tfLayout();
        assertEquals("ScatterNDUpdate", y.node().type());
        assertEquals("opset15", y.node().opset());
        assertEquals("sum", y.node().attributes().get("reduction"));
        assertEquals("Broadcast", y.node().input(0).node().type());
        assertEquals(PartialShape.of(5, 3), y.shape());
        Output dynamic = InMemoryNode.of("ScatterNd").constant(ROWS).input(F32, 2, 3).input(I32, 2)
                .translateOne(ScatterTranslators::scatterNd).tfLayout();
        assertEquals(PartialShape.of(-1, -1), dynamic.shape());
    }

    @Test
    void tensorScatterKeepsTheTensorsShapeWithItsReduction() {
        Output y = InMemoryNode.of("TensorScatterSub").input(I32, -1, 3).constant(ROWS).input(I32, 2, 3)
                .translateOne(ScatterTranslators.tensorScatter("sub")).tfLayout();
        assertEquals("sub", y.node().attributes().get("reduction"));
        assertEquals(PartialShape.of(-1, 3), y.shape());
    }

    @Test
    void uniqueGivesElementsAndTheirIndices() {
        List<TfTensor> outputs = InMemoryNode.of("UniqueWithCounts").input(I64, 7).attr("out_idx", DataType.DT_INT64)
                .translate(ScatterTranslators::uniqueWithCounts);
        assertEquals(3, outputs.size());
        assertEquals("false", outputs.get(0).tfLayout().node().attributes().get("sorted"));
        assertEquals(PartialShape.of(7), outputs.get(1).tfLayout().shape());
        assertEquals(I64, outputs.get(2).tfLayout().type());
        ConversionException matrix = assertThrows(ConversionException.class, () -> InMemoryNode.of("Unique")
                .input(I32, 2, 3).translate(ScatterTranslators::unique));
        assertEquals("needs a 1-D input, not [2, 3]", matrix.getMessage());
    }

    @Test
    void listDiffGathersTheElementsNoneOfYMatches() {
        List<TfTensor> outputs = InMemoryNode.of("ListDiff").input(F32, 6).input(F32, 2)
                .attr("out_idx", DataType.DT_INT64).translate(ScatterTranslators::listDiff);
        Output kept = outputs.get(0).tfLayout();
        assertEquals("Gather", kept.node().type());
        assertEquals(PartialShape.of(PartialShape.UNKNOWN_DIM), kept.shape());
        assertEquals(I64, outputs.get(1).tfLayout().type());
        assertEquals(I32, InMemoryNode.of("ListDiff").input(I32, 3).input(I32, 0)
                .translate(ScatterTranslators::listDiff).get(1).tfLayout().type());
        ConversionException matrix = assertThrows(ConversionException.class, () -> InMemoryNode.of("ListDiff")
                .input(I32, 2, 3).input(I32, 2).translate(ScatterTranslators::listDiff));
        assertEquals("needs 1-D x and y, not [2, 3] and [2]", matrix.getMessage());
    }

    @Test
    void invertPermutationScattersPositions() {
        Output y = InMemoryNode.of("InvertPermutation").input(I32, 4)
                .translateOne(ScatterTranslators::invertPermutation).tfLayout();
        assertEquals("none", y.node().attributes().get("reduction"));
        assertEquals(I32, y.type());
    }
}
