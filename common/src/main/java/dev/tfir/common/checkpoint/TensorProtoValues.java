package dev.tfir.common.checkpoint;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import dev.tfir.common.proto.Protos;
import dev.tfir.common.types.DTypes;
import java.io.IOException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.SavedTensorSlices;

/**
 * Decodes the values of a V1 slice record: a serialized SavedTensorSlices whose {@code data} (a SavedSlice) holds
 * a TensorProto with the values in its typed repeated field ({@code float_val}, {@code int_val}, {@code half_val}
 * ...; packed or not; TensorFlow's writer never uses {@code tensor_content}, which is read too), and with neither
 * dtype nor shape (they come from the table of contents). The record is walked in place. Packed float, double and
 * complex values are raw little-endian bytes: when one field holds all the values of the slice (as TensorFlow
 * writes them) the result is a view of the record, with no copy (of the mapped file, for a large record);
 * otherwise each value is written straight into the result. The values are never held twice.
 */
final class TensorProtoValues {
    /** A record whose contents do not match the table of contents. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private static final int SAVED_TENSOR_SLICES_DATA = 2;
    private static final int SAVED_SLICE_NAME = 1;
    private static final int SAVED_SLICE_DATA = 3;
    private static final int TENSOR_CONTENT = 4;
    private static final int FLOAT_VAL = 5;
    private static final int DOUBLE_VAL = 6;
    private static final int INT_VAL = 7;
    private static final int STRING_VAL = 8;
    private static final int SCOMPLEX_VAL = 9;
    private static final int INT64_VAL = 10;
    private static final int BOOL_VAL = 11;
    private static final int DCOMPLEX_VAL = 12;
    private static final int HALF_VAL = 13;
    private static final int UINT32_VAL = 16;
    private static final int UINT64_VAL = 17;
    private static final int FLOAT8_VAL = 18;

    private TensorProtoValues() {}

    /** The field TensorFlow's TensorSliceWriter puts values of {@code dtype} in (saved_tensor_slice_util.h). */
    static int valueField(DataType dtype) {
        return switch (dtype) {
            case DT_FLOAT -> FLOAT_VAL;
            case DT_DOUBLE -> DOUBLE_VAL;
            case DT_INT32, DT_UINT8, DT_INT8, DT_INT16, DT_UINT16, DT_QINT8, DT_QUINT8, DT_QINT16, DT_QUINT16,
                 DT_QINT32 -> INT_VAL;
            case DT_STRING -> STRING_VAL;
            case DT_COMPLEX64 -> SCOMPLEX_VAL;
            case DT_INT64 -> INT64_VAL;
            case DT_BOOL -> BOOL_VAL;
            case DT_COMPLEX128 -> DCOMPLEX_VAL;
            case DT_HALF, DT_BFLOAT16 -> HALF_VAL;
            case DT_UINT32 -> UINT32_VAL;
            case DT_UINT64 -> UINT64_VAL;
            default -> 0;
        };
    }

    /** Decodes the record {@code record} of tensor {@code name}'s slice of shape {@code shape}. */
    static Tensor decode(String name, DataType dtype, long[] shape, ByteBuffer record) throws Malformed {
        long count = StoredShapes.elements(shape);
        if (count > record.remaining()) {
            throw new Malformed("a record of " + record.remaining() + " bytes cannot hold its " + count + " values");
        }
        try {
            Protos.check(SavedTensorSlices.getDefaultInstance(), record); // no length past the record
        } catch (InvalidProtocolBufferException e) {
            throw new Malformed("the record is malformed (" + e.getMessage() + ")");
        }
        Sink sink = dtype == DataType.DT_STRING ? new StringSink(count) : new NumericSink(dtype, count);
        CodedInputStream in = CodedInputStream.newInstance(record);
        boolean found = false;
        try {
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag == (SAVED_TENSOR_SLICES_DATA << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                    int limit = in.pushLimit(in.readRawVarint32());
                    savedSlice(in, record, name, dtype, sink);
                    in.popLimit(limit);
                    found = true;
                } else {
                    in.skipField(tag);
                }
            }
        } catch (IOException | BufferOverflowException e) {
            throw new Malformed(e instanceof BufferOverflowException ? "the record holds more values than its shape"
                    : "the record is malformed (" + e.getMessage() + ")");
        }
        if (!found) {
            throw new Malformed("the record holds no SavedSlice");
        }
        if (sink.count() != count) {
            throw new Malformed("the record holds " + sink.count() + " values, its shape "
                    + Arrays.toString(shape) + " needs " + count);
        }
        return sink.tensor(name, shape);
    }

    private static void savedSlice(CodedInputStream in, ByteBuffer record, String name, DataType dtype, Sink sink)
            throws IOException, Malformed {
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == SAVED_SLICE_NAME && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                String stored = new String(in.readByteArray(), StandardCharsets.UTF_8);
                if (!stored.equals(name)) {
                    throw new Malformed("the record is named '" + stored + "'");
                }
            } else if (field == SAVED_SLICE_DATA
                    && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int limit = in.pushLimit(in.readRawVarint32());
                tensorProto(in, record, dtype, sink);
                in.popLimit(limit);
            } else {
                in.skipField(tag);
            }
        }
    }

    private static void tensorProto(CodedInputStream in, ByteBuffer record, DataType dtype, Sink sink)
            throws IOException, Malformed {
        int valueField = valueField(dtype);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            int wireType = WireFormat.getTagWireType(tag);
            if (field == valueField) {
                int width = packedWidth(field);
                if (wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED && width > 0) {
                    ((NumericSink) sink).raw(rawBytes(in, record), width);
                } else if (wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED && dtype != DataType.DT_STRING) {
                    int limit = in.pushLimit(in.readRawVarint32());
                    while (in.getBytesUntilLimit() > 0) {
                        sink.scalar(in, field);
                    }
                    in.popLimit(limit);
                } else if (wireType == expectedWireType(field)) {
                    sink.scalar(in, field);
                } else {
                    throw new Malformed("field " + field + " of the TensorProto has wire type " + wireType);
                }
            } else if (field == TENSOR_CONTENT && dtype != DataType.DT_STRING
                    && wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                ((NumericSink) sink).raw(rawBytes(in, record), DTypes.byteSize(dtype));
            } else if (isValueField(field)) {
                throw new Malformed("the values are in TensorProto field " + field + ", not in field " + valueField
                        + " where " + DTypes.pythonName(dtype) + " values belong");
            } else {
                in.skipField(tag);
            }
        }
    }

    /** The bytes of one value of a fixed-width field (the width of its packed elements), else 0. */
    private static int packedWidth(int field) {
        return switch (field) {
            case FLOAT_VAL, SCOMPLEX_VAL -> Float.BYTES;
            case DOUBLE_VAL, DCOMPLEX_VAL -> Double.BYTES;
            default -> 0;
        };
    }

    /** The bytes of the length-delimited field at the cursor, as a view of the record; the cursor skips them. */
    private static ByteBuffer rawBytes(CodedInputStream in, ByteBuffer record) throws IOException {
        int length = in.readRawVarint32();
        int at = in.getTotalBytesRead();
        in.skipRawBytes(length); // throws when the field runs past its message or the record
        return record.slice(record.position() + at, length);
    }

    private static boolean isValueField(int field) {
        return field >= FLOAT_VAL && field <= HALF_VAL || field == UINT32_VAL || field == UINT64_VAL
                || field == FLOAT8_VAL;
    }

    private static int expectedWireType(int field) {
        return switch (field) {
            case FLOAT_VAL, SCOMPLEX_VAL -> WireFormat.WIRETYPE_FIXED32;
            case DOUBLE_VAL, DCOMPLEX_VAL -> WireFormat.WIRETYPE_FIXED64;
            case STRING_VAL -> WireFormat.WIRETYPE_LENGTH_DELIMITED;
            default -> WireFormat.WIRETYPE_VARINT;
        };
    }

    private interface Sink {
        void scalar(CodedInputStream in, int field) throws IOException, Malformed;

        long count();

        Tensor tensor(String name, long[] shape);
    }

    /**
     * Writes each value as its little-endian bytes; complex values count two scalars per element. Raw bytes that
     * hold all the values at once are kept as they are (a view), not copied; the result array is allocated on the
     * first value that must be copied.
     */
    private static final class NumericSink implements Sink {
        private final DataType dtype;
        private final int size;
        private final int byteCount;
        private ByteBuffer whole;
        private ByteBuffer out;

        NumericSink(DataType dtype, long count) {
            this.dtype = dtype;
            this.size = DTypes.byteSize(dtype);
            this.byteCount = Math.toIntExact(count * size);
        }

        private ByteBuffer out() {
            if (whole != null) { // the view already holds every value: there is no room for another
                throw new BufferOverflowException();
            }
            if (out == null) {
                out = ByteBuffer.allocate(byteCount).order(ByteOrder.LITTLE_ENDIAN);
            }
            return out;
        }

        @Override
        public void scalar(CodedInputStream in, int field) throws IOException {
            ByteBuffer out = out();
            switch (field) {
                case FLOAT_VAL, SCOMPLEX_VAL -> out.putInt(in.readRawLittleEndian32());
                case DOUBLE_VAL, DCOMPLEX_VAL -> out.putLong(in.readRawLittleEndian64());
                case INT64_VAL, UINT64_VAL -> out.putLong(in.readRawVarint64());
                case BOOL_VAL -> out.put(in.readBool() ? (byte) 1 : 0);
                case HALF_VAL -> out.putShort((short) in.readRawVarint32());
                default -> { // int_val, uint32_val: the value's low bytes
                    int value = in.readRawVarint32();
                    switch (size) {
                        case 1 -> out.put((byte) value);
                        case 2 -> out.putShort((short) value);
                        default -> out.putInt(value);
                    }
                }
            }
        }

        /** Little-endian values of {@code width} bytes each, back to back (a packed fixed-width field, content). */
        void raw(ByteBuffer bytes, int width) throws Malformed {
            if (bytes.remaining() % width != 0) {
                throw new Malformed("a packed field of " + bytes.remaining() + " bytes, not a whole number of "
                        + width + "-byte values");
            }
            if (whole == null && out == null && bytes.remaining() == byteCount) {
                whole = bytes;
            } else {
                out().put(bytes);
            }
        }

        @Override
        public long count() {
            return (whole != null ? whole.remaining() : out == null ? 0 : out.position()) / size;
        }

        @Override
        public Tensor tensor(String name, long[] shape) {
            return Tensor.numeric(name, dtype, shape, whole != null ? whole : out().clear());
        }
    }

    private static final class StringSink implements Sink {
        private final long expected;
        private final List<byte[]> strings = new ArrayList<>();

        StringSink(long expected) {
            this.expected = expected;
        }

        @Override
        public void scalar(CodedInputStream in, int field) throws IOException {
            if (strings.size() >= expected) {
                throw new BufferOverflowException();
            }
            strings.add(in.readByteArray());
        }

        @Override
        public long count() {
            return strings.size();
        }

        @Override
        public Tensor tensor(String name, long[] shape) {
            return Tensor.strings(name, shape, strings);
        }
    }
}
