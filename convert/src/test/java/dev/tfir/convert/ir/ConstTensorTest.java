package dev.tfir.convert.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.TfirException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /**
     * Every permutation of shapes with axes of size 1, axes that stay neighbours and axes longer than a tile (whole
     * tiles and a partial one), whole and in chunks.
     */
    @Test
    void transposesEveryPermutationInChunks() {
        long[][] shapes = {{3, 1, 4, 5}, {2, 3, 4, 5}, {7, 7, 3, 33}, {1, 1, 6, 40}, {5, 1, 1, 2}, {3, 70, 2, 130}};
        for (long[] shape : shapes) {
            int n = (int) (shape[0] * shape[1] * shape[2] * shape[3]);
            ConstTensor x = ConstTensor.ofLongs(ElementType.I32, shape, range(n));
            ConstTensor bytes = ConstTensor.ofLongs(ElementType.I64, shape, range(n));
            for (int[] perm : permutations(4)) {
                long[] want = naiveTranspose(range(n), shape, perm);
                assertArrayEquals(want, x.transposed(perm).longs(), Arrays.toString(shape) + Arrays.toString(perm));
                assertArrayEquals(want, bytes.transposed(perm).longs());
                ConstTensor y = x.transposed(perm);
                ByteBuffer chunked = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (long from = 0; from < n; from += y.chunkUnit()) {
                    y.copyElements(from, y.chunkUnit(), chunked);
                }
                chunked.flip();
                for (int i = 0; i < n; i++) {
                    assertEquals(want[i], chunked.getInt(i * 4));
                }
            }
        }
    }

    /**
     * Short output rows (copied through a stage array): more slices than a stage holds (a chunk copied in several
     * stages), and one slice longer than a stage.
     */
    @Test
    void transposesShortRowsInStages() {
        long[][] shapes = {{3, 400_000, 1, 1}, {200, 2, 5, 300}};
        int[][] perms = {{1, 0, 2, 3}, {1, 3, 0, 2}};
        for (int t = 0; t < shapes.length; t++) {
            long[] shape = shapes[t];
            int n = (int) (shape[0] * shape[1] * shape[2] * shape[3]);
            ConstTensor x = ConstTensor.ofLongs(ElementType.I32, shape, range(n));
            assertArrayEquals(naiveTranspose(range(n), shape, perms[t]), x.transposed(perms[t]).longs(),
                    Arrays.toString(shape));
        }
    }

    @Test
    void transposesAnEmptyTensor() {
        ConstTensor x = ConstTensor.ofLongs(ElementType.I32, new long[] {3, 3, 0, 8});
        ConstTensor y = x.transposed(new int[] {3, 2, 0, 1});
        assertArrayEquals(new long[] {8, 0, 3, 3}, y.shape());
        assertArrayEquals(new long[0], y.longs());
    }

    @Test
    void compressesToHalfWhenEveryValueFits() {
        ConstTensor x = ConstTensor.ofDoubles(ElementType.F32, new long[] {2, 2}, 1.5, -2.75, 123.68, 65504);
        ConstTensor half = x.transposed(new int[] {1, 0}).toHalfInRange();
        assertEquals(ElementType.F16, half.type());
        assertArrayEquals(new double[] {1.5, 123.6875, -2.75, 65504}, half.doubles());
        assertNull(ConstTensor.ofDoubles(ElementType.F32, new long[] {2}, 1, 65520).toHalfInRange());
    }

    /** Kept in f32 when every nonzero value is below f16's normals (where f16 holds them as zeros or subnormals). */
    @Test
    void keepsTinyValuesInF32() {
        assertNull(ConstTensor.ofDoubles(ElementType.F32, new long[0], 3e-8).toHalfInRange());
        assertNull(ConstTensor.ofDoubles(ElementType.F32, new long[] {5}, 1e-6, -2e-5, 0, 0, 6.1e-5).toHalfInRange());
        ConstTensor someTiny = ConstTensor.ofDoubles(ElementType.F32, new long[] {4}, 1e-6, 2e-6, 3e-6, 1);
        assertArrayEquals(new double[] {Half.toFloat(Half.fromFloat(1e-6f)), Half.toFloat(Half.fromFloat(2e-6f)),
            Half.toFloat(Half.fromFloat(3e-6f)), 1}, someTiny.toHalfInRange().doubles());
        assertArrayEquals(new double[] {0, 0}, ConstTensor.ofDoubles(ElementType.F32, new long[] {2}, 0, 0)
                .toHalfInRange().doubles());
        assertEquals(ElementType.F16, ConstTensor.ofDoubles(ElementType.F32, new long[] {1}, 0x1p-14)
                .toHalfInRange().type());
        // long tensors, over several chunks
        double[] tiny = new double[3_000_000];
        Arrays.fill(tiny, 1e-7);
        assertNull(ConstTensor.ofDoubles(ElementType.F32, new long[] {tiny.length}, tiny).toHalfInRange());
        tiny[tiny.length - 1] = 0.01;
        assertEquals(ElementType.F16, ConstTensor.ofDoubles(ElementType.F32, new long[] {tiny.length}, tiny)
                .toHalfInRange().type());
        // folded batch norms: shown tiny by the unscaled weights times the largest factor, or by the scaled values
        ConstTensor x = ConstTensor.ofDoubles(ElementType.F32, new long[] {2}, 1000, 2);
        assertNull(x.scaledPerBlock(new double[] {1e-9, 1e-9}).toHalfInRange());
        assertNull(x.scaledPerBlock(new double[] {1e-9, 1e-5}).toHalfInRange());
        assertEquals(ElementType.F16, x.scaledPerBlock(new double[] {1e-9, 1}).toHalfInRange().type());
        assertEquals(ElementType.F16, x.scaledPerBlock(new double[] {0.5, 0.5}).toHalfInRange().type());
    }

    @Test
    void compressesScaledWeightsToHalfByTheirBoundOrTheirValues() {
        ConstTensor x = ConstTensor.ofDoubles(ElementType.F32, new long[] {2}, 1000, 2);
        ConstTensor bounded = x.scaledPerBlock(new double[] {1, 60}).toHalfInRange();
        assertArrayEquals(new double[] {1000, 120}, bounded.doubles());
        ConstTensor beyondTheBound = x.scaledPerBlock(new double[] {1, 100}).toHalfInRange();
        assertArrayEquals(new double[] {1000, 200}, beyondTheBound.doubles());
        ConstTensor infinite = x.scaledPerBlock(new double[] {Double.POSITIVE_INFINITY, 1}).toHalfInRange();
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 2}, infinite.doubles());
        assertNull(x.scaledPerBlock(new double[] {70, 1}).toHalfInRange());
    }

    /** Blocks of factors that do not line up with the mapping's blocks of values, scaled then compressed. */
    @Test
    void scalesAndCompressesLongTensorsBlockByBlock() {
        int perFactor = 5003;
        double[] factors = {0.5, -3, 7.25};
        double[] values = new double[perFactor * factors.length];
        double[] want = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 1009) * 0.125 - 60;
            want[i] = (float) ((float) values[i] * factors[i / perFactor]);
        }
        ConstTensor scaled = ConstTensor.ofDoubles(ElementType.F32, new long[] {3, perFactor}, values)
                .scaledPerBlock(factors);
        assertArrayEquals(want, scaled.doubles());
        double[] halves = scaled.toHalfInRange().doubles();
        for (int i = 0; i < want.length; i++) {
            assertEquals(Half.toFloat(Half.fromFloat((float) want[i])), halves[i], "element " + i);
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

    private static long[] naiveTranspose(long[] values, long[] shape, int[] perm) {
        long[] out = new long[values.length];
        long[] outShape = new long[4];
        for (int i = 0; i < 4; i++) {
            outShape[i] = shape[perm[i]];
        }
        long[] index = new long[4];
        for (int o = 0; o < values.length; o++) {
            long rest = o;
            long[] outIndex = new long[4];
            for (int d = 3; d >= 0; d--) {
                outIndex[d] = rest % outShape[d];
                rest /= outShape[d];
            }
            for (int d = 0; d < 4; d++) {
                index[perm[d]] = outIndex[d];
            }
            out[o] = values[(int) (((index[0] * shape[1] + index[1]) * shape[2] + index[2]) * shape[3] + index[3])];
        }
        return out;
    }

    private static List<int[]> permutations(int n) {
        List<int[]> all = new ArrayList<>();
        permute(new int[n], new boolean[n], 0, all);
        return all;
    }

    private static void permute(int[] perm, boolean[] used, int at, List<int[]> all) {
        if (at == perm.length) {
            all.add(perm.clone());
            return;
        }
        for (int axis = 0; axis < perm.length; axis++) {
            if (!used[axis]) {
                used[axis] = true;
                perm[at] = axis;
                permute(perm, used, at + 1, all);
                used[axis] = false;
            }
        }
    }

    @Test
    void aTensorInPartsIsCopiedAcrossItsPartsAndCheckedForHalf() {
        ByteBuffer whole = ByteBuffer.allocate(6 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : new float[] {1.5f, -2f, 3.25f, 4f, 5f, 6f}) {
            whole.putFloat(f);
        }
        // parts split inside the third element, as nothing but a copy element by element would notice
        List<ByteBuffer> parts = List.of(whole.slice(0, 10), whole.slice(10, 14));
        ConstTensor x = ConstTensor.of(ElementType.F32, new long[] {2, 3}, parts);

        ByteBuffer copied = ByteBuffer.allocate(4 * 4).order(ByteOrder.LITTLE_ENDIAN);
        x.reshaped(new long[] {3, 2}).copyElements(1, 4, copied);
        assertArrayEquals(new float[] {-2f, 3.25f, 4f, 5f}, floats(copied.flip()));
        ConstTensor half = x.toHalfInRange();
        ByteBuffer halves = ByteBuffer.allocate(6 * 2).order(ByteOrder.LITTLE_ENDIAN);
        half.copyElements(0, 6, halves);
        assertEquals(Half.fromFloat(3.25f), halves.getShort(2 * 2));
        TfirException e = assertThrows(TfirException.class, x::data);
        assertTrue(e.getMessage().contains("over 2 GiB"), e.getMessage());
    }

    private static float[] floats(ByteBuffer bytes) {
        float[] values = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(values);
        return values;
    }

    private static long[] range(int n) {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return values;
    }
}
