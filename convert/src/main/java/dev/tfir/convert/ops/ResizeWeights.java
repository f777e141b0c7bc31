package dev.tfir.convert.ops;

/**
 * The weights TensorFlow's ResizeBicubic and ResizeArea give each input row (or column) in each output row: both
 * kernels are separable, so an image is resized by a matrix (out, in) along each axis. Computed in float32 as
 * TensorFlow's kernels compute them (bicubic: its Keys coefficients tabulated at 1/1024 steps).
 */
final class ResizeWeights {
    private static final int TABLE_SIZE = 1 << 10;

    private ResizeWeights() {}

    /** TensorFlow's CalculateResizeScale: input size over output size (minus one each with align_corners). */
    static float scale(long in, long out, boolean alignCorners) {
        return alignCorners && out > 1 ? (in - 1) / (float) (out - 1) : in / (float) out;
    }

    /**
     * ResizeBicubic along one axis: legacy (a = -0.75, edge pixels repeated) or, with half-pixel centres, Keys'
     * a = -0.5 with the weights of samples outside the image dropped and the rest renormalized.
     */
    static float[][] bicubic(int in, int out, boolean alignCorners, boolean halfPixelCenters) {
        float[] table = table(halfPixelCenters ? -0.5 : -0.75);
        float scale = scale(in, out, alignCorners);
        float[][] weights = new float[out][in];
        for (int o = 0; o < out; o++) {
            float at = halfPixelCenters ? ((float) o + 0.5f) * scale - 0.5f : (float) o * scale;
            long base = (long) Math.floor(at);
            int offset = (int) Math.rint((at - base) * TABLE_SIZE);
            float[] taps = {table[offset * 2 + 1], table[offset * 2], table[(TABLE_SIZE - offset) * 2],
                table[(TABLE_SIZE - offset) * 2 + 1]};
            float sum = 0;
            for (int k = 0; k < 4; k++) {
                long index = base - 1 + k;
                if (halfPixelCenters && (index < 0 || index >= in)) {
                    taps[k] = 0;
                }
                sum += taps[k];
            }
            boolean renormalize = halfPixelCenters && Math.abs(sum) >= 1000.0f * Float.MIN_NORMAL;
            for (int k = 0; k < 4; k++) {
                weights[o][bound(base - 1 + k, in)] += renormalize ? taps[k] * (1.0f / sum) : taps[k];
            }
        }
        return weights;
    }

    /**
     * ResizeArea along one axis: each output cell averages the input cells it overlaps, weighted by the overlap
     * (cells beyond the input repeat its last one).
     */
    static float[][] area(int in, int out, boolean alignCorners) {
        float scale = scale(in, out, alignCorners);
        float[][] weights = new float[out][in];
        for (int o = 0; o < out; o++) {
            float from = o * scale;
            float to = (o + 1) * scale;
            for (long i = (long) Math.floor(from); i < (long) Math.ceil(to); i++) {
                float overlap = i < from ? (i + 1 > to ? scale : i + 1 - from) : (i + 1 > to ? to - i : 1.0f);
                weights[o][bound(i, in)] += overlap / scale;
            }
        }
        return weights;
    }

    /** Keys' cubic coefficients for distances 0..1 (even entries) and 1..2 (odd), at 1/1024 steps. */
    private static float[] table(double a) {
        float[] table = new float[(TABLE_SIZE + 1) * 2];
        for (int i = 0; i <= TABLE_SIZE; i++) {
            float x = (float) (i * 1.0 / TABLE_SIZE);
            table[i * 2] = (float) (((a + 2) * x - (a + 3)) * x * x + 1);
            x += 1.0f;
            table[i * 2 + 1] = (float) (((a * x - 5 * a) * x + 8 * a) * x - 4 * a);
        }
        return table;
    }

    private static int bound(long index, int limit) {
        return (int) Math.min(limit - 1, Math.max(0, index));
    }
}
