package dev.tfir.convert.translate;

/**
 * TensorFlow's NHWC against OpenVINO's NCHW. A rank-4 TF tensor may be held channels first (its NCHW
 * permutation) between ops that work on NCHW, so that a chain of convolutions needs one Transpose at each end
 * instead of a pair around every op.
 */
public final class Layouts {
    /** Transpose NHWC to NCHW. */
    public static final int[] TO_CHANNELS_FIRST = {0, 3, 1, 2};
    /** Transpose NCHW to NHWC; also where NHWC axis i sits in NCHW. */
    public static final int[] TO_CHANNELS_LAST = {0, 2, 3, 1};
    /** Transpose of HWIO filters to OIHW. */
    public static final int[] FILTERS_TO_OIHW = {3, 2, 0, 1};

    private Layouts() {}

    /** The NCHW axis of an NHWC axis (negative axes counted from the end). */
    public static int channelsFirstAxis(long nhwcAxis) {
        int axis = (int) (nhwcAxis < 0 ? nhwcAxis + 4 : nhwcAxis);
        return TO_CHANNELS_LAST[axis];
    }

    /**
     * Whether removing these NHWC axes (normalized) leaves the remaining ones in the same order as removing their
     * NCHW counterparts does: unless channels and a spatial axis both remain.
     */
    public static boolean sameOrderWithout(long[] removedNhwcAxes) {
        boolean[] removed = new boolean[4];
        for (long axis : removedNhwcAxes) {
            removed[(int) (axis < 0 ? axis + 4 : axis)] = true;
        }
        return removed[3] || (removed[1] && removed[2]);
    }

    /** NHWC axes as NCHW axes. */
    public static long[] channelsFirstAxes(long[] nhwcAxes) {
        long[] axes = new long[nhwcAxes.length];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = channelsFirstAxis(nhwcAxes[i]);
        }
        return axes;
    }

    /** An NHWC per-axis list (strides, ksize...) reordered to NCHW. */
    public static long[] toChannelsFirst(long[] nhwc) {
        long[] nchw = new long[4];
        for (int i = 0; i < 4; i++) {
            nchw[i] = nhwc[TO_CHANNELS_FIRST[i]];
        }
        return nchw;
    }
}
