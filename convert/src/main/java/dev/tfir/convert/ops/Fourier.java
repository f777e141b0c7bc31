package dev.tfir.convert.ops;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import java.util.List;

/**
 * OpenVINO's discrete Fourier transforms over the innermost axes of a signal, complex values held as their parts in
 * a trailing axis of 2: RDFT-9 (real to complex: the last axis keeps its first n / 2 + 1 frequencies), IRDFT-9 (back
 * to real), DFT-7 and IDFT-7 (complex to complex; the inverses divide by the signal's size; of a dynamic shape, matrix
 * products). A signal size, when
 * given, crops or pads with zeros each transformed axis of the input first, as TensorFlow's {@code fft_length}.
 */
public final class Fourier {
    private Fourier() {}

    /** RDFT-9 of the real {@code x} over its last {@code sizes.length} axes, of these signal sizes. */
    public static Output rdft(Output x, long[] sizes) {
        long[] dims = x.shape().dims();
        long[] out = new long[dims.length + 1];
        System.arraycopy(dims, 0, out, 0, dims.length);
        System.arraycopy(sizes, 0, out, dims.length - sizes.length, sizes.length);
        out[dims.length - 1] = sizes[sizes.length - 1] / 2 + 1;
        out[dims.length] = 2;
        return transform("RDFT", "opset9", x, dims.length, sizes, out);
    }

    /** IRDFT-9 of the complex {@code parts} over the last {@code sizes.length} axes, to real signals of these sizes. */
    public static Output irdft(Output parts, long[] sizes) {
        int rank = parts.rank() - 1;
        long[] out = new long[rank];
        System.arraycopy(parts.shape().dims(), 0, out, 0, rank);
        System.arraycopy(sizes, 0, out, rank - sizes.length, sizes.length);
        return transform("IRDFT", "opset9", parts, rank, sizes, out);
    }

    /**
     * DFT-7 (or IDFT-7 when {@code inverse}) of the complex {@code parts} over its last {@code count} axes; of a
     * signal whose shape is known at run time only, one matrix product per axis ({@link #dftByProducts}):
     * OpenVINO 2024.6's CPU plugin runs no DFT-7 or IDFT-7 of a dynamic shape (not even of a dynamic batch).
     */
    public static Output dft(Output parts, int count, boolean inverse) {
        int rank = parts.rank() - 1;
        if (!parts.shape().isFullyDefined()) {
            return dftByProducts(parts, count, inverse);
        }
        Node.Builder node = Node.builder(inverse ? "IDFT" : "DFT", "opset7").inputs(parts,
                Constants.i64(innermost(rank, count)));
        return node.output(parts.type(), parts.shape()).buildOutput();
    }

    /**
     * The transform along each of the last {@code count} signal axes as a product with the n x n matrix
     * exp(-+2 pi i jk / n) built at run time (jk taken mod n first, so that the angles stay exact), the real and
     * imaginary parts multiplied apart; the inverse divides by n.
     */
    private static Output dftByProducts(Output parts, int count, boolean inverse) {
        int rank = parts.rank() - 1;
        Output re = Movement.gather(parts, Constants.i64Scalar(0), rank);
        Output im = Movement.gather(parts, Constants.i64Scalar(1), rank);
        for (int axis = rank - count; axis < rank; axis++) {
            int[] toLast = new int[rank];
            for (int i = 0, k = 0; i < rank; i++) {
                if (i != axis) {
                    toLast[k++] = i;
                }
            }
            toLast[rank - 1] = axis;
            int[] back = new int[rank];
            for (int i = 0; i < rank; i++) {
                back[toLast[i]] = i;
            }
            Output a = Movement.transpose(re, toLast);
            Output b = Movement.transpose(im, toLast);
            Output n = Movement.gather(Movement.shapeOf(a, ElementType.I64), Constants.i64Scalar(rank - 1), 0);
            Output k = Movement.indices(n);
            Output jk = Elementwise.binary("FloorMod", Elementwise.multiply(Movement.unsqueeze(k, 1),
                    Movement.unsqueeze(k, 0)), n);
            Output turns = Elementwise.multiply(Elementwise.convert(jk, parts.type()), Constants.scalar(parts.type(),
                    2 * Math.PI));
            turns.node().keepPrecision(); // 2 pi in f16 (6.28125) would put every angle off by 3e-4 of itself
            Output angle = Elementwise.binary("Divide", turns, Elementwise.convert(n, parts.type()));
            Output cos = Elementwise.unary("Cos", "opset1", angle);
            Output sin = Elementwise.unary("Sin", "opset1", angle);
            if (!inverse) {
                sin = Elementwise.unary("Negative", "opset1", sin);
            }
            Output real = Elementwise.binary("Subtract", MatMuls.matMul(a, cos, false, false),
                    MatMuls.matMul(b, sin, false, false));
            Output imaginary = Elementwise.add(MatMuls.matMul(a, sin, false, false),
                    MatMuls.matMul(b, cos, false, false));
            if (inverse) {
                Output size = Elementwise.convert(n, parts.type());
                real = Elementwise.binary("Divide", real, size);
                imaginary = Elementwise.binary("Divide", imaginary, size);
            }
            re = Movement.transpose(real, back);
            im = Movement.transpose(imaginary, back);
        }
        return Movement.concat(List.of(Movement.unsqueeze(re, rank), Movement.unsqueeze(im, rank)), rank);
    }

    private static Output transform(String type, String opset, Output x, int signalRank, long[] sizes, long[] out) {
        return Node.builder(type, opset).inputs(x, Constants.i64(innermost(signalRank, sizes.length)),
                Constants.i64(sizes)).output(x.type(), PartialShape.of(out)).buildOutput();
    }

    /** The last {@code count} of {@code rank} axes, counted from 0. */
    private static long[] innermost(int rank, int count) {
        long[] axes = new long[count];
        for (int i = 0; i < count; i++) {
            axes[i] = rank - count + i;
        }
        return axes;
    }
}
