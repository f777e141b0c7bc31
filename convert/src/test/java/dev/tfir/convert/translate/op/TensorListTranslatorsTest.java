package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.I32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DataType;

/**
 * TensorList ops alone, a list held as one dense tensor [n, ...]: what each makes of it. (In a While, lists read or
 * written at the counter become sliced inputs and concatenated outputs: ControlFlowTest, conformance/sequence.)
 */
class TensorListTranslatorsTest {
    private static ConstTensor scalar(long value) {
        return ConstTensor.ofLongs(I32, new long[0], value);
    }

    @Test
    void reserveIsNZeroElementsOfTheElementShape() {
        Output list = InMemoryNode.of("TensorListReserve").constant(ConstTensor.vector(I32, 2, 3))
                .constant(scalar(4)).attr("element_dtype", DataType.DT_FLOAT)
                .translateOne(TensorListTranslators::reserve).tfLayout();
        assertEquals("Broadcast", list.node().type());
        assertEquals(F32, list.type());
        assertArrayEquals(new long[] {4, 2, 3}, list.shape().dims());
        assertArrayEquals(new long[] {4, 2, 3}, list.node().input(1).constant().longs());
    }

    @Test
    void reserveOfAnElementShapeNotKnownHasElementsWithoutShapeUntilTheFirstSet() {
        for (ConstTensor elementShape : new ConstTensor[] {scalar(-1), ConstTensor.vector(I32, -1, 3)}) {
            Output list = InMemoryNode.of("TensorListReserve").constant(elementShape).constant(scalar(4))
                    .attr("element_dtype", DataType.DT_FLOAT).translateOne(TensorListTranslators::reserve)
                    .tfLayout();
            assertArrayEquals(new long[] {4}, list.shape().dims());
            Output set = InMemoryNode.of("TensorListSetItem").input(TfTensor.of(list)).input(I32).input(F32, -1, 3)
                    .translateOne(TensorListTranslators::setItem).tfLayout();
            assertEquals("ScatterUpdate", set.node().type());
            assertArrayEquals(new long[] {4, -1, 3}, set.shape().dims());
            assertEquals("Broadcast", set.node().input(0).node().type());
        }
    }

    @Test
    void getItemGathersAndSetItemScattersOneElement() {
        Output item = InMemoryNode.of("TensorListGetItem").input(F32, 5, 2, 3).input(I32)
                .constant(ConstTensor.vector(I32, 2, 3)).translateOne(TensorListTranslators::getItem).tfLayout();
        assertEquals("Gather", item.node().type());
        assertArrayEquals(new long[] {2, 3}, item.shape().dims());
        Output list = InMemoryNode.of("TensorListSetItem").input(F32, 5, 2, 3).input(I32).input(F32, 2, 3)
                .translateOne(TensorListTranslators::setItem).tfLayout();
        assertEquals("ScatterUpdate", list.node().type());
        assertArrayEquals(new long[] {1, 2, 3}, list.node().input(2).shape().dims());
        assertArrayEquals(new long[] {5, 2, 3}, list.shape().dims());
        assertThrows(ConversionException.class, () -> InMemoryNode.of("TensorListSetItem").input(F32, 5, 2, 3)
                .input(I32).input(F32, 3).translate(TensorListTranslators::setItem));
    }

    @Test
    void aSetItemThatMayResizeGrowsTheListToHoldTheElement() {
        Output list = InMemoryNode.of("TensorListSetItem").input(F32, 0, 2, 3).input(I32).input(F32, 2, 3)
                .attr("resize_if_index_out_of_bounds", true).translateOne(TensorListTranslators::setItem).tfLayout();
        assertEquals("ScatterUpdate", list.node().type());
        Output grown = list.node().input(0);
        assertEquals("Pad", grown.node().type());
        assertArrayEquals(new long[] {0, 0, 0}, grown.node().input(1).constant().longs());
        assertArrayEquals(new long[] {-1, 2, 3}, list.shape().dims());
        Output fixed = InMemoryNode.of("TensorListSetItem").input(F32, 5, 2, 3).input(I32).input(F32, 2, 3)
                .attr("resize_if_index_out_of_bounds", false).translateOne(TensorListTranslators::setItem)
                .tfLayout();
        assertEquals("Parameter", fixed.node().input(0).node().type());
    }

    @Test
    void concatJoinsTheElementsAlongTheirFirstAxis() {
        List<TfTensor> joined = InMemoryNode.of("TensorListConcatV2").input(F32, 4, 2, 3).input(I32, 2).input(I32, 0)
                .translate(TensorListTranslators::concat);
        Output tensor = joined.get(0).tfLayout();
        assertEquals("Reshape", tensor.node().type());
        assertArrayEquals(new long[] {8, 3}, tensor.shape().dims());
        Output lengths = joined.get(1).tfLayout();
        assertEquals(ElementType.I64, lengths.type());
        assertArrayEquals(new long[] {4}, lengths.shape().dims());
        assertThrows(ConversionException.class, () -> InMemoryNode.of("TensorListConcat").input(F32, 4)
                .translate(TensorListTranslators::concat));
    }

    @Test
    void lengthAndElementShapeComeFromTheDenseShape() {
        Output length = InMemoryNode.of("TensorListLength").input(F32, 5, 2, 3)
                .translateOne(TensorListTranslators::length).tfLayout();
        assertArrayEquals(new long[] {5}, length.constant().longs());
        assertEquals(I32, length.type());
        Output shape = InMemoryNode.of("TensorListElementShape").input(F32, -1, 2, 3)
                .attr("shape_type", DataType.DT_INT32).translateOne(TensorListTranslators::elementShape).tfLayout();
        assertEquals(I32, shape.type());
        assertArrayEquals(new long[] {2}, shape.shape().dims());
    }
}
