package dev.tfir.common.infer;

import dev.tfir.common.types.PartialShape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorProto;

/** Reads the elements of a small int32/int64 {@link TensorProto} (the value of a Const node). */
final class TensorValues {
    private TensorValues() {}

    /**
     * The tensor's value, or null when it is not int32/int64, larger than {@link KnownValue#MAX_ELEMENTS} or
     * malformed. Elements come from {@code tensor_content} (little-endian) or else from {@code int_val} /
     * {@code int64_val}, where fewer values than elements repeat the last one (a splat) and none means zeros.
     */
    static KnownValue decode(TensorProto tensor) {
        DataType dtype = tensor.getDtype();
        if (dtype != DataType.DT_INT32 && dtype != DataType.DT_INT64) {
            return null;
        }
        PartialShape shape = PartialShape.fromProto(tensor.getTensorShape());
        long count = shape.elementCount();
        if (count < 0 || count > KnownValue.MAX_ELEMENTS) {
            return null;
        }
        long[] elements = tensor.getTensorContent().isEmpty()
                ? fromList(dtype == DataType.DT_INT32 ? widen(tensor.getIntValList()) : tensor.getInt64ValList(),
                        (int) count)
                : fromContent(tensor.getTensorContent().asReadOnlyByteBuffer(), dtype, (int) count);
        return elements == null ? null : new KnownValue(shape.dims(), elements);
    }

    private static List<Long> widen(List<Integer> ints) {
        return ints.stream().map(Integer::longValue).toList();
    }

    private static long[] fromList(List<Long> values, int count) {
        if (values.size() > count) {
            return null;
        }
        long[] elements = new long[count];
        for (int i = 0; i < count; i++) {
            elements[i] = values.isEmpty() ? 0 : values.get(Math.min(i, values.size() - 1));
        }
        return elements;
    }

    private static long[] fromContent(ByteBuffer content, DataType dtype, int count) {
        int width = dtype == DataType.DT_INT32 ? Integer.BYTES : Long.BYTES;
        if (content.remaining() != count * width) {
            return null;
        }
        content.order(ByteOrder.LITTLE_ENDIAN);
        long[] elements = new long[count];
        for (int i = 0; i < count; i++) {
            elements[i] = width == Integer.BYTES ? content.getInt() : content.getLong();
        }
        return elements;
    }
}
