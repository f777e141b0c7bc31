package dev.tfir.common.checkpoint;

import dev.tfir.common.types.DTypes;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorShapeProto;

/** Shape and size arithmetic for stored tensors, which must have fully known, non-negative dims. */
final class StoredShapes {
    private StoredShapes() {}

    /** The dims of a stored shape, or null when the rank or a dim is unknown or negative. */
    static long[] dims(TensorShapeProto proto) {
        if (proto.getUnknownRank()) {
            return null;
        }
        long[] dims = new long[proto.getDimCount()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = proto.getDim(i).getSize();
            if (dims[i] < 0) {
                return null;
            }
        }
        return dims;
    }

    /** The element count, or -1 when it overflows a long. */
    static long elements(long[] dims) {
        long n = 1;
        for (long d : dims) {
            if (d != 0 && n > Long.MAX_VALUE / d) {
                return -1;
            }
            n *= d;
        }
        return n;
    }

    /** The bytes of the elements of a fixed-size dtype, or -1 when the type has no fixed size or it overflows. */
    static long byteSize(DataType dtype, long[] dims) {
        long n = elements(dims);
        int size = DTypes.byteSize(dtype);
        if (n < 0 || size == 0 || n > Long.MAX_VALUE / size) {
            return -1;
        }
        return n * size;
    }

    /** "float32 [2,3]" for messages. */
    static String describe(DataType dtype, long[] dims) {
        StringBuilder text = new StringBuilder(DTypes.pythonName(dtype)).append(" [");
        for (int i = 0; i < dims.length; i++) {
            text.append(i == 0 ? "" : ",").append(dims[i]);
        }
        return text.append(']').toString();
    }

    static boolean isReadable(DataType dtype) {
        return dtype == DataType.DT_STRING || DTypes.byteSize(dtype) > 0;
    }
}
