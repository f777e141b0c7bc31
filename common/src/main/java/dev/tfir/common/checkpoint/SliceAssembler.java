package dev.tfir.common.checkpoint;

import dev.tfir.common.types.DTypes;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.proto.DataType;

/**
 * Puts the slices of a partitioned tensor together: each slice's row-major elements are copied to their place
 * in the full tensor, one slice at a time (only the full tensor and one slice are held at once).
 */
final class SliceAssembler {
    /** Reads one slice, of the given shape. */
    interface SliceReader {
        Tensor read(TensorSlice slice, long[] sliceShape);
    }

    private SliceAssembler() {}

    /**
     * The full tensor. The caller has checked that the slices fit {@code shape}, that their element counts add up
     * to the tensor's, and that the file holds enough bytes for the full tensor's allocation.
     */
    static Tensor assemble(String name, DataType dtype, long[] shape, List<TensorSlice> slices, SliceReader reader) {
        long elements = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        if (dtype == DataType.DT_STRING) {
            byte[][] full = new byte[(int) elements][];
            for (TensorSlice slice : slices) {
                long[] sliceShape = slice.shapeIn(shape);
                List<byte[]> part = reader.read(slice, sliceShape).strings();
                forEachRun(shape, slice.starts(shape.length), sliceShape, (from, to, count) -> {
                    for (int i = 0; i < count; i++) {
                        full[(int) to + i] = part.get((int) from + i);
                    }
                });
            }
            for (int i = 0; i < full.length; i++) {
                if (full[i] == null) {
                    full[i] = new byte[0];
                }
            }
            return Tensor.strings(name, shape, Arrays.asList(full));
        }
        int size = DTypes.byteSize(dtype);
        ByteBuffer full = ByteBuffer.allocate(Math.toIntExact(elements * size));
        for (TensorSlice slice : slices) {
            long[] sliceShape = slice.shapeIn(shape);
            ByteBuffer part = reader.read(slice, sliceShape).data();
            forEachRun(shape, slice.starts(shape.length), sliceShape, (from, to, count) ->
                    full.put((int) (to * size), part, (int) (from * size), (int) (count * size)));
        }
        return Tensor.numeric(name, dtype, shape, full);
    }

    /** A run of {@code count} consecutive elements: slice element {@code from} goes to full element {@code to}. */
    interface RunVisitor {
        void run(long from, long to, long count);
    }

    /**
     * Visits the rows (runs along the last dimension) of a slice of shape {@code sliceShape} at {@code start} in a
     * row-major tensor of shape {@code shape}, in the slice's row-major order.
     */
    static void forEachRun(long[] shape, long[] start, long[] sliceShape, RunVisitor visitor) {
        int rank = shape.length;
        if (rank == 0) {
            visitor.run(0, 0, 1);
            return;
        }
        long[] strides = new long[rank];
        strides[rank - 1] = 1;
        for (int d = rank - 2; d >= 0; d--) {
            strides[d] = strides[d + 1] * shape[d + 1];
        }
        long rowLength = sliceShape[rank - 1];
        long rows = 1;
        for (int d = 0; d < rank; d++) {
            if (sliceShape[d] == 0) {
                return;
            }
            rows *= d < rank - 1 ? sliceShape[d] : 1;
        }
        long[] index = new long[rank - 1];
        long from = 0;
        for (long row = 0; row < rows; row++) {
            long to = start[rank - 1];
            for (int d = 0; d < rank - 1; d++) {
                to += (start[d] + index[d]) * strides[d];
            }
            visitor.run(from, to, rowLength);
            from += rowLength;
            for (int d = rank - 2; d >= 0 && ++index[d] == sliceShape[d]; d--) {
                index[d] = 0;
            }
        }
    }
}
