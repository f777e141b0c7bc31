package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Arithmetic;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Fourier;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.ops.Reductions;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.OpTranslator;
import dev.tfir.convert.translate.TfTensor;
import java.util.Arrays;
import java.util.List;

/**
 * TensorFlow's Fourier transforms over the innermost 1, 2 or 3 axes (RFFT, IRFFT, FFT, IFFT and their 2D and 3D
 * forms) and the ops between complex and real tensors (Complex, Real, Imag, ComplexAbs, Angle). A complex tensor is
 * held as its parts in a trailing axis of 2 ({@link TfTensor#complex}); graph inputs and outputs stay real.
 */
public final class FourierTranslators {
    private FourierTranslators() {}

    /**
     * RFFT over the innermost {@code count} axes of a real input: RDFT-9 of the constant {@code fft_length} (input 1),
     * each axis cropped or padded with zeros to its length, the last keeping fft_length / 2 + 1 frequencies.
     */
    public static OpTranslator rfft(int count) {
        return node -> {
            Output x = node.input(0);
            node.require(x.type().isFloating(), "needs a floating-point input, not " + x.type().irName());
            return List.of(TfTensor.complex(Fourier.rdft(x, fftLength(node, count, x.rank()))));
        };
    }

    /**
     * IRFFT over the innermost {@code count} axes of a complex input: IRDFT-9 to real signals of the constant
     * {@code fft_length}; the input's axes are cropped or padded to it (the last to fft_length / 2 + 1), as
     * TensorFlow's.
     */
    public static OpTranslator irfft(int count) {
        return node -> {
            Output parts = parts(node, 0);
            return List.of(TfTensor.of(Fourier.irdft(parts, fftLength(node, count, parts.rank() - 1))));
        };
    }

    /** FFT (IFFT when {@code inverse}) over the innermost {@code count} axes: DFT-7 (IDFT-7) of the complex input. */
    public static OpTranslator fft(int count, boolean inverse) {
        return node -> {
            Output parts = parts(node, 0);
            node.require(parts.rank() - 1 >= count, "needs an input of rank " + count + " or more, not "
                    + node.inputShape(0));
            return List.of(TfTensor.complex(Fourier.dft(parts, count, inverse)));
        };
    }

    /** Complex: the complex numbers of real part input 0 and imaginary part input 1 (broadcast together). */
    public static List<TfTensor> complex(NodeContext node) {
        Output real = node.input(0);
        Output imag = node.input(1);
        node.require(real.type().isFloating() && imag.type() == real.type(), "needs two floating-point inputs of "
                + "one type, not " + real.type().irName() + " and " + imag.type().irName());
        if (!real.shape().isFullyDefined() || !real.shape().equals(imag.shape())) {
            Output spread = Movement.broadcastWith(real, imag);
            imag = Movement.broadcastWith(imag, real);
            real = spread;
        }
        int axis = real.rank();
        return List.of(TfTensor.complex(Movement.concat(List.of(Movement.unsqueeze(real, axis),
                Movement.unsqueeze(imag, axis)), axis)));
    }

    /** Real: the real parts. */
    public static List<TfTensor> real(NodeContext node) {
        return List.of(TfTensor.of(part(parts(node, 0), 0)));
    }

    /** Imag: the imaginary parts. */
    public static List<TfTensor> imag(NodeContext node) {
        return List.of(TfTensor.of(part(parts(node, 0), 1)));
    }

    /** Conj: the complex conjugates, re - i im. */
    public static List<TfTensor> conj(NodeContext node) {
        return List.of(TfTensor.complex(conjugated(parts(node, 0))));
    }

    /**
     * ConjugateTranspose: Transpose by the constant perm, then the conjugates of a complex input (a real one is
     * only transposed).
     */
    public static List<TfTensor> conjugateTranspose(NodeContext node) {
        long[] perm = node.constantInput(1, "permutation");
        boolean complex = node.tensor(0).isComplex();
        int[] axes = new int[complex ? perm.length + 1 : perm.length];
        for (int i = 0; i < perm.length; i++) {
            axes[i] = (int) perm[i];
        }
        if (complex) {
            axes[perm.length] = perm.length;
            return List.of(TfTensor.complex(conjugated(Movement.transpose(parts(node, 0), axes))));
        }
        return List.of(TfTensor.of(Movement.transpose(node.input(0), axes)));
    }

    private static Output conjugated(Output parts) {
        return Elementwise.multiply(parts, Constants.of(ConstTensor.ofDoubles(parts.type(), new long[] {2},
                new double[] {1, -1})));
    }

    /** ComplexAbs: the magnitudes, sqrt(re^2 + im^2). */
    public static List<TfTensor> complexAbs(NodeContext node) {
        Output parts = parts(node, 0);
        Output squares = Reductions.reduce("ReduceSum", Elementwise.multiply(parts, parts),
                new long[] {parts.rank() - 1}, false);
        return List.of(TfTensor.of(Elementwise.unary("Sqrt", "opset1", squares)));
    }

    /** Angle: the arguments, atan2(im, re) in [-pi, pi]. */
    public static List<TfTensor> angle(NodeContext node) {
        Output parts = parts(node, 0);
        return List.of(TfTensor.of(Arithmetic.atan2(part(parts, 1), part(parts, 0))));
    }

    /** Input i, which must be complex, as its parts. */
    private static Output parts(NodeContext node, int i) {
        node.require(node.tensor(i).isComplex(), "needs a complex input " + i + "; convert holds complex tensors "
                + "made by RFFT, FFT, IFFT and Complex");
        return node.tensor(i).stored();
    }

    private static Output part(Output parts, long which) {
        return Movement.gather(parts, Constants.i64Scalar(which), parts.rank() - 1);
    }

    /** The constant fft_length (input 1): one positive length per transformed axis of a signal of this rank. */
    private static long[] fftLength(NodeContext node, int count, int signalRank) {
        long[] lengths = node.constantInput(1, "fft_length");
        node.require(lengths.length == count, "needs " + count + " fft_length values, not "
                + Arrays.toString(lengths));
        node.require(Arrays.stream(lengths).allMatch(n -> n > 0), "needs positive fft_length values, not "
                + Arrays.toString(lengths));
        node.require(signalRank >= count, "needs an input of rank " + count + " or more, not " + node.inputShape(0));
        return lengths;
    }
}
