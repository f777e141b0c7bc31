package dev.tfir.convert.weights;

import dev.tfir.common.types.DTypes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.BFloat16;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Half;
import dev.tfir.convert.ir.TfTypes;
import java.nio.ByteBuffer;
import java.util.List;
import org.tensorflow.proto.TensorProto;

/**
 * The value of a {@link TensorProto}: the bytes of {@code tensor_content} (little-endian, shared, not copied) or
 * else the typed value list, where fewer values than elements repeat the last one and none means zeros. Errors
 * say what is wrong with the value; the translation names the Const.
 */
public final class TensorProtos {
    /** The most bytes a constant written out from its listed values may take (one Java array). */
    private static final long MAX_EXPANDED = Integer.MAX_VALUE - 8;

    private TensorProtos() {}

    public static ConstTensor decode(TensorProto tensor) {
        ElementType type = TfTypes.elementType(tensor.getDtype());
        if (type == null) {
            throw new ConversionException("holds a " + DTypes.pythonName(tensor.getDtype()) + " tensor; OpenVINO IR "
                    + "has no such element type");
        }
        PartialShape shape = PartialShape.fromProto(tensor.getTensorShape());
        if (!shape.isFullyDefined()) {
            throw new ConversionException("has the shape " + shape + ", which is not static");
        }
        long count = shape.elementCount();
        if (!tensor.getTensorContent().isEmpty()) {
            ByteBuffer content = tensor.getTensorContent().asReadOnlyByteBuffer();
            if (content.remaining() != count * type.byteSize()) {
                throw new ConversionException("holds " + content.remaining() + " bytes for " + count + " "
                        + type.irName() + " elements; the graph is damaged");
            }
            return ConstTensor.of(type, shape.dims(), content);
        }
        List<? extends Number> values = listed(tensor, type);
        if (values.size() > count) {
            throw new ConversionException("lists " + values.size() + " values for " + count + " elements; the graph "
                    + "is damaged");
        }
        if (count > MAX_EXPANDED / type.byteSize()) {
            throw new ConversionException("repeats " + values.size() + " listed values to " + count + " "
                    + type.irName() + " elements (" + shape + "), more than convert holds in one constant ("
                    + MAX_EXPANDED + " bytes)");
        }
        long[] listedShape = {values.size()};
        ConstTensor listed = type.isFloating()
                ? ConstTensor.ofDoubles(type, listedShape, values.stream().mapToDouble(Number::doubleValue).toArray())
                : ConstTensor.ofLongs(type, listedShape, values.stream().mapToLong(Number::longValue).toArray());
        return listed.repeatedLast(shape.dims());
    }

    /** The typed value list that holds elements of this type. */
    private static List<? extends Number> listed(TensorProto tensor, ElementType type) {
        return switch (type) {
            case F32 -> tensor.getFloatValList();
            case F64 -> tensor.getDoubleValList();
            case F16 -> halves(tensor.getHalfValList());
            case BF16 -> bfloat16s(tensor.getHalfValList());
            case I64 -> tensor.getInt64ValList();
            case U64 -> tensor.getUint64ValList();
            case U32 -> tensor.getUint32ValList();
            case BOOLEAN -> tensor.getBoolValList().stream().map(b -> b ? 1 : 0).toList();
            default -> tensor.getIntValList();
        };
    }

    /** half_val holds the 16-bit patterns as ints. */
    private static List<Float> halves(List<Integer> bits) {
        return bits.stream().map(b -> Half.toFloat(b.shortValue())).toList();
    }

    /** For a bfloat16 tensor too. */
    private static List<Float> bfloat16s(List<Integer> bits) {
        return bits.stream().map(b -> BFloat16.toFloat(b.shortValue())).toList();
    }
}
