package dev.tfir.convert.ir;

/** IEEE 754 half precision (binary16) conversions, rounding to nearest even as C++ and numpy do. */
public final class Half {
    /** The largest finite half value. */
    public static final float MAX = 65504f;
    /** The smallest magnitude that rounds to infinity (MAX plus half a unit in the last place). */
    private static final float OVERFLOW = 65520f;

    private Half() {}

    /** The 16-bit pattern of the half nearest to {@code value}; out of range values become infinities. */
    public static short fromFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xFF;
        int mantissa = bits & 0x7FFFFF;
        if (exponent == 0xFF) {
            return (short) (sign | 0x7C00 | (mantissa != 0 ? 0x200 : 0));
        }
        int halfExponent = exponent - 127 + 15;
        if (halfExponent >= 0x1F) {
            return (short) (sign | 0x7C00);
        }
        if (halfExponent <= 0) {
            if (halfExponent < -10) {
                return (short) sign;
            }
            int full = mantissa | 0x800000;
            int shift = 14 - halfExponent;
            return (short) (sign | roundShift(full, shift));
        }
        int rounded = roundShift((halfExponent << 23) | mantissa, 13);
        return (short) (sign | rounded);
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

    /** True when the finite value would overflow to infinity as a half. */
    public static boolean overflows(float value) {
        return Float.isFinite(value) && Math.abs(value) >= OVERFLOW;
    }

    /** value >> shift, rounded to nearest, ties to even (a carry into the exponent is intended). */
    private static int roundShift(int value, int shift) {
        int result = value >>> shift;
        int remainder = value & ((1 << shift) - 1);
        int half = 1 << (shift - 1);
        if (remainder > half || (remainder == half && (result & 1) != 0)) {
            result++;
        }
        return result;
    }
}
