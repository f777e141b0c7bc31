package dev.tfir.convert.ir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayDeque;

/**
 * Elements computed one for one from an f32 tensor's (the base's chunks are read first, then mapped a block of
 * {@value #BLOCK} values at a time, as arrays: the mapping loops touch no buffer, so they are quick even before C2
 * compiles them). The chunks are read into buffers each thread reuses (one per level of nested mappings; none kept
 * above {@value #KEPT_BYTES} bytes): a fresh array per chunk was zeroed and collected again and again.
 */
abstract class FloatMapping implements DerivedElements {
    private static final int KEPT_BYTES = 32 << 20;
    static final int BLOCK = 1 << 12;
    private static final ThreadLocal<ArrayDeque<ByteBuffer>> FREE_BUFFERS = ThreadLocal.withInitial(ArrayDeque::new);
    private static final ThreadLocal<float[]> BLOCKS = ThreadLocal.withInitial(() -> new float[BLOCK]);

    private final ConstTensor base;

    FloatMapping(ConstTensor base) {
        if (base.type() != ElementType.F32) {
            throw new IllegalStateException("a " + base.type().irName() + " tensor is not f32");
        }
        this.base = base;
    }

    /** The f32 tensor the elements are computed from. */
    ConstTensor base() {
        return base;
    }

    @Override
    public long unit() {
        return base.chunkUnit();
    }

    @Override
    public ConstTensor reordered() {
        return null;
    }

    @Override
    public void fill(long from, long count, ByteBuffer target) {
        int n = Math.toIntExact(count);
        ArrayDeque<ByteBuffer> free = FREE_BUFFERS.get();
        ByteBuffer values = take(free, n * Float.BYTES);
        ByteBuffer out = target.slice().order(ByteOrder.LITTLE_ENDIAN);
        try {
            base.copyElements(from, count, values);
            FloatBuffer in = values.flip().asFloatBuffer();
            float[] block = BLOCKS.get();
            for (int done = 0; done < n; done += BLOCK) {
                int length = Math.min(BLOCK, n - done);
                in.get(block, 0, length);
                map(from + done, block, length, out);
            }
        } finally {
            if (values.capacity() <= KEPT_BYTES) {
                free.push(values);
            }
        }
        target.position(target.position() + out.position());
    }

    /** A free buffer of the thread with room for {@code bytes} (cleared, limited to them), or a new one. */
    private static ByteBuffer take(ArrayDeque<ByteBuffer> free, int bytes) {
        ByteBuffer buffer = free.poll();
        if (buffer == null || buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }
        return buffer.clear().limit(bytes);
    }

    /**
     * Puts the results for base elements [from, from + length), given in {@code values[0, length)} (which it may
     * overwrite), at {@code out}'s position, and moves the position past them.
     */
    abstract void map(long from, float[] values, int length, ByteBuffer out);
}
