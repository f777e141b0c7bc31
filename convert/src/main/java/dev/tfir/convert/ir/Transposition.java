package dev.tfir.convert.ir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Permutes the axes of a row-major tensor's bytes, element by element with running offsets. */
final class Transposition {
    private Transposition() {}

    static long[] permutedShape(long[] shape, int[] perm) {
        if (perm.length != shape.length) {
            throw new IllegalArgumentException("a permutation of " + perm.length + " axes for rank " + shape.length);
        }
        long[] permuted = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            permuted[i] = shape[perm[i]];
        }
        return permuted;
    }

    static ByteBuffer permute(ByteBuffer in, int elementSize, long[] shape, int[] perm) {
        int rank = shape.length;
        long[] outShape = permutedShape(shape, perm);
        long[] inStrides = new long[rank];
        long stride = elementSize;
        for (int d = rank - 1; d >= 0; d--) {
            inStrides[d] = stride;
            stride *= shape[d];
        }
        long[] step = new long[rank];
        for (int d = 0; d < rank; d++) {
            step[d] = inStrides[perm[d]];
        }
        byte[] source = new byte[in.remaining()];
        in.get(source);
        byte[] target = new byte[source.length];
        int inner = rank - 1;
        int innerLength = (int) outShape[inner];
        long innerStep = step[inner];
        int outerCount = innerLength == 0 ? 0 : source.length / elementSize / innerLength;
        long[] index = new long[rank];
        long offset = 0;
        int at = 0;
        for (int n = 0; n < outerCount; n++) {
            copyRow(source, (int) offset, (int) innerStep, target, at, innerLength, elementSize);
            at += innerLength * elementSize;
            for (int d = inner - 1; d >= 0; d--) {
                if (++index[d] < outShape[d]) {
                    offset += step[d];
                    break;
                }
                offset -= step[d] * (outShape[d] - 1);
                index[d] = 0;
            }
        }
        return ByteBuffer.wrap(target).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Copies {@code count} elements taken every {@code step} bytes to consecutive places. */
    private static void copyRow(byte[] source, int from, int step, byte[] target, int at, int count,
                                int elementSize) {
        if (elementSize == Float.BYTES) {
            for (int j = 0, s = from, t = at; j < count; j++, s += step, t += Float.BYTES) {
                target[t] = source[s];
                target[t + 1] = source[s + 1];
                target[t + 2] = source[s + 2];
                target[t + 3] = source[s + 3];
            }
            return;
        }
        for (int j = 0, s = from, t = at; j < count; j++, s += step, t += elementSize) {
            System.arraycopy(source, s, target, t, elementSize);
        }
    }
}
