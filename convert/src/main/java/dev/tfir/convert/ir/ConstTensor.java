package dev.tfir.convert.ir;

import dev.tfir.common.TfirException;
import dev.tfir.common.types.PartialShape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * The value of a Const: element type, static shape and the elements' raw little-endian bytes in row-major order
 * (what the .bin file holds). Immutable; the bytes may be shared with the model file they were read from. A tensor
 * derived from another (transposed, converted to f16) computes its bytes when needed: a chunk at a time for the
 * .bin ({@link #copyElements}), all at once (and kept) for {@link #data()}. A tensor over 2 GiB (more than a
 * ByteBuffer holds) is held in parts: it is written to the .bin and checked for FP16 as the others, but its
 * {@link #data()} (for folding, transposing) is not available.
 */
public final class ConstTensor {
    /** Elements per parallel chunk of a range check. */
    private static final int SCAN_CHUNK = 1 << 20;
    /** The f16 range check copies this many elements at a time to an array. */
    private static final int SCAN_BLOCK = 1 << 14;
    /** Elements in the first block of a scan from the start. */
    private static final int FIRST_SCAN = 256;

    private final ElementType type;
    private final long[] shape;
    private final long count;
    private final DerivedElements derived;
    /** The bytes in consecutive parts (one unless over 2 GiB); a derived tensor's once computed, else null. */
    private List<ByteBuffer> parts;

    private ConstTensor(ElementType type, long[] shape, List<ByteBuffer> parts) {
        this.type = type;
        this.shape = shape.clone();
        this.count = LongStream.of(shape).reduce(1, Math::multiplyExact);
        long bytes = parts.stream().mapToLong(ByteBuffer::remaining).sum();
        if (count * type.byteSize() != bytes) {
            throw new IllegalArgumentException("a " + type.irName() + " tensor of shape " + Arrays.toString(shape)
                    + " needs " + count * type.byteSize() + " bytes, not " + bytes);
        }
        this.derived = null;
        this.parts = parts.stream().map(ConstTensor::readOnly).toList();
    }

    private ConstTensor(ElementType type, long[] shape, ByteBuffer data) {
        this(type, shape, List.of(data));
    }

    private ConstTensor(ElementType type, long[] shape, DerivedElements derived) {
        this.type = type;
        this.shape = shape.clone();
        this.count = LongStream.of(shape).reduce(1, Math::multiplyExact);
        this.derived = derived;
    }

    /** A tensor over the given bytes (not copied). */
    public static ConstTensor of(ElementType type, long[] shape, ByteBuffer data) {
        return new ConstTensor(type, shape, data);
    }

    /** A tensor over the given bytes in consecutive parts (not copied): one over 2 GiB. */
    public static ConstTensor of(ElementType type, long[] shape, List<ByteBuffer> parts) {
        return new ConstTensor(type, shape, parts);
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
        return count;
    }

    public long byteSize() {
        return count * type.byteSize();
    }

    /** The bytes, positioned at 0 (a new view each call); a derived tensor computes them on the first call. */
    public ByteBuffer data() {
        return bytes().duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Elements per aligned chunk for {@link #copyElements}: ranges start at a multiple of it. */
    public long chunkUnit() {
        return hasBytes() ? 1 : derived.unit();
    }

    /** Puts elements [from, from + n) at the target's position, advancing it; n spans whole chunk units. */
    public void copyElements(long from, long n, ByteBuffer target) {
        if (!hasBytes()) {
            derived.fill(from, n, target);
            return;
        }
        long at = from * type.byteSize();
        long end = (from + n) * type.byteSize();
        long partStart = 0;
        for (ByteBuffer part : heldParts()) {
            long partEnd = partStart + part.remaining();
            if (at < partEnd && end > partStart) {
                int lo = (int) (Math.max(at, partStart) - partStart);
                int hi = (int) (Math.min(end, partEnd) - partStart);
                target.put(part.duplicate().position(lo).limit(hi));
            }
            partStart = partEnd;
        }
    }

    /** The elements as longs (floats truncated); for small tensors (shapes, axes...). */
    public long[] longs() {
        ByteBuffer data = bytes();
        long[] values = new long[Math.toIntExact(elementCount())];
        for (int i = 0; i < values.length; i++) {
            values[i] = type.isFloating() ? (long) getDouble(data, i) : getLong(data, i);
        }
        return values;
    }

    /** The elements as doubles. */
    public double[] doubles() {
        ByteBuffer data = bytes();
        double[] values = new double[Math.toIntExact(elementCount())];
        for (int i = 0; i < values.length; i++) {
            values[i] = type.isFloating() ? getDouble(data, i) : getLong(data, i);
        }
        return values;
    }

    /** The same elements with another shape of the same element count. */
    public ConstTensor reshaped(long[] newShape) {
        return hasBytes() ? new ConstTensor(type, newShape, heldParts())
                : new ConstTensor(type, newShape, derived);
    }

    /**
     * This tensor's elements followed by its last one repeated (zeros when it has none) up to the given shape: a
     * TensorProto's short value list ({@code float_val: 0} for a whole tensor of zeros).
     */
    public ConstTensor repeatedLast(long[] newShape) {
        long newCount = LongStream.of(newShape).reduce(1, Math::multiplyExact);
        int size = type.byteSize();
        byte[] out = new byte[Math.toIntExact(newCount * size)];
        int given = Math.toIntExact(byteSize());
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
        ByteBuffer data = bytes();
        int n = Math.toIntExact(count);
        ByteBuffer out = allocate(target, n);
        for (int i = 0; i < n; i++) {
            if (target.isFloating()) {
                putDouble(out, target, type.isFloating() ? getDouble(data, i) : getLong(data, i));
            } else {
                putLong(out, target, type.isFloating() ? (long) getDouble(data, i) : getLong(data, i));
            }
        }
        return new ConstTensor(target, shape, out.flip());
    }

    /**
     * This f32 tensor as f16 (computed when needed), or null when f16 cannot hold it faithfully: a finite value is
     * beyond the f16 range, or all are too small ({@link #belowHalfNormal}). FP16 compression checks every weight of
     * a model, so the range checks run over chunks in parallel.
     */
    public ConstTensor toHalfInRange() {
        return fitsHalf() && !belowHalfNormal()
                ? new ConstTensor(ElementType.F16, shape, new HalfConversion(this)) : null;
    }

    /**
     * Whether the tensor has nonzero elements and every finite one is below f16's smallest normal value (2^-14) in
     * magnitude, where f16 holds them as zeros or subnormals, with relative errors far above its epsilon (a scale of
     * 3e-8 would become 6e-8, an epsilon of 1e-7 1.2e-7). OpenVINO's compression keeps a constant in f32 when three
     * quarters of its values underflow f16's smallest subnormal; this takes the whole subnormal range, and whole
     * constants, so that weights are decided by their first normal value: a folded batch norm's shown tiny by its
     * unscaled ones times the largest factor (they are at hand, these would be computed), or else by their values.
     */
    private boolean belowHalfNormal() {
        DerivedElements.Bound bound = hasBytes() ? null : derived.bound();
        boolean tiny = bound != null
                && bound.base().allBelowFromStart((float) (Half.SMALLEST_NORMAL / bound.factor()))
                || allBelowFromStart(Half.SMALLEST_NORMAL);
        return tiny && !allBelowFromStart(Float.MIN_VALUE);
    }

    /**
     * Whether every finite element's magnitude is below {@code limit}, scanned from the start in blocks that grow
     * from {@link #FIRST_SCAN} to {@link #SCAN_BLOCK} elements (computing a derived tensor's elements block by
     * block): quick, and computing little, when an early element is not.
     */
    private boolean allBelowFromStart(float limit) {
        if (!hasBytes() && derived.reordered() != null) {
            return derived.reordered().allBelowFromStart(limit);
        }
        long unit = chunkUnit();
        long largest = Math.max(1, SCAN_BLOCK / unit) * unit;
        long step = Math.max(1, FIRST_SCAN / unit) * unit;
        for (long from = 0; from < count; from += step, step = Math.min(step * 4, largest)) {
            int n = (int) Math.min(step, count - from);
            if (Half.anyAtLeast(elementBytes(from, n).asIntBuffer(), new int[Math.min(n, SCAN_BLOCK)], limit)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The elements in as many equal consecutive blocks as factors, each multiplied by its factor (in double,
     * rounded to f32), computed when needed.
     */
    public ConstTensor scaledPerBlock(double[] factors) {
        return new ConstTensor(type, shape, new BlockScaling(this, factors));
    }

    /**
     * Whether every finite element is in the f16 range: shown by a bound (a folded batch norm's weights by the
     * unscaled ones: they are at hand, these would be computed) or else checked element by element.
     */
    private boolean fitsHalf() {
        if (type != ElementType.F32) {
            throw new IllegalStateException("a " + type.irName() + " tensor is not f32");
        }
        if (!hasBytes() && derived.reordered() != null) {
            return derived.reordered().fitsHalf();
        }
        DerivedElements.Bound bound = hasBytes() ? null : derived.bound();
        // below MAX / factor, every product is below MAX, and so is its f32 rounding
        return bound != null && bound.base().allBelow((float) (Half.MAX / bound.factor()))
                || allBelow(Half.OVERFLOW);
    }

    /** Whether every finite element's magnitude is below {@code limit}; checked over chunks in parallel. */
    private boolean allBelow(float limit) {
        if (!hasBytes() && derived.reordered() != null) {
            return derived.reordered().allBelow(limit);
        }
        long step = Math.max(1, SCAN_CHUNK / chunkUnit()) * chunkUnit();
        int chunks = Math.toIntExact((count + step - 1) / step);
        return IntStream.range(0, chunks).parallel().noneMatch(chunk -> {
            long from = chunk * step;
            int n = (int) Math.min(step, count - from);
            return Half.anyAtLeast(elementBytes(from, n).asIntBuffer(), new int[Math.min(n, SCAN_BLOCK)], limit);
        });
    }

    /** The tensor with its axes permuted: output axis i is input axis {@code perm[i]}. */
    public ConstTensor transposed(int[] perm) {
        return new ConstTensor(type, Transposition.permutedShape(shape, perm), new Transposition(this, perm));
    }

    @Override
    public String toString() {
        String dims = LongStream.of(shape).mapToObj(Long::toString).collect(Collectors.joining(","));
        return type.irName() + "[" + dims + "]";
    }

    /** The bytes of elements [from, from + n) (little-endian): a view of this tensor's bytes, or computed. */
    private ByteBuffer elementBytes(long from, int n) {
        if (hasBytes() && heldParts().size() == 1) {
            int at = Math.toIntExact(from * type.byteSize());
            return data().position(at).limit(at + n * type.byteSize()).slice().order(ByteOrder.LITTLE_ENDIAN);
        }
        ByteBuffer values = allocate(type, n);
        copyElements(from, n, values);
        return values.flip();
    }

    /** Whether the bytes are at hand: always for a tensor made from bytes, after {@link #bytes} for a derived one. */
    private synchronized boolean hasBytes() {
        return parts != null;
    }

    private synchronized List<ByteBuffer> heldParts() {
        return parts;
    }

    /** The bytes; a derived tensor's are computed on the first call and kept. */
    private synchronized ByteBuffer bytes() {
        if (parts == null) {
            ByteBuffer computed = allocate(type, Math.toIntExact(count));
            derived.fill(0, count, computed);
            parts = List.of(readOnly(computed.flip()));
        }
        if (parts.size() > 1) {
            throw new TfirException("a constant of " + byteSize() + " bytes (" + this + "): over 2 GiB, convert "
                    + "only writes it as it is, it cannot fold or transpose it");
        }
        return parts.get(0);
    }

    private static ByteBuffer readOnly(ByteBuffer bytes) {
        return bytes.slice().order(ByteOrder.LITTLE_ENDIAN).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    private long getLong(ByteBuffer data, int index) {
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

    private double getDouble(ByteBuffer data, int index) {
        int at = index * type.byteSize();
        return switch (type) {
            case F32 -> data.getFloat(at);
            case F64 -> data.getDouble(at);
            case F16 -> Half.toFloat(data.getShort(at));
            case BF16 -> BFloat16.toFloat(data.getShort(at));
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
            case BF16 -> out.putShort(BFloat16.fromFloat((float) value));
            default -> throw new IllegalStateException(type + " is not a floating-point type");
        }
    }
}
