package dev.tfir.convert.ir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * An f32 tensor cut into as many equal consecutive blocks as there are factors, each multiplied by its factor in
 * double precision and rounded to f32 (a batch norm folded into the convolution before it: a block per output
 * channel), computed a chunk at a time.
 */
final class BlockScaling implements DerivedElements {
    private final ConstTensor base;
    private final double[] factors;
    private final long block;

    BlockScaling(ConstTensor base, double[] factors) {
        if (base.type() != ElementType.F32) {
            throw new IllegalStateException("a " + base.type().irName() + " tensor is not f32");
        }
        if (factors.length == 0 || base.elementCount() % factors.length != 0) {
            throw new IllegalArgumentException(factors.length + " factors for a tensor of shape " + base);
        }
        this.base = base;
        this.factors = factors.clone();
        this.block = base.elementCount() / factors.length;
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
        FloatBuffer in = values.flip().asFloatBuffer();
        FloatBuffer out = target.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        int i = 0;
        while (i < n) {
            long element = from + i;
            double factor = factors[(int) (element / block)];
            int end = (int) Math.min(n, i + (block - element % block));
            for (; i < end; i++) {
                out.put(i, (float) (in.get(i) * factor));
            }
        }
        target.position(target.position() + n * Float.BYTES);
    }
}
