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
    /**
     * The output elements of a {@link StagedIntMover} stage: as many whole output axis-0 slices as fit, and at least
     * {@value #TILE} of them.
     */
    private static final long STAGE = 1 << 18;
    /** The longest stage array a thread keeps (as {@link FloatMapping} keeps its buffers). */
    private static final int KEPT = 8 << 20;
    private static final ThreadLocal<Stages> STAGES = ThreadLocal.withInitial(Stages::new);

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
        int rank = inShape.length;
        if (rank == 0) {
            out.put(0, base.data(), 0, elementSize);
        } else if (count > 0 && elementSize == Integer.BYTES && inShape[lastAxis] < TILE) {
            // short output rows (a convolution's window): a stage of whole output axis-0 slices at a time, at least a
            // tile's worth (fewer made tiles narrow and walked the whole input, page by page, once per stage)
            long stage = Math.max(TILE, STAGE / slice) * slice;
            StagedIntMover mover = new StagedIntMover(base.data().asIntBuffer(), STAGES.get(),
                    Math.toIntExact(Math.min(stage, count)));
            IntBuffer ints = out.asIntBuffer();
            for (long done = 0; done < count; done += stage) {
                int length = (int) Math.min(stage, count - done);
                copyBlock(mover, from + done, length);
                ints.put(Math.toIntExact(done), mover.stage, 0, length);
            }
        } else if (count > 0) {
            copyBlock(elementSize == Integer.BYTES ? new IntMover(base.data().asIntBuffer(), out.asIntBuffer())
                    : new ByteMover(base.data(), out, elementSize), from, count);
        }
        target.position(target.position() + Math.toIntExact(count * elementSize));
    }

    /** Copies output elements [from, from + count), whole output axis-0 slices, to the mover's output index 0. */
    private void copyBlock(Mover mover, long from, long count) {
        long[] lo = new long[inShape.length];
        long[] hi = inShape.clone();
        lo[firstAxis] = from / slice;
        hi[firstAxis] = lo[firstAxis] + count / slice;
        copyBlock(mover, lo, hi);
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

    /** 4-byte elements (f32, i32), bit for bit, a tile's input rows read in bulk into an array. */
    private abstract static class IntTileMover implements Mover {
        final IntBuffer in;
        final int[] rows = new int[TILE * TILE];

        IntTileMover(IntBuffer in) {
            this.in = in;
        }

        /** Reads {@code bLength} input rows of {@code aLength} elements, {@code inB} apart, into {@code rows}. */
        void readRows(int from, int inB, int aLength, int bLength) {
            for (int j = 0; j < bLength; j++) {
                in.get(from + j * inB, rows, j * aLength, aLength);
            }
        }
    }

    /** 4-byte elements: a tile's rows turned in an array, each output row written in bulk. */
    private static final class IntMover extends IntTileMover {
        private final IntBuffer out;
        private final int[] turned = new int[TILE * TILE];

        IntMover(IntBuffer in, IntBuffer out) {
            super(in);
            this.out = out;
        }

        @Override
        public void copyRun(int from, int to, int length) {
            out.put(to, in, from, length);
        }

        @Override
        public void copyTile(int from, int inB, int to, int outA, int aLength, int bLength) {
            readRows(from, inB, aLength, bLength);
            for (int i = 0; i < aLength; i++) {
                for (int j = 0; j < bLength; j++) {
                    turned[i * bLength + j] = rows[j * aLength + i];
                }
                out.put(to + i * outA, turned, i * bLength, bLength);
            }
        }
    }

    /**
     * 4-byte elements where the output's rows are short, into a stage array (written in bulk after): input rows
     * read in bulk, turned element by element in arrays. {@link IntMover}'s bulk writes of each short output row
     * made a convolution's weights (3x3 window innermost) 4 times slower.
     */
    private static final class StagedIntMover extends IntTileMover {
        private final int[] stage;

        /** A mover from {@code in} into {@code stages}' array of at least {@code length} elements. */
        StagedIntMover(IntBuffer in, Stages stages, int length) {
            super(in);
            this.stage = stages.array(length);
        }

        @Override
        public void copyRun(int from, int to, int length) {
            in.get(from, stage, to, length);
        }

        @Override
        public void copyTile(int from, int inB, int to, int outA, int aLength, int bLength) {
            readRows(from, inB, aLength, bLength);
            for (int i = 0; i < aLength; i++) {
                int row = to + i * outA;
                for (int j = 0; j < bLength; j++) {
                    stage[row + j] = rows[j * aLength + i];
                }
            }
        }
    }

    /** A thread's stage array, reused from stage to stage (one longer than {@value #KEPT} elements is not kept). */
    private static final class Stages {
        private int[] array = new int[0];

        int[] array(int length) {
            if (array.length >= length) {
                return array;
            }
            int[] longer = new int[length];
            if (length <= KEPT) {
                array = longer;
            }
            return longer;
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
