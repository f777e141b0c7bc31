package dev.tfir.convert.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** bfloat16: a float's upper half, rounded to nearest even. */
class BFloat16Test {
    private static int bits(float value) {
        return BFloat16.fromFloat(value) & 0xFFFF;
    }

    @Test
    void valuesItHoldsAreExact() {
        for (float value : new float[] {0f, -0f, 1f, -2.5f, 0x1p-133f, 3.3895314e38f, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY}) {
            assertEquals(Float.floatToRawIntBits(value), Float.floatToRawIntBits(BFloat16.toFloat(
                    BFloat16.fromFloat(value))), Float.toString(value));
        }
        assertEquals(0x3F80, bits(1f));
        assertEquals(0xC020, bits(-2.5f));
    }

    @Test
    void roundsToNearestTiesToEven() {
        // the step above 1 is 2^-7: 1 + 2^-8 is halfway to 1 + 2^-7, and the tie goes to the even 1
        assertEquals(0x3F80, bits(1f + 0x1p-8f));
        assertEquals(0x3F81, bits(1f + 0x1p-8f + 0x1p-20f));
        // 1 + 3 * 2^-8 is halfway between 1 + 2^-7 (odd) and 1 + 2^-6 (even)
        assertEquals(0x3F82, bits(1f + 3 * 0x1p-8f));
        assertEquals(0x3F80, bits(1f + 0x1p-9f));
        // the largest float rounds up past bfloat16's largest finite value, to infinity
        assertEquals(0x7F80, bits(Float.MAX_VALUE));
    }

    @Test
    void aNanStaysANan() {
        assertTrue(Float.isNaN(BFloat16.toFloat(BFloat16.fromFloat(Float.NaN))));
        // a NaN whose payload is in the low bits only would truncate to infinity: it is made quiet
        assertTrue(Float.isNaN(BFloat16.toFloat(BFloat16.fromFloat(Float.intBitsToFloat(0x7F800001)))));
    }
}
