package dev.tfir.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** NumberText prints what String.format prints in the root locale. */
class NumberTextTest {
    @Test
    void fixedDecimalsAsPercentF() {
        for (double value : new double[] {0, 0.005, 0.015, 0.125, 1.5, 2.675, 12.344999, 0.4449, 1e9 / 3, 123456.789,
                1234.55, 7.0 / 1024}) {
            for (int decimals : new int[] {1, 2}) {
                assertEquals(String.format(Locale.ROOT, "%." + decimals + "f", value),
                        NumberText.fixed(value, decimals), value + " to " + decimals);
            }
        }
    }

    @Test
    void groupedAsPercentCommaD() {
        for (long value : new long[] {0, 7, 999, 1000, 12345, 123456, 1234567, 138357544L, -1234567, Long.MAX_VALUE,
                Long.MIN_VALUE}) {
            assertEquals(String.format(Locale.ROOT, "%,d", value), NumberText.grouped(value));
        }
    }

    @Test
    void zeroPaddedAsPercentZeroD() {
        for (long value : new long[] {0, 1, 99999, 123456}) {
            assertEquals(String.format(Locale.ROOT, "%05d", value), NumberText.zeroPadded(value, 5));
        }
    }
}
