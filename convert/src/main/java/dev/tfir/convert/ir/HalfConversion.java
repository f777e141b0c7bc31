package dev.tfir.convert.ir;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * An f32 tensor's elements as f16 (rounded to nearest even), converted a chunk at a time, a block at a time
 * through arrays (bulk copies in and out: the conversion loop touches no buffer, so it is quick even before C2
 * compiles it).
 */
final class HalfConversion extends FloatMapping {
    private static final int BLOCK = 1 << 12;
    private static final ThreadLocal<Block> BLOCKS = ThreadLocal.withInitial(Block::new);

    HalfConversion(ConstTensor base) {
        super(base, ElementType.F16);
    }

    @Override
    void map(long from, FloatBuffer in, ByteBuffer out, int n) {
        Block block = BLOCKS.get();
        var halves = out.asShortBuffer();
        for (int done = 0; done < n; done += BLOCK) {
            int count = Math.min(BLOCK, n - done);
            in.get(block.floats, 0, count);
            Half.fromFloats(block.floats, block.halves, count);
            halves.put(block.halves, 0, count);
        }
    }

    private static final class Block {
        final float[] floats = new float[BLOCK];
        final short[] halves = new short[BLOCK];
    }
}
