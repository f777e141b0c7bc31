package dev.tfir.convert.ir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/** Elements computed one for one from an f32 tensor's (the base's chunks are read first, then mapped). */
abstract class FloatMapping implements DerivedElements {
    private final ConstTensor base;
    private final int outputSize;

    FloatMapping(ConstTensor base, ElementType output) {
        if (base.type() != ElementType.F32) {
            throw new IllegalStateException("a " + base.type().irName() + " tensor is not f32");
        }
        this.base = base;
        this.outputSize = output.byteSize();
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
        ByteBuffer values = ByteBuffer.allocate(n * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        base.copyElements(from, count, values);
        map(from, values.flip().asFloatBuffer(), target.slice().order(ByteOrder.LITTLE_ENDIAN), n);
        target.position(target.position() + n * outputSize);
    }

    /** Puts the results for base elements [from, from + n), given in {@code in}, at the start of {@code out}. */
    abstract void map(long from, FloatBuffer in, ByteBuffer out, int n);
}
