package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.F64;
import static dev.tfir.convert.ir.ElementType.I32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Output;
import org.junit.jupiter.api.Test;

/** The colour ops translated alone: three channels joined back, the image's shape and type, what is refused. */
class ColorTranslatorsTest {
    @Test
    void rgbToHsvJoinsThreeChannelsOfTheImagesShape() {
        Output hsv = InMemoryNode.of("RGBToHSV").input(F64, 2, 4, 3).translateOne(ColorTranslators::rgbToHsv)
                .tfLayout();
        assertEquals("Concat", hsv.node().type());
        assertEquals(3, hsv.node().inputs().size());
        assertEquals(F64, hsv.type());
        assertArrayEquals(new long[] {2, 4, 3}, hsv.shape().dims());
        assertArrayEquals(new long[] {5, 3}, InMemoryNode.of("HSVToRGB").input(F32, 5, 3)
                .translateOne(ColorTranslators::hsvToRgb).tfLayout().shape().dims());
    }

    @Test
    void theAdjustmentsTakeAScalarFactorInTheImagesType() {
        Output hue = InMemoryNode.of("AdjustHue").input(F32, 1, 2, 2, 3).input(F32)
                .translateOne(ColorTranslators::adjustHue).tfLayout();
        assertArrayEquals(new long[] {1, 2, 2, 3}, hue.shape().dims());
        Output saturation = InMemoryNode.of("AdjustSaturation").input(F32, -1, 2, 3).input(F32)
                .translateOne(ColorTranslators::adjustSaturation).tfLayout();
        assertArrayEquals(new long[] {-1, 2, 3}, saturation.shape().dims());
        ConversionException vector = assertThrows(ConversionException.class, () -> InMemoryNode.of("AdjustHue")
                .input(F32, 2, 2, 3).input(F32, 1).translate(ColorTranslators::adjustHue));
        assertEquals("needs a scalar as input 1, not [1]", vector.getMessage());
    }

    @Test
    void imagesNeedThreeFloatChannelsAndTheirRank() {
        ConversionException four = assertThrows(ConversionException.class, () -> InMemoryNode.of("RGBToHSV")
                .input(F32, 2, 4).translate(ColorTranslators::rgbToHsv));
        assertEquals("needs float images of rank 1 or more, [..., 3], not f32[2, 4]", four.getMessage());
        ConversionException ints = assertThrows(ConversionException.class, () -> InMemoryNode.of("HSVToRGB")
                .input(I32, 3).translate(ColorTranslators::hsvToRgb));
        assertEquals("needs float images of rank 1 or more, [..., 3], not i32[3]", ints.getMessage());
        ConversionException flat = assertThrows(ConversionException.class, () -> InMemoryNode.of("AdjustSaturation")
                .input(F32, 4, 3).input(F32).translate(ColorTranslators::adjustSaturation));
        assertEquals("needs float images of rank 3 or more, [..., 3], not f32[4, 3]", flat.getMessage());
    }
}
