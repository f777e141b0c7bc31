package dev.tfir.convert.ir;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;

/** An f32 tensor's elements as f16 (rounded to nearest even), converted a chunk at a time. */
final class HalfConversion extends FloatMapping {
    HalfConversion(ConstTensor base) {
        super(base, ElementType.F16);
    }

    @Override
    void map(long from, FloatBuffer in, ByteBuffer out, int n) {
        ShortBuffer halves = out.asShortBuffer();
        for (int i = 0; i < n; i++) {
            halves.put(i, Half.fromFloat(in.get(i)));
        }
    }
}
