package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.I32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Sources;
import dev.tfir.convert.translate.TfTensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The Fourier transforms and complex ops, translated alone on inputs made in memory. */
class FourierTranslatorsTest {
    @Test
    void rfftCropsTheInnermostAxesToFftLengthAndKeepsHalfTheFrequencies() {
        TfTensor spectrum = InMemoryNode.of("RFFT").input(F32, -1, 3, 16).constant(ConstTensor.vector(I32, 10))
                .translateOne(FourierTranslators.rfft(1));
        assertTrue(spectrum.isComplex());
        Output rdft = spectrum.stored();
        assertEquals("RDFT", rdft.node().type());
        assertEquals("opset9", rdft.node().opset());
        assertArrayEquals(new long[] {2}, rdft.node().input(1).constant().longs());
        assertArrayEquals(new long[] {10}, rdft.node().input(2).constant().longs());
        assertArrayEquals(new long[] {-1, 3, 6, 2}, rdft.shape().dims());
        assertEquals(PartialShape.of(-1, 3, 6), spectrum.tfShape());

        Output rdft2d = InMemoryNode.of("RFFT2D").input(F32, 5, 9).constant(ConstTensor.vector(I32, 4, 7))
                .translateOne(FourierTranslators.rfft(2)).stored();
        assertArrayEquals(new long[] {0, 1}, rdft2d.node().input(1).constant().longs());
        assertArrayEquals(new long[] {4, 4, 2}, rdft2d.shape().dims());
    }

    @Test
    void inverseAndComplexTransformsTakeTheParts() {
        TfTensor spectrum = complex(2, 5);
        Output signal = InMemoryNode.of("IRFFT").input(spectrum).constant(ConstTensor.vector(I32, 9))
                .translateOne(FourierTranslators.irfft(1)).stored();
        assertEquals("IRDFT", signal.node().type());
        assertArrayEquals(new long[] {2, 9}, signal.shape().dims());
        TfTensor transformed = InMemoryNode.of("IFFT2D").input(spectrum).translateOne(FourierTranslators.fft(2, true));
        assertTrue(transformed.isComplex());
        assertEquals("IDFT", transformed.stored().node().type());
        assertEquals("opset7", transformed.stored().node().opset());
        assertArrayEquals(new long[] {0, 1}, transformed.stored().node().input(1).constant().longs());
        assertArrayEquals(new long[] {2, 5, 2}, transformed.stored().shape().dims());
    }

    @Test
    void partsComeOutReal() {
        TfTensor z = complex(3, 4);
        TfTensor real = InMemoryNode.of("Real").input(z).translateOne(FourierTranslators::real);
        assertFalse(real.isComplex());
        assertEquals("Gather", real.stored().node().type());
        assertArrayEquals(new long[] {3, 4}, real.stored().shape().dims());
        assertEquals(1, InMemoryNode.of("Imag").input(z).translateOne(FourierTranslators::imag).stored().node()
                .input(1).constant().longs()[0]);
        Output abs = InMemoryNode.of("ComplexAbs").input(z).translateOne(FourierTranslators::complexAbs).stored();
        assertEquals("Sqrt", abs.node().type());
        assertArrayEquals(new long[] {3, 4}, abs.shape().dims());
        Output angle = InMemoryNode.of("Angle").input(z).translateOne(FourierTranslators::angle).stored();
        assertEquals("Select", angle.node().type());
        assertArrayEquals(new long[] {3, 4}, angle.shape().dims());
    }

    @Test
    void complexJoinsBroadcastParts() {
        TfTensor same = InMemoryNode.of("Complex").input(F32, 2, 3).input(F32, 2, 3)
                .translateOne(FourierTranslators::complex);
        assertEquals("Concat", same.stored().node().type());
        assertArrayEquals(new long[] {2, 3, 2}, same.stored().shape().dims());
        TfTensor spread = InMemoryNode.of("Complex").input(F32, 3, 1).input(F32, 4)
                .translateOne(FourierTranslators::complex);
        assertArrayEquals(new long[] {3, 4, 2}, spread.stored().shape().dims());
        assertEquals("Broadcast", spread.stored().node().input(0).node().input(0).node().type());
    }

    @Test
    void refusesWhatItCannotCompute() {
        ConversionException variable = assertThrows(ConversionException.class, () -> InMemoryNode.of("RFFT")
                .input(F32, 2, 8).input(I32, 1).translate(FourierTranslators.rfft(1)));
        assertEquals("needs its fft_length (input 1) to be a constant", variable.getMessage());
        ConversionException count = assertThrows(ConversionException.class, () -> InMemoryNode.of("RFFT2D")
                .input(F32, 2, 8).constant(ConstTensor.vector(I32, 8)).translate(FourierTranslators.rfft(2)));
        assertEquals("needs 2 fft_length values, not [8]", count.getMessage());
        ConversionException real = assertThrows(ConversionException.class, () -> InMemoryNode.of("Real")
                .input(F32, 2, 8).translate(FourierTranslators::real));
        assertEquals("needs a complex input 0; convert holds complex tensors made by RFFT, FFT, IFFT and Complex",
                real.getMessage());
        ConversionException rank = assertThrows(ConversionException.class, () -> InMemoryNode.of("FFT3D")
                .input(complex(2, 8)).translate(FourierTranslators.fft(3, false)));
        assertEquals("needs an input of rank 3 or more, not [2, 8]", rank.getMessage());
    }

    @Test
    void complexPadsLeaveThePartsAxis() {
        TfTensor padded = InMemoryNode.of("Pad").input(complex(2, 4)).constant(ConstTensor.ofLongs(I32,
                new long[] {2, 2}, 0, 0, 0, 3)).translateOne(ArrayTranslators::pad);
        assertTrue(padded.isComplex());
        assertArrayEquals(new long[] {2, 7, 2}, padded.stored().shape().dims());
    }

    @Test
    void conjugateTransposeMovesThePartsAxisLastAndNegatesTheImaginaryParts() {
        TfTensor moved = InMemoryNode.of("ConjugateTranspose").input(complex(2, 3, 4)).constant(ConstTensor.ofLongs(
                I32, new long[] {3}, 1, 2, 0)).translateOne(FourierTranslators::conjugateTranspose);
        assertTrue(moved.isComplex());
        assertArrayEquals(new long[] {3, 4, 2, 2}, moved.stored().shape().dims());
        assertEquals("Multiply", moved.stored().node().type());
        assertArrayEquals(new double[] {1, -1}, moved.stored().node().input(1).constant().doubles());
        TfTensor real = InMemoryNode.of("ConjugateTranspose").input(F32, 2, 3).constant(ConstTensor.ofLongs(I32,
                new long[] {2}, 1, 0)).translateOne(FourierTranslators::conjugateTranspose);
        assertArrayEquals(new long[] {3, 2}, real.stored().shape().dims());
        assertEquals("Transpose", real.stored().node().type());
    }

    /** A complex tensor of this (TensorFlow) shape, as its parts. */
    private static TfTensor complex(long... dims) {
        long[] parts = Arrays.copyOf(dims, dims.length + 1);
        parts[dims.length] = 2;
        return TfTensor.complex(Sources.parameter(F32, PartialShape.of(parts)).output(0));
    }
}
