package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.I32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.translate.TfTensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** DrawBoundingBoxes translated alone: the colour table used, boxes left out, what is refused. */
class BoxDrawingTranslatorTest {
    @Test
    void theDefaultTableHoldsTensorFlowsTenColoursInTheImagesChannels() {
        Output y = InMemoryNode.of("DrawBoundingBoxes").input(F32, -1, 6, 9, 3).input(F32, -1, 5, 4)
                .translateOne(BoxDrawingTranslator::drawBoundingBoxes).tfLayout();
        assertEquals("Select", y.node().type());
        assertArrayEquals(new long[] {-1, 6, 9, 3}, y.shape().dims());
        Output table = y.node().input(1).node().input(0);
        assertArrayEquals(new long[] {10, 3}, table.shape().dims());
        assertArrayEquals(new double[] {1, 1, 0, 0, 0, 1}, Arrays.copyOf(table.constant().doubles(), 6));
        Output gray = InMemoryNode.of("DrawBoundingBoxesV2").input(F32, 1, 4, 4, 1).input(F32, 1, 2, 4)
                .input(F32, 0, 3).translateOne(BoxDrawingTranslator::drawBoundingBoxes).tfLayout();
        double[] white = gray.node().input(1).node().input(0).constant().doubles();
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, white);
    }

    @Test
    void noBoxesLeaveTheImages() {
        TfTensor images = TfTensor.of(InMemoryNode.of("x").input(F32, 1, 4, 4, 3).context().input(0));
        assertSame(images.stored(), InMemoryNode.of("DrawBoundingBoxes").input(images).input(F32, 1, 0, 4)
                .translateOne(BoxDrawingTranslator::drawBoundingBoxes).tfLayout());
    }

    @Test
    void refusesWhatTheKernelRefusesOrSizesUnknown() {
        ConversionException two = assertThrows(ConversionException.class, () -> InMemoryNode.of("DrawBoundingBoxes")
                .input(F32, 1, 4, 4, 2).input(F32, 1, 2, 4).translate(BoxDrawingTranslator::drawBoundingBoxes));
        assertEquals("needs images [batch, height, width, 1, 3 or 4] with height and width known, not [1, 4, 4, 2]",
                two.getMessage());
        ConversionException ints = assertThrows(ConversionException.class, () -> InMemoryNode.of("DrawBoundingBoxes")
                .input(F32, 1, 4, 4, 3).input(I32, 1, -1, 4).translate(BoxDrawingTranslator::drawBoundingBoxes));
        assertEquals("needs float32 boxes [batch, n, 4] with n known, not i32[1, -1, 4]", ints.getMessage());
        ConversionException narrow = assertThrows(ConversionException.class, () -> InMemoryNode.of(
                "DrawBoundingBoxesV2").input(F32, 1, 4, 4, 4).input(F32, 1, 2, 4).input(F32, 3, 3)
                .translate(BoxDrawingTranslator::drawBoundingBoxes));
        assertEquals("needs colors [k, 4 or more] of known size, not [3, 3]", narrow.getMessage());
    }
}
