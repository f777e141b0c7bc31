package dev.tfir.convert.ir;

import dev.tfir.common.types.DTypes;
import org.tensorflow.proto.DataType;

/** TensorFlow data types as OpenVINO element types. */
public final class TfTypes {
    private TfTypes() {}

    /** The element type of a TensorFlow dtype (reference types dereferenced), or null when IR has none. */
    public static ElementType elementType(DataType dtype) {
        return switch (DTypes.baseType(dtype)) {
            case DT_FLOAT -> ElementType.F32;
            case DT_HALF -> ElementType.F16;
            case DT_BFLOAT16 -> ElementType.BF16;
            case DT_DOUBLE -> ElementType.F64;
            case DT_INT64 -> ElementType.I64;
            case DT_INT32 -> ElementType.I32;
            case DT_INT16 -> ElementType.I16;
            case DT_INT8 -> ElementType.I8;
            case DT_UINT64 -> ElementType.U64;
            case DT_UINT32 -> ElementType.U32;
            case DT_UINT16 -> ElementType.U16;
            case DT_UINT8 -> ElementType.U8;
            case DT_BOOL -> ElementType.BOOLEAN;
            default -> null;
        };
    }
}
