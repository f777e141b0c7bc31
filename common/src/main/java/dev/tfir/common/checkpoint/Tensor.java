package dev.tfir.common.checkpoint;

import dev.tfir.common.types.DTypes;
import dev.tfir.common.types.PartialShape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.proto.DataType;

/**
 * The value of one checkpoint tensor: its dtype, its shape and its elements in row-major order. Numeric and bool
 * tensors hold their raw little-endian bytes (bool: one byte 0 or 1; half and bfloat16: the 16-bit patterns;
 * complex: real and imaginary parts interleaved), exactly as a {@code TensorProto.tensor_content}; string
 * tensors hold one byte array per element.
 */
public final class Tensor {
    private final String name;
    private final DataType dtype;
    private final long[] shape;
    private final ByteBuffer data;
    private final List<byte[]> strings;

    private Tensor(String name, DataType dtype, long[] shape, ByteBuffer data, List<byte[]> strings) {
        this.name = name;
        this.dtype = dtype;
        this.shape = shape.clone();
        this.data = data;
        this.strings = strings;
    }

    static Tensor numeric(String name, DataType dtype, long[] shape, ByteBuffer data) {
        return new Tensor(name, dtype, shape, data.order(ByteOrder.LITTLE_ENDIAN), null);
    }

    static Tensor strings(String name, long[] shape, List<byte[]> strings) {
        return new Tensor(name, DataType.DT_STRING, shape, null, List.copyOf(strings));
    }

    /** The checkpoint key this value was read from. */
    public String name() {
        return name;
    }

    public DataType dtype() {
        return dtype;
    }

    /** The dims (a copy); empty for a scalar. */
    public long[] shape() {
        return shape.clone();
    }

    public PartialShape partialShape() {
        return PartialShape.of(shape);
    }

    public long elementCount() {
        return Arrays.stream(shape).reduce(1, Math::multiplyExact);
    }

    public boolean isString() {
        return strings != null;
    }

    /**
     * The raw little-endian bytes, positioned at 0 (a new view each call; the bytes are shared, not copied, and
     * must not be changed: a large tensor is a read-only view of the mapped checkpoint file).
     *
     * @throws IllegalStateException for a string tensor
     */
    public ByteBuffer data() {
        if (data == null) {
            throw new IllegalStateException(name + " is a string tensor: use strings()");
        }
        return data.duplicate().clear().order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * The elements of a string tensor, row-major (the arrays are not copied: do not change them).
     *
     * @throws IllegalStateException for a numeric tensor
     */
    public List<byte[]> strings() {
        if (strings == null) {
            throw new IllegalStateException(name + " is a " + DTypes.pythonName(dtype) + " tensor: use data()");
        }
        return strings;
    }

    @Override
    public String toString() {
        return name + ": " + DTypes.pythonName(dtype) + " " + Arrays.toString(shape);
    }
}
