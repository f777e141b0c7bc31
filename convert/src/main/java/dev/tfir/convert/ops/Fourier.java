package dev.tfir.convert.ops;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;

/**
 * OpenVINO's discrete Fourier transforms over the innermost axes of a signal, complex values held as their parts in
 * a trailing axis of 2: RDFT-9 (real to complex: the last axis keeps its first n / 2 + 1 frequencies), IRDFT-9 (back
 * to real), DFT-7 and IDFT-7 (complex to complex; the inverses divide by the signal's size). A signal size, when
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

    /** DFT-7 (or IDFT-7 when {@code inverse}) of the complex {@code parts} over its last {@code count} axes. */
    public static Output dft(Output parts, int count, boolean inverse) {
        int rank = parts.rank() - 1;
        Node.Builder node = Node.builder(inverse ? "IDFT" : "DFT", "opset7").inputs(parts,
                Constants.i64(innermost(rank, count)));
        return node.output(parts.type(), parts.shape()).buildOutput();
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
