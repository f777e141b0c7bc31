package dev.tfir.common.types;

import java.util.Locale;
import org.tensorflow.proto.DataType;

/** Names of TensorFlow data types as TensorFlow's Python API prints them ({@code tf.DType(x).name}). */
public final class DTypes {
    private static final String REF_SUFFIX = "_REF";

    private DTypes() {}

    /** The Python name: {@code float32}, {@code int64}, {@code bool}, {@code float32_ref}... */
    public static String pythonName(DataType type) {
        String name = type.name();
        if (type == DataType.UNRECOGNIZED || type == DataType.DT_INVALID) {
            return "invalid";
        }
        boolean ref = name.endsWith(REF_SUFFIX);
        String base = name.substring("DT_".length(), ref ? name.length() - REF_SUFFIX.length() : name.length());
        String python = switch (base) {
            case "HALF" -> "float16";
            case "FLOAT" -> "float32";
            case "DOUBLE" -> "float64";
            default -> base.toLowerCase(Locale.ROOT);
        };
        return ref ? python + "_ref" : python;
    }

    /** The type a reference type refers to ({@code DT_FLOAT_REF} gives {@code DT_FLOAT}); others unchanged. */
    public static DataType baseType(DataType type) {
        int number = type == DataType.UNRECOGNIZED ? 0 : type.getNumber();
        return number > 100 ? DataType.forNumber(number - 100) : type;
    }

    /** Size of one element in bytes, or 0 where the size is not fixed (strings, resources, variants). */
    public static int byteSize(DataType type) {
        return switch (baseType(type)) {
            case DT_BOOL, DT_INT8, DT_UINT8, DT_QINT8, DT_QUINT8, DT_FLOAT8_E5M2, DT_FLOAT8_E4M3FN -> 1;
            case DT_HALF, DT_BFLOAT16, DT_INT16, DT_UINT16, DT_QINT16, DT_QUINT16 -> 2;
            case DT_FLOAT, DT_INT32, DT_UINT32, DT_QINT32 -> 4;
            case DT_DOUBLE, DT_INT64, DT_UINT64, DT_COMPLEX64 -> 8;
            case DT_COMPLEX128 -> 16;
            default -> 0;
        };
    }
}
