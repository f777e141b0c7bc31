package dev.tfir.convert.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Float to half as numpy's astype(float16) does: round to nearest, ties to even, subnormals, overflow. */
class HalfTest {
    @Test
    void exactValues() {
        assertEquals(0x3C00, bits(1f));
        assertEquals(0xC000, bits(-2f));
        assertEquals(0x7BFF, bits(65504f));
        assertEquals(0x0001, bits(0x1p-24f));
        assertEquals(0x0000, bits(0f));
    }

    @Test
    void roundsToNearestEven() {
        assertEquals(0x3C00, bits(1f + 0x1p-11f));
        assertEquals(0x3C02, bits(1f + 3 * 0x1p-11f));
        assertEquals(0x57BB, bits(123.68f));
        assertEquals(123.6875f, Half.toFloat(Half.fromFloat(123.68f)));
        assertEquals(0x0000, bits(0x1p-25f));
        assertEquals(0x0001, bits(0x1.8p-25f));
    }

    @Test
    void overflowsToInfinity() {
        assertEquals(0x7C00, bits(65520f));
        assertEquals(0x7BFF, bits(65519f));
        assertTrue(anyOverflows(65520f));
        assertFalse(anyOverflows(65519f));
        assertFalse(anyOverflows(Float.POSITIVE_INFINITY));
        assertEquals(Float.NEGATIVE_INFINITY, Half.toFloat(Half.fromFloat(-1e6f)));
    }

    @Test
    void findsAFiniteOverflowAmongInfinitiesAndAcrossBlocks() {
        assertFalse(anyOverflows(1f, -65519f, Float.POSITIVE_INFINITY, Float.NaN, Float.NEGATIVE_INFINITY));
        assertTrue(anyOverflows(Float.NaN, 1f, -65520f));
        assertTrue(anyOverflows(0f, 0f, 0f, 0f, 0f, 0f, 1e6f), "in the last block");
        assertFalse(anyOverflows());
    }

    private static boolean anyOverflows(float... values) {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(values.length * 4);
        bytes.asFloatBuffer().put(values);
        return Half.anyAtLeast(bytes.asIntBuffer(), new int[3], Half.OVERFLOW);
    }

    @Test
    void everyHalfRoundTrips() {
        for (int h = 0; h < 0x10000; h++) {
            float value = Half.toFloat((short) h);
            if (!Float.isNaN(value)) {
                assertEquals(h, bits(value), Integer.toHexString(h));
            }
        }
    }

    private static int bits(float value) {
        return Half.fromFloat(value) & 0xFFFF;
    }
}
