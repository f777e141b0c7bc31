package dev.tfir.convert.ir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * A row-major tensor with its axes permuted (output axis i is input axis {@code perm[i]}), computed a block of
 * output axis-0 slices at a time. Axes of size 1 are dropped and axes that stay neighbours are merged first; then
 * each 2-D plane between the input's innermost axis (contiguous reads) and the output's innermost axis (contiguous
 * writes) is copied in square tiles, so both sides stay in cache whatever the strides.
 */
final class Transposition implements DerivedElements {
    private static final int TILE = 64;

    private final ConstTensor base;
    private final int elementSize;
    private final long[] inShape;
    private final long[] inStrides;
    /** Per input axis: the stride of its position in the output. */
    private final long[] outStrides;
    /** The input axis that becomes output axis 0, and the elements of one output axis-0 slice. */
    private final int firstAxis;
    private final long slice;
    /** The input axis that becomes the output's innermost. */
    private final int lastAxis;

    /** The transposition of {@code base} by {@code perm}, a permutation already checked by {@link #permutedShape}. */
    Transposition(ConstTensor base, int[] perm) {
        this.base = base;
        this.elementSize = base.type().byteSize();
        AxisGroups groups = AxisGroups.of(base.shape(), perm);
        inShape = groups.shape();
        int[] order = groups.perm();
        int rank = inShape.length;
        inStrides = new long[rank];
        outStrides = new long[rank];
        long stride = 1;
        for (int d = rank - 1; d >= 0; d--) {
            inStrides[d] = stride;
            stride *= inShape[d];
        }
        stride = 1;
        for (int p = rank - 1; p >= 0; p--) {
            outStrides[order[p]] = stride;
            stride *= inShape[order[p]];
        }
        firstAxis = rank == 0 ? -1 : order[0];
        lastAxis = rank == 0 ? -1 : order[rank - 1];
        slice = rank == 0 ? 1 : outStrides[firstAxis];
    }

    static long[] permutedShape(long[] shape, int[] perm) {
        if (perm.length != shape.length) {
            throw new IllegalArgumentException("a permutation of " + perm.length + " axes for rank " + shape.length);
        }
        long[] permuted = new long[perm.length];
        boolean[] seen = new boolean[perm.length];
        for (int i = 0; i < perm.length; i++) {
            if (perm[i] < 0 || perm[i] >= perm.length || seen[perm[i]]) {
                throw new IllegalArgumentException("not a permutation of " + perm.length + " axes: axis " + perm[i]);
            }
            seen[perm[i]] = true;
            permuted[i] = shape[perm[i]];
        }
        return permuted;
    }

    @Override
    public long unit() {
        return slice;
    }

    @Override
    public ConstTensor reordered() {
        return base;
    }

    @Override
    public void fill(long from, long count, ByteBuffer target) {
        ByteBuffer out = target.slice().order(ByteOrder.LITTLE_ENDIAN);
        Mover mover = elementSize == Integer.BYTES ? new IntMover(base.data().asIntBuffer(), out.asIntBuffer())
                : new ByteMover(base.data(), out, elementSize);
        int rank = inShape.length;
        if (rank == 0) {
            mover.copyRun(0, 0, 1);
        } else if (count > 0) {
            long[] lo = new long[rank];
            long[] hi = inShape.clone();
            lo[firstAxis] = from / slice;
            hi[firstAxis] = lo[firstAxis] + count / slice;
            copyBlock(mover, lo, hi);
        }
        target.position(target.position() + Math.toIntExact(count * elementSize));
    }

    /** Walks the axes other than the two innermost ones through the block and copies each plane in tiles. */
    private void copyBlock(Mover mover, long[] lo, long[] hi) {
        int rank = inShape.length;
        int a = rank - 1;
        int b = lastAxis;
        long[] index = lo.clone();
        while (true) {
            long inAt = 0;
            long outAt = 0;
            for (int d = 0; d < rank; d++) {
                if (d != a && d != b) {
                    inAt += index[d] * inStrides[d];
                    outAt += (index[d] - (d == firstAxis ? lo[d] : 0)) * outStrides[d];
                }
            }
            copyPlane(mover, inAt, outAt, lo, hi, a, b);
            int d = rank - 1;
            for (; d >= 0; d--) {
                if (d == a || d == b) {
                    continue;
                }
                if (++index[d] < hi[d]) {
                    break;
                }
                index[d] = lo[d];
            }
            if (d < 0) {
                return;
            }
        }
    }

    /** Copies the plane of input axes a (innermost) and b (the output's innermost) in TILE x TILE tiles. */
    private void copyPlane(Mover mover, long inAt, long outAt, long[] lo, long[] hi, int a, int b) {
        long aOrigin = a == firstAxis ? lo[a] : 0;
        if (a == b) {
            mover.copyRun((int) (inAt + lo[a]), (int) (outAt + lo[a] - aOrigin), (int) (hi[a] - lo[a]));
            return;
        }
        long bOrigin = b == firstAxis ? lo[b] : 0;
        int inB = (int) inStrides[b];
        int outA = (int) outStrides[a];
        for (long bt = lo[b]; bt < hi[b]; bt += TILE) {
            int bLength = (int) (Math.min(hi[b], bt + TILE) - bt);
            for (long at = lo[a]; at < hi[a]; at += TILE) {
                int aLength = (int) (Math.min(hi[a], at + TILE) - at);
                int in = (int) (inAt + at + bt * inB);
                int out = (int) (outAt + (at - aOrigin) * outA + bt - bOrigin);
                mover.copyTile(in, inB, out, outA, aLength, bLength);
            }
        }
    }

    /** Copies elements from input indexes to output indexes. */
    private interface Mover {
        /** {@code length} elements, contiguous in both. */
        void copyRun(int from, int to, int length);

        /**
         * A tile: {@code bLength} input rows of {@code aLength} contiguous elements, {@code inB} apart, become
         * {@code aLength} output rows of {@code bLength} contiguous elements, {@code outA} apart.
         */
        void copyTile(int from, int inB, int to, int outA, int aLength, int bLength);
    }

    /** 4-byte elements (f32, i32), bit for bit: input rows read in bulk, turned in an array, written in bulk. */
    private static final class IntMover implements Mover {
        private final IntBuffer in;
        private final IntBuffer out;
        private final int[] rows = new int[TILE * TILE];
        private final int[] turned = new int[TILE * TILE];

        IntMover(IntBuffer in, IntBuffer out) {
            this.in = in;
            this.out = out;
        }

        @Override
        public void copyRun(int from, int to, int length) {
            out.put(to, in, from, length);
        }

        @Override
        public void copyTile(int from, int inB, int to, int outA, int aLength, int bLength) {
            for (int j = 0; j < bLength; j++) {
                in.get(from + j * inB, rows, j * aLength, aLength);
            }
            for (int i = 0; i < aLength; i++) {
                for (int j = 0; j < bLength; j++) {
                    turned[i * bLength + j] = rows[j * aLength + i];
                }
                out.put(to + i * outA, turned, i * bLength, bLength);
            }
        }
    }

    /** Elements of any size, one at a time. */
    private record ByteMover(ByteBuffer in, ByteBuffer out, int size) implements Mover {
        @Override
        public void copyRun(int from, int to, int length) {
            out.put(to * size, in, from * size, length * size);
        }

        @Override
        public void copyTile(int from, int inB, int to, int outA, int aLength, int bLength) {
            for (int i = 0; i < aLength; i++) {
                for (int j = 0; j < bLength; j++) {
                    for (int k = 0; k < size; k++) {
                        out.put((to + i * outA + j) * size + k, in.get((from + i + j * inB) * size + k));
                    }
                }
            }
        }
    }
}
