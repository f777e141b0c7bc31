package dev.tfir.common.model;

import com.google.protobuf.UnsafeByteOperations;
import dev.tfir.common.checkpoint.Tensor;
import java.nio.ByteBuffer;
import java.util.Set;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * A tensor as TensorFlow's {@code tf.make_tensor_proto} writes it (what {@code convert_variables_to_constants}
 * puts in a frozen Const): the raw bytes in {@code tensor_content} for the types TensorFlow allows there when
 * there is more than one element; otherwise the typed value list ({@code float_val}, {@code int_val}, {@code
 * half_val} with the 16-bit patterns, {@code bool_val}, ...); strings in {@code string_val}.
 */
final class MadeTensorProtos {
    /** tensor_util's {@code _TENSOR_CONTENT_TYPES}: not bool, uint16, complex or strings. */
    private static final Set<DataType> CONTENT_TYPES = Set.of(DataType.DT_HALF, DataType.DT_FLOAT,
            DataType.DT_DOUBLE, DataType.DT_INT32, DataType.DT_UINT8, DataType.DT_INT16, DataType.DT_INT8,
            DataType.DT_INT64, DataType.DT_QINT8, DataType.DT_QUINT8, DataType.DT_QINT16, DataType.DT_QUINT16,
            DataType.DT_QINT32, DataType.DT_UINT32, DataType.DT_UINT64, DataType.DT_FLOAT8_E5M2,
            DataType.DT_FLOAT8_E4M3FN, DataType.DT_BFLOAT16);

    private MadeTensorProtos() {}

    /** The proto of {@code tensor}; raw bytes are shared with it, not copied. */
    static TensorProto of(Tensor tensor) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long dim : tensor.shape()) {
            shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(dim));
        }
        DataType dtype = tensor.dtype();
        TensorProto.Builder proto = TensorProto.newBuilder().setDtype(dtype).setTensorShape(shape);
        if (tensor.isString()) {
            tensor.strings().forEach(s -> proto.addStringVal(UnsafeByteOperations.unsafeWrap(s)));
            return proto.build();
        }
        ByteBuffer data = tensor.data();
        if (CONTENT_TYPES.contains(dtype) && tensor.elementCount() > 1 || !listed(dtype, data, proto)) {
            // a wrapped array, not a wrapped ByteBuffer: protobuf copies the latter whole when writing it out
            proto.setTensorContent(data.hasArray()
                    ? UnsafeByteOperations.unsafeWrap(data.array(), data.arrayOffset() + data.position(),
                            data.remaining())
                    : UnsafeByteOperations.unsafeWrap(data));
        }
        return proto.build();
    }

    /** Appends the values to the type's value list; false for a type without one (then raw bytes are used). */
    private static boolean listed(DataType dtype, ByteBuffer data, TensorProto.Builder proto) {
        while (data.hasRemaining()) {
            switch (dtype) {
                case DT_FLOAT -> proto.addFloatVal(data.getFloat());
                case DT_DOUBLE -> proto.addDoubleVal(data.getDouble());
                case DT_INT32, DT_QINT32 -> proto.addIntVal(data.getInt());
                case DT_INT16, DT_QINT16 -> proto.addIntVal(data.getShort());
                case DT_UINT16, DT_QUINT16 -> proto.addIntVal(Short.toUnsignedInt(data.getShort()));
                case DT_HALF, DT_BFLOAT16 -> proto.addHalfVal(Short.toUnsignedInt(data.getShort()));
                case DT_INT8, DT_QINT8 -> proto.addIntVal(data.get());
                case DT_UINT8, DT_QUINT8 -> proto.addIntVal(Byte.toUnsignedInt(data.get()));
                case DT_BOOL -> proto.addBoolVal(data.get() != 0);
                case DT_INT64 -> proto.addInt64Val(data.getLong());
                case DT_UINT32 -> proto.addUint32Val(data.getInt());
                case DT_UINT64 -> proto.addUint64Val(data.getLong());
                case DT_COMPLEX64 -> proto.addScomplexVal(data.getFloat());
                case DT_COMPLEX128 -> proto.addDcomplexVal(data.getDouble());
                default -> {
                    return false;
                }
            }
        }
        return true;
    }
}
