package dev.tfir.convert.ir;

/**
 * bfloat16 conversions: a float's upper 16 bits (sign, 8-bit exponent, 7-bit fraction), rounded to nearest even as
 * TensorFlow and OpenVINO round them.
 */
public final class BFloat16 {
    private static final int QUIET_NAN_BIT = 0x40;

    private BFloat16() {}

    /** The 16-bit pattern of the bfloat16 nearest to {@code value}; NaNs stay (quiet) NaNs. */
    public static short fromFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        if (Float.isNaN(value)) {
            return (short) (bits >>> 16 | QUIET_NAN_BIT);
        }
        int roundingBias = 0x7FFF + (bits >>> 16 & 1);
        return (short) ((bits + roundingBias) >>> 16);
    }

    /** The float value of the bfloat16 bit pattern {@code bits}: exact. */
    public static float toFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }
}
