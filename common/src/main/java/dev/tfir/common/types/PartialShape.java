package dev.tfir.common.types;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.tensorflow.proto.TensorShapeProto;

/**
 * A tensor shape that may be partly or wholly unknown: an unknown rank, or known rank with -1 for unknown dims.
 */
public final class PartialShape {
    public static final long UNKNOWN_DIM = -1;
    private static final PartialShape UNKNOWN_RANK = new PartialShape(null);

    private final long[] dims;

    private PartialShape(long[] dims) {
        this.dims = dims;
    }

    public static PartialShape unknownRank() {
        return UNKNOWN_RANK;
    }

    public static PartialShape of(long... dims) {
        return new PartialShape(dims.clone());
    }

    public static PartialShape fromProto(TensorShapeProto proto) {
        if (proto.getUnknownRank()) {
            return UNKNOWN_RANK;
        }
        return new PartialShape(proto.getDimList().stream()
                .mapToLong(d -> d.getSize() < 0 ? UNKNOWN_DIM : d.getSize()).toArray());
    }

    public boolean hasRank() {
        return dims != null;
    }

    /** The rank, or -1 when unknown. */
    public int rank() {
        return dims == null ? -1 : dims.length;
    }

    public long dim(int i) {
        return dims[i];
    }

    /** The dims (a copy), -1 for unknown ones; null when the rank is unknown. */
    public long[] dims() {
        return dims == null ? null : dims.clone();
    }

    public boolean isFullyDefined() {
        return dims != null && LongStream.of(dims).allMatch(d -> d >= 0);
    }

    /** Number of elements, or -1 when not fully defined or more than 2^63 - 1 (a shape TensorFlow rejects). */
    public long elementCount() {
        if (!isFullyDefined()) {
            return -1;
        }
        long count = 1;
        for (long dim : dims) {
            if (dim > 0 && count > Long.MAX_VALUE / dim) {
                return -1;
            }
            count *= dim;
        }
        return count;
    }

    /**
     * The text OpenVINO's summarize_graph.py prints: TensorFlow's TensorShape string without spaces and with
     * -1 for unknown dims: {@code (-1,224,224,3)}, {@code ()} for a scalar, {@code (3,)} for rank 1 and
     * {@code <unknown>} for an unknown rank.
     */
    public String toSummaryString() {
        if (dims == null) {
            return "<unknown>";
        }
        if (dims.length == 1) {
            return "(" + dims[0] + ",)";
        }
        return LongStream.of(dims).mapToObj(Long::toString).collect(Collectors.joining(",", "(", ")"));
    }

    @Override
    public String toString() {
        return dims == null ? "<unknown>" : Arrays.toString(dims);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartialShape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }
}
