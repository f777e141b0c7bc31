package dev.tfir.convert.ir;

import java.nio.ByteBuffer;

/**
 * An f32 tensor cut into as many equal consecutive blocks as there are factors, each multiplied by its factor in
 * double precision and rounded to f32 (a batch norm folded into the convolution before it: a block per output
 * channel), computed a chunk at a time.
 */
final class BlockScaling extends FloatMapping {
    private final double[] factors;
    private final long block;

    BlockScaling(ConstTensor base, double[] factors) {
        super(base);
        if (factors.length == 0 || base.elementCount() % factors.length != 0) {
            throw new IllegalArgumentException(factors.length + " factors for a tensor of shape " + base);
        }
        this.factors = factors.clone();
        this.block = base.elementCount() / factors.length;
    }

    /** The base and the largest factor's magnitude; none when a factor is infinite or NaN. */
    @Override
    public Bound bound() {
        double largest = 0;
        for (double factor : factors) {
            if (!Double.isFinite(factor)) {
                return null;
            }
            largest = Math.max(largest, Math.abs(factor));
        }
        return new Bound(base(), largest);
    }

    @Override
    void map(long from, float[] values, int length, ByteBuffer out) {
        int i = 0;
        while (i < length) {
            long element = from + i;
            double factor = factors[(int) (element / block)];
            int end = (int) Math.min(length, i + (block - element % block));
            for (; i < end; i++) {
                values[i] = (float) (values[i] * factor);
            }
        }
        out.asFloatBuffer().put(values, 0, length);
        out.position(out.position() + length * Float.BYTES);
    }
}
