package dev.tfir.convert.ir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;

/** An f32 tensor's elements as f16 (rounded to nearest even), converted a chunk at a time. */
final class HalfConversion implements DerivedElements {
    private final ConstTensor base;

    HalfConversion(ConstTensor base) {
        if (base.type() != ElementType.F32) {
            throw new IllegalStateException("a " + base.type().irName() + " tensor is not f32");
        }
        this.base = base;
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
        ByteBuffer floats = ByteBuffer.allocate(n * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        base.copyElements(from, count, floats);
        FloatBuffer in = floats.flip().asFloatBuffer();
        ShortBuffer out = target.slice().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        for (int i = 0; i < n; i++) {
            out.put(i, Half.fromFloat(in.get(i)));
        }
        target.position(target.position() + n * Short.BYTES);
    }
}
