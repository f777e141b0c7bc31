package dev.tfir.convert.ops;

/** Numpy broadcasting of row-major arrays (for folding constants). */
final class Broadcasting {
    private Broadcasting() {}

    /**
     * For each element of shape {@code to}, the index of the element of an array of shape {@code from} that
     * broadcasting puts there.
     */
    static int[] sources(long[] from, long[] to) {
        int count = 1;
        for (long d : to) {
            count = Math.multiplyExact(count, (int) d);
        }
        int[] out = new int[count];
        int offset = to.length - from.length;
        long[] index = new long[to.length];
        for (int n = 0; n < count; n++) {
            long source = 0;
            for (int d = 0; d < from.length; d++) {
                source = source * from[d] + (from[d] == 1 ? 0 : index[d + offset]);
            }
            out[n] = (int) source;
            for (int d = to.length - 1; d >= 0 && ++index[d] == to[d]; d--) {
                index[d] = 0;
            }
        }
        return out;
    }
}
