package dev.tfir.convert.ir;

import java.nio.ByteBuffer;

/** An f32 tensor's elements as f16 (rounded to nearest even), converted a chunk at a time. */
final class HalfConversion extends FloatMapping {
    private static final ThreadLocal<short[]> HALVES = ThreadLocal.withInitial(() -> new short[BLOCK]);

    HalfConversion(ConstTensor base) {
        super(base);
    }

    @Override
    void map(long from, float[] values, int length, ByteBuffer out) {
        short[] halves = HALVES.get();
        Half.fromFloats(values, halves, length);
        out.asShortBuffer().put(halves, 0, length);
        out.position(out.position() + length * Short.BYTES);
    }
}
