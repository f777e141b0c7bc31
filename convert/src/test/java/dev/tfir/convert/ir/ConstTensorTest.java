package dev.tfir.convert.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Constant values: permuted, converted and reshaped as OpenVINO's constant folding would. */
class ConstTensorTest {
    @Test
    void transposesAnyPermutation() {
        ConstTensor x = ConstTensor.ofLongs(ElementType.I32, new long[] {2, 3, 4}, range(24));
        ConstTensor y = x.transposed(new int[] {2, 0, 1});

        assertArrayEquals(new long[] {4, 2, 3}, y.shape());
        long[] values = y.longs();
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 3; b++) {
                for (int c = 0; c < 4; c++) {
                    assertEquals((a * 3 + b) * 4 + c, values[(c * 2 + a) * 3 + b]);
                }
            }
        }
    }

    @Test
    void convertsBetweenTypes() {
        ConstTensor x = ConstTensor.ofDoubles(ElementType.F32, new long[] {3}, 1.5, -2.75, 123.68);
        assertArrayEquals(new double[] {1.5, -2.75, 123.6875}, x.converted(ElementType.F16).doubles());
        assertArrayEquals(new long[] {1, -2, 123}, x.converted(ElementType.I64).longs());
        assertArrayEquals(new long[] {1, 0, 1},
                ConstTensor.ofLongs(ElementType.I32, new long[] {3}, 5, 0, -1).converted(ElementType.BOOLEAN).longs());
    }

    @Test
    void checksTheSize() {
        assertThrows(IllegalArgumentException.class,
                () -> ConstTensor.ofLongs(ElementType.I64, new long[] {2, 2}, 1, 2, 3));
    }

    private static long[] range(int n) {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return values;
    }
}
