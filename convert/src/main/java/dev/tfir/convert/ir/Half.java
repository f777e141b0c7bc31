package dev.tfir.convert.ir;

import java.nio.IntBuffer;

/** IEEE 754 half precision (binary16) conversions, rounding to nearest even as C++ and numpy do. */
public final class Half {
    /** The largest finite half value. */
    public static final float MAX = 65504f;
    /** The smallest magnitude that rounds to infinity (MAX plus half a unit in the last place). */
    static final float OVERFLOW = 65520f;

    /** Float bits from which every value rounds to a half infinity (2^16). */
    private static final int HALF_OVERFLOW_BITS = (127 + 16) << 23;
    private static final int FLOAT_INFINITY_BITS = 0xFF << 23;
    /** The smallest normal half, 2^-14. */
    static final float SMALLEST_NORMAL = 0x1p-14f;
    /** Float bits of the smallest normal half. */
    private static final int SMALLEST_NORMAL_BITS = (127 - 14) << 23;
    /** 0.5: adding it to a value below 2^-14 rounds it to a multiple of 2^-24, the half subnormal step. */
    private static final float SUBNORMAL_MAGIC = 0.5f;
    private static final int SUBNORMAL_MAGIC_BITS = Float.floatToRawIntBits(SUBNORMAL_MAGIC);
    /** Moves a float exponent to the half bias. */
    private static final int EXPONENT_REBIAS = (15 - 127) << 23;

    private Half() {}

    /**
     * The 16-bit pattern of the half nearest to {@code value}; out of range values become infinities, NaNs quiet
     * NaNs. Branch-light (FP16 compression converts every weight): normal results round by integer addition,
     * subnormal ones by a float addition that leaves the rounded half in the low bits.
     */
    public static short fromFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int magnitude = bits & 0x7FFFFFFF;
        int half;
        if (magnitude >= HALF_OVERFLOW_BITS) {
            half = magnitude > FLOAT_INFINITY_BITS ? 0x7E00 : 0x7C00;
        } else if (magnitude < SMALLEST_NORMAL_BITS) {
            half = Float.floatToRawIntBits(Float.intBitsToFloat(magnitude) + SUBNORMAL_MAGIC) - SUBNORMAL_MAGIC_BITS;
        } else {
            int odd = (magnitude >>> 13) & 1;
            half = (magnitude + EXPONENT_REBIAS + 0xFFF + odd) >>> 13;
        }
        return (short) (sign | half);
    }

    /** {@link #fromFloat} of {@code values[0, count)} into {@code halves}. */
    static void fromFloats(float[] values, short[] halves, int count) {
        for (int i = 0; i < count; i++) {
            halves[i] = fromFloat(values[i]);
        }
    }

    /** The float value of a half's 16-bit pattern (exact). */
    public static float toFloat(short half) {
        int h = half & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign != 0 ? -magnitude : magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }

    /**
     * Whether a finite one of the floats whose bits {@code values} holds (from its position to its limit) has a
     * magnitude of at least {@code limit} ({@link #OVERFLOW}: would overflow to infinity as a half). Copies them to
     * {@code block} a block at a time and takes the largest magnitude (a loop the JIT vectorizes); only a block
     * holding an infinity or NaN is looked at value by value.
     */
    public static boolean anyAtLeast(IntBuffer values, int[] block, float limit) {
        int limitBits = Float.floatToRawIntBits(limit);
        while (values.hasRemaining()) {
            int n = Math.min(block.length, values.remaining());
            values.get(block, 0, n);
            int largest = 0;
            for (int i = 0; i < n; i++) {
                largest = Math.max(largest, block[i] & 0x7FFFFFFF);
            }
            if (largest >= limitBits && (largest < FLOAT_INFINITY_BITS || anyFiniteAtLeast(block, n, limit))) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyFiniteAtLeast(int[] block, int n, float limit) {
        for (int i = 0; i < n; i++) {
            float value = Float.intBitsToFloat(block[i]);
            if (Float.isFinite(value) && Math.abs(value) >= limit) {
                return true;
            }
        }
        return false;
    }
}
