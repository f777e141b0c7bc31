package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;

import dev.tfir.common.types.PartialShape;
import java.util.List;
import org.tensorflow.proto.DataType;

/**
 * Fourier transforms over the innermost 1, 2 or 3 axes (RFFT, IRFFT, FFT, IFFT and their 2D and 3D forms) and the
 * ops between complex and real tensors (Complex, Real, Imag, ComplexAbs, Angle) and Conj, as TensorFlow's spectral and
 * complex shape functions.
 */
final class FourierRules {
    private FourierRules() {}

    /** The rule of this op type, or null when the op type is not of this family. */
    static ShapeRule forOp(String op) {
        return switch (op) {
            case "RFFT" -> c -> one(typeOr(c, "Tcomplex", DataType.DT_COMPLEX64), realFft(c, 1, true));
            case "RFFT2D" -> c -> one(typeOr(c, "Tcomplex", DataType.DT_COMPLEX64), realFft(c, 2, true));
            case "RFFT3D" -> c -> one(typeOr(c, "Tcomplex", DataType.DT_COMPLEX64), realFft(c, 3, true));
            case "IRFFT" -> c -> one(typeOr(c, "Treal", DataType.DT_FLOAT), realFft(c, 1, false));
            case "IRFFT2D" -> c -> one(typeOr(c, "Treal", DataType.DT_FLOAT), realFft(c, 2, false));
            case "IRFFT3D" -> c -> one(typeOr(c, "Treal", DataType.DT_FLOAT), realFft(c, 3, false));
            case "FFT", "IFFT" -> c -> complexFft(c, 1);
            case "FFT2D", "IFFT2D" -> c -> complexFft(c, 2);
            case "FFT3D", "IFFT3D" -> c -> complexFft(c, 3);
            case "Complex" -> c -> one(typeOr(c, "Tout", DataType.DT_COMPLEX64),
                    Shapes.broadcast(c.shape(0), c.shape(1), true));
            case "Real", "Imag", "ComplexAbs", "Angle" -> c -> one(typeOr(c, "Tout", DataType.DT_FLOAT), c.shape(0));
            case "Conj" -> c -> one(c.typeAttrOr("T", 0), c.shape(0));
            default -> null;
        };
    }

    /** A complex transform over the innermost axes: the input's type and shape. */
    private static List<TensorType> complexFft(NodeContext c, int axes) {
        return one(typeOr(c, "Tcomplex", DataType.DT_COMPLEX64), Shapes.withRankAtLeast(c.shape(0), axes));
    }

    /** A type attribute, or the fallback when absent (TensorFlow's default). */
    private static DataType typeOr(NodeContext c, String attribute, DataType fallback) {
        DataType type = c.attrs().type(attribute);
        return type == DataType.DT_INVALID ? fallback : type;
    }

    /**
     * The input's shape with its innermost {@code count} dims the constant fft_length (input 1), the last one
     * fft_length / 2 + 1 for the forward transform; unknown when fft_length is not a constant.
     */
    private static PartialShape realFft(NodeContext c, int count, boolean forward) {
        PartialShape shape = Shapes.withRankAtLeast(c.shape(0), count);
        Shapes.withRank(c.shape(1), 1);
        long[] lengths = c.ints(1);
        if (lengths != null && lengths.length != count) {
            throw new CannotInfer("fft_length holds " + lengths.length + " values; TensorFlow requires " + count);
        }
        if (!shape.hasRank()) {
            return shape;
        }
        for (int i = 0; i < count; i++) {
            long dim = lengths == null ? PartialShape.UNKNOWN_DIM : lengths[i];
            if (forward && i == count - 1 && dim > 0) {
                dim = dim / 2 + 1;
            }
            shape = Shapes.replaceDim(shape, shape.rank() - count + i, dim);
        }
        return shape;
    }
}
