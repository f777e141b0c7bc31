package dev.tfir.convert.ir;

import dev.tfir.common.types.PartialShape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The value of a Const: element type, static shape and the elements' raw little-endian bytes in row-major order
 * (what the .bin file holds). Immutable; the bytes may be shared with the model file they were read from.
 */
public final class ConstTensor {
    /** Elements per bulk copy in whole-tensor loops. */
    private static final int CHUNK = 1 << 14;

    private final ElementType type;
    private final long[] shape;
    private final ByteBuffer data;

    private ConstTensor(ElementType type, long[] shape, ByteBuffer data) {
        long count = LongStream.of(shape).reduce(1, Math::multiplyExact);
        if (count * type.byteSize() != data.remaining()) {
            throw new IllegalArgumentException("a " + type.irName() + " tensor of shape " + Arrays.toString(shape)
                    + " needs " + count * type.byteSize() + " bytes, not " + data.remaining());
        }
        this.type = type;
        this.shape = shape.clone();
        this.data = data.slice().order(ByteOrder.LITTLE_ENDIAN).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A tensor over the given bytes (not copied). */
    public static ConstTensor of(ElementType type, long[] shape, ByteBuffer data) {
        return new ConstTensor(type, shape, data);
    }

    /** An integer (or boolean) tensor holding {@code values}. */
    public static ConstTensor ofLongs(ElementType type, long[] shape, long... values) {
        ByteBuffer data = allocate(type, values.length);
        for (long value : values) {
            putLong(data, type, value);
        }
        return new ConstTensor(type, shape, data.flip());
    }

    /** A 1-D integer tensor. */
    public static ConstTensor vector(ElementType type, long... values) {
        return ofLongs(type, new long[] {values.length}, values);
    }

    /** A floating-point tensor holding {@code values}. */
    public static ConstTensor ofDoubles(ElementType type, long[] shape, double... values) {
        ByteBuffer data = allocate(type, values.length);
        for (double value : values) {
            putDouble(data, type, value);
        }
        return new ConstTensor(type, shape, data.flip());
    }

    public ElementType type() {
        return type;
    }

    public long[] shape() {
        return shape.clone();
    }

    public PartialShape partialShape() {
        return PartialShape.of(shape);
    }

    public int rank() {
        return shape.length;
    }

    public long elementCount() {
        return data.remaining() / type.byteSize();
    }

    public long byteSize() {
        return data.remaining();
    }

    /** The bytes, positioned at 0 (a new view each call). */
    public ByteBuffer data() {
        return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The elements as longs (floats truncated); for small tensors (shapes, axes...). */
    public long[] longs() {
        long[] values = new long[Math.toIntExact(elementCount())];
        for (int i = 0; i < values.length; i++) {
            values[i] = type.isFloating() ? (long) getDouble(i) : getLong(i);
        }
        return values;
    }

    /** The elements as doubles. */
    public double[] doubles() {
        double[] values = new double[Math.toIntExact(elementCount())];
        for (int i = 0; i < values.length; i++) {
            values[i] = type.isFloating() ? getDouble(i) : getLong(i);
        }
        return values;
    }

    /** The same elements with another shape of the same element count. */
    public ConstTensor reshaped(long[] newShape) {
        return new ConstTensor(type, newShape, data);
    }

    /**
     * This tensor's elements followed by its last one repeated (zeros when it has none) up to the given shape: a
     * TensorProto's short value list ({@code float_val: 0} for a whole tensor of zeros).
     */
    public ConstTensor repeatedLast(long[] newShape) {
        long count = LongStream.of(newShape).reduce(1, Math::multiplyExact);
        int size = type.byteSize();
        byte[] out = new byte[Math.toIntExact(count * size)];
        int given = data.remaining();
        data().get(out, 0, given);
        if (given > 0 && given < out.length) {
            System.arraycopy(out, given - size, out, given, size);
            int filled = given + size;
            while (filled < out.length) {
                int n = Math.min(filled - given, out.length - filled);
                System.arraycopy(out, given, out, filled, n);
                filled += n;
            }
        }
        return new ConstTensor(type, newShape, ByteBuffer.wrap(out));
    }

    /** The elements converted to another element type (as C++ static_cast does; floats to half rounded). */
    public ConstTensor converted(ElementType target) {
        if (target == type) {
            return this;
        }
        int count = Math.toIntExact(elementCount());
        ByteBuffer out = allocate(target, count);
        for (int i = 0; i < count; i++) {
            if (target.isFloating()) {
                putDouble(out, target, type.isFloating() ? getDouble(i) : getLong(i));
            } else {
                putLong(out, target, type.isFloating() ? (long) getDouble(i) : getLong(i));
            }
        }
        return new ConstTensor(target, shape, out.flip());
    }

    /**
     * This f32 tensor as f16, or null when a finite value is beyond the f16 range. In one pass over bulk copies:
     * FP16 compression converts every weight of a model.
     */
    public ConstTensor toHalfInRange() {
        if (type != ElementType.F32) {
            throw new IllegalStateException("a " + type.irName() + " tensor is not f32");
        }
        FloatBuffer in = data().asFloatBuffer();
        ByteBuffer out = allocate(ElementType.F16, in.remaining());
        ShortBuffer halves = out.asShortBuffer();
        float[] chunk = new float[Math.min(CHUNK, in.remaining())];
        short[] converted = new short[chunk.length];
        while (in.hasRemaining()) {
            int n = Math.min(chunk.length, in.remaining());
            in.get(chunk, 0, n);
            for (int i = 0; i < n; i++) {
                if (Half.overflows(chunk[i])) {
                    return null;
                }
                converted[i] = Half.fromFloat(chunk[i]);
            }
            halves.put(converted, 0, n);
        }
        return new ConstTensor(ElementType.F16, shape, out);
    }

    /** The tensor with its axes permuted: output axis i is input axis {@code perm[i]}. */
    public ConstTensor transposed(int[] perm) {
        return new ConstTensor(type, Transposition.permutedShape(shape, perm),
                Transposition.permute(data(), type.byteSize(), shape, perm));
    }

    @Override
    public String toString() {
        String dims = LongStream.of(shape).mapToObj(Long::toString).collect(Collectors.joining(","));
        return type.irName() + "[" + dims + "]";
    }

    private long getLong(int index) {
        int at = index * type.byteSize();
        return switch (type) {
            case I64, U64 -> data.getLong(at);
            case I32 -> data.getInt(at);
            case U32 -> Integer.toUnsignedLong(data.getInt(at));
            case I16 -> data.getShort(at);
            case U16 -> Short.toUnsignedInt(data.getShort(at));
            case I8 -> data.get(at);
            case U8, BOOLEAN -> Byte.toUnsignedInt(data.get(at));
            default -> throw new IllegalStateException(type + " is not an integer type");
        };
    }

    private double getDouble(int index) {
        int at = index * type.byteSize();
        return switch (type) {
            case F32 -> data.getFloat(at);
            case F64 -> data.getDouble(at);
            case F16 -> Half.toFloat(data.getShort(at));
            default -> throw new IllegalStateException(type + " is not a floating-point type");
        };
    }

    private static ByteBuffer allocate(ElementType type, int count) {
        return ByteBuffer.allocate(Math.multiplyExact(count, type.byteSize())).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void putLong(ByteBuffer out, ElementType type, long value) {
        switch (type) {
            case I64, U64 -> out.putLong(value);
            case I32, U32 -> out.putInt((int) value);
            case I16, U16 -> out.putShort((short) value);
            case I8, U8 -> out.put((byte) value);
            case BOOLEAN -> out.put((byte) (value != 0 ? 1 : 0));
            default -> throw new IllegalStateException(type + " is not an integer type");
        }
    }

    private static void putDouble(ByteBuffer out, ElementType type, double value) {
        switch (type) {
            case F32 -> out.putFloat((float) value);
            case F64 -> out.putDouble(value);
            case F16 -> out.putShort(Half.fromFloat((float) value));
            default -> throw new IllegalStateException(type + " is not a floating-point type");
        }
    }
}
