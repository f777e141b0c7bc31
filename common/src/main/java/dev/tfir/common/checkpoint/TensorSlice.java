package dev.tfir.common.checkpoint;

import java.util.Arrays;
import org.tensorflow.proto.TensorSliceProto;

/**
 * A slice of a tensor, as TensorFlow's {@code TensorSlice}: per dimension a start and a length, the length -1
 * ({@code kFullExtent}) for a whole dimension. Printed as TensorFlow does: {@code 0,2:-}.
 */
final class TensorSlice {
    static final long FULL = -1;

    private final long[] start;
    private final long[] length;

    private TensorSlice(long[] start, long[] length) {
        this.start = start;
        this.length = length;
    }

    /** One extent per dim of the proto; an extent without a length is a whole dimension. */
    static TensorSlice fromProto(TensorSliceProto proto) {
        int rank = proto.getExtentCount();
        long[] start = new long[rank];
        long[] length = new long[rank];
        for (int d = 0; d < rank; d++) {
            TensorSliceProto.Extent extent = proto.getExtent(d);
            boolean whole = extent.getHasLengthCase() != TensorSliceProto.Extent.HasLengthCase.LENGTH;
            start[d] = whole ? 0 : extent.getStart();
            length[d] = whole ? FULL : extent.getLength();
        }
        return new TensorSlice(start, length);
    }

    int rank() {
        return start.length;
    }

    long start(int d) {
        return start[d];
    }

    long length(int d) {
        return length[d];
    }

    /** True when the slice covers every dimension of a tensor of {@code shape} entirely. */
    boolean isFull(long[] shape) {
        return Arrays.equals(shapeIn(shape), shape);
    }

    /**
     * The slice's shape within a tensor of {@code shape}, or null when the slice does not fit it (another rank,
     * a negative start, an extent past the end). A slice without extents means the whole tensor.
     */
    long[] shapeIn(long[] shape) {
        if (rank() == 0) {
            return shape.clone();
        }
        if (rank() != shape.length) {
            return null;
        }
        long[] sliceShape = new long[rank()];
        for (int d = 0; d < rank(); d++) {
            long n = length[d] == FULL ? shape[d] : length[d];
            if (start[d] < 0 || n < 0 || (length[d] == FULL && start[d] != 0) || start[d] > shape[d] - n) {
                return null;
            }
            sliceShape[d] = n;
        }
        return sliceShape;
    }

    /** The start of each dimension in a tensor of rank {@code rank} (zeros for a slice without extents). */
    long[] starts(int rank) {
        return rank() == 0 ? new long[rank] : start.clone();
    }

    @Override
    public String toString() {
        if (rank() == 0) {
            return "(all)";
        }
        StringBuilder text = new StringBuilder();
        for (int d = 0; d < rank(); d++) {
            text.append(d == 0 ? "" : ":").append(length[d] == FULL ? "-" : start[d] + "," + length[d]);
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSlice other && Arrays.equals(start, other.start)
                && Arrays.equals(length, other.length);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(start) + Arrays.hashCode(length);
    }
}
