package dev.tfir.common.checkpoint;

import dev.tfir.common.TfirException;
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
 * tensors hold one byte array per element. A numeric tensor over 2 GiB (more than a ByteBuffer holds) is in
 * parts, read with {@link #parts()}.
 */
public final class Tensor {
    private final String name;
    private final DataType dtype;
    private final long[] shape;
    /** A numeric tensor's bytes, in order: one part unless over 2 GiB. */
    private final List<ByteBuffer> parts;
    private final List<byte[]> strings;

    private Tensor(String name, DataType dtype, long[] shape, List<ByteBuffer> parts, List<byte[]> strings) {
        this.name = name;
        this.dtype = dtype;
        this.shape = shape.clone();
        this.parts = parts;
        this.strings = strings;
    }

    static Tensor numeric(String name, DataType dtype, long[] shape, ByteBuffer data) {
        return numeric(name, dtype, shape, List.of(data));
    }

    static Tensor numeric(String name, DataType dtype, long[] shape, List<ByteBuffer> parts) {
        return new Tensor(name, dtype, shape, List.copyOf(parts), null);
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
     * @throws TfirException for a tensor over 2 GiB: it is only read in {@link #parts()}
     */
    public ByteBuffer data() {
        List<ByteBuffer> all = parts();
        if (all.size() > 1) {
            throw new TfirException("tensor '" + name + "' has " + byteSize() + " bytes: over 2 GiB, tfir only "
                    + "converts it as it is (it cannot be frozen into a GraphDef, sliced or transposed)");
        }
        return all.get(0);
    }

    /**
     * The raw little-endian bytes in consecutive parts, each positioned at 0 (new views, shared bytes, as
     * {@link #data()}): one part unless the tensor is over 2 GiB.
     *
     * @throws IllegalStateException for a string tensor
     */
    public List<ByteBuffer> parts() {
        if (parts == null) {
            throw new IllegalStateException(name + " is a string tensor: use strings()");
        }
        return parts.stream().map(part -> part.duplicate().clear().order(ByteOrder.LITTLE_ENDIAN)).toList();
    }

    /** The bytes of a numeric tensor's values. */
    public long byteSize() {
        return parts().stream().mapToLong(ByteBuffer::remaining).sum();
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
