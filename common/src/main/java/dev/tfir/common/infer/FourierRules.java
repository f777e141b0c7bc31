package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;

import dev.tfir.common.types.PartialShape;
import java.util.List;
import org.tensorflow.proto.DataType;

/**
 * Fourier transforms over the innermost 1, 2 or 3 axes (RFFT, IRFFT, FFT, IFFT and their 2D and 3D forms) and the
 * ops between complex and real tensors (Complex, Real, Imag, ComplexAbs, Angle), as TensorFlow's spectral and
 * complex shape functions.
 */
final class FourierRules {
    private FourierRules() {}

    static void addTo(RuleTable table) {
        for (int count = 1; count <= 3; count++) {
            String suffix = count == 1 ? "" : count + "D";
            int axes = count;
            table.add(c -> one(typeOr(c, "Tcomplex", DataType.DT_COMPLEX64), realFft(c, axes, true)),
                    "RFFT" + suffix);
            table.add(c -> one(typeOr(c, "Treal", DataType.DT_FLOAT), realFft(c, axes, false)),
                    "IRFFT" + suffix);
            table.add(c -> one(typeOr(c, "Tcomplex", DataType.DT_COMPLEX64),
                    Shapes.withRankAtLeast(c.shape(0), axes)), "FFT" + suffix, "IFFT" + suffix);
        }
        table.add(c -> one(typeOr(c, "Tout", DataType.DT_COMPLEX64),
                Shapes.broadcast(c.shape(0), c.shape(1), true)), "Complex");
        table.add(c -> one(typeOr(c, "Tout", DataType.DT_FLOAT), c.shape(0)), "Real", "Imag", "ComplexAbs",
                "Angle");
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
