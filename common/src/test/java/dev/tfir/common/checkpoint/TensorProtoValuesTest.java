package dev.tfir.common.checkpoint;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.SavedSlice;
import org.tensorflow.proto.SavedTensorSlices;
import org.tensorflow.proto.TensorProto;

/**
 * The decoding of V1 slice records as TensorFlow's TensorSliceWriter writes them (a SavedTensorSlices holding a
 * SavedSlice holding a TensorProto with packed {@code float_val}): values that fill the slice are a view of the
 * record, not a copy; values spread over several fields are gathered; a packed field of a broken length is refused.
 */
class TensorProtoValuesTest {
    private static final float[] VALUES = {1.5f, -2f, 3.25f, 0f, Float.MIN_VALUE, Float.NaN};
    private static final long[] SHAPE = {2, 3};

    @Test
    void packedFloatsFillingTheSliceAreAViewOfTheRecord() throws Exception {
        TensorProto.Builder values = TensorProto.newBuilder();
        for (float value : VALUES) {
            values.addFloatVal(value);
        }
        byte[] record = record(values.build().toByteArray());
        ByteBuffer heap = ByteBuffer.wrap(record);
        Tensor tensor = TensorProtoValues.decode("w", DataType.DT_FLOAT, SHAPE, heap);
        assertFloats(tensor);
        assertSame(record, tensor.data().array(), "a view of the record's bytes");

        ByteBuffer direct = ByteBuffer.allocateDirect(record.length).put(record).flip();
        Tensor mapped = TensorProtoValues.decode("w", DataType.DT_FLOAT, SHAPE, direct);
        assertFloats(mapped);
        assertTrue(mapped.data().isDirect(), "a view of a direct (mapped) record stays direct");
    }

    @Test
    void valuesInSeveralFieldsAreGatheredInOrder() throws Exception {
        TensorProto.Builder first = TensorProto.newBuilder();
        TensorProto.Builder second = TensorProto.newBuilder();
        for (int i = 0; i < VALUES.length; i++) {
            (i < 2 ? first : second).addFloatVal(VALUES[i]);
        }
        // two packed float_val fields in one TensorProto: protobuf concatenates them, and so must we
        byte[] twoFields = ByteString.copyFrom(first.build().toByteArray())
                .concat(ByteString.copyFrom(second.build().toByteArray())).toByteArray();
        assertEquals(VALUES.length, TensorProto.parseFrom(twoFields).getFloatValCount());
        assertFloats(TensorProtoValues.decode("w", DataType.DT_FLOAT, SHAPE, ByteBuffer.wrap(record(twoFields))));
    }

    @Test
    void aPackedFieldOfABrokenLengthIsRefused() throws Exception {
        byte[] tensor = length(5, new byte[4 * VALUES.length - 1]); // float_val: 23 bytes, not whole floats
        TensorProtoValues.Malformed e = assertThrows(TensorProtoValues.Malformed.class,
                () -> TensorProtoValues.decode("w", DataType.DT_FLOAT, SHAPE, ByteBuffer.wrap(record(tensor))));
        assertTrue(e.getMessage().contains("23 bytes"), e.getMessage());
    }

    /**
     * The record of global_step in v1_small (TensorFlow's), its packed int64_val's length (1) changed to 0x7fffffff
     * (the lengths around it grown by the 4 bytes that takes), in a direct buffer as a mapped block gives it:
     * protobuf's decoder of direct buffers overflowed its limit on that length and read outside the buffer.
     */
    @Test
    void aLengthPastTheRecordIsRefusedBeforeDecoding() {
        byte[] stored = HexFormat.of().parseHex("12140a0b676c6f62616c5f7374657012001a03520100");
        byte[] hostile = HexFormat.of().parseHex("12180a0b676c6f62616c5f7374657012001a0752ffffffff0700");
        ByteBuffer direct = ByteBuffer.allocateDirect(hostile.length).put(hostile).flip();
        TensorProtoValues.Malformed e = assertThrows(TensorProtoValues.Malformed.class,
                () -> TensorProtoValues.decode("global_step", DataType.DT_INT64, new long[0], direct));
        assertTrue(e.getMessage().contains("declares 2147483647 bytes"), e.getMessage());
        assertDoesNotThrow(() -> TensorProtoValues.decode("global_step", DataType.DT_INT64, new long[0],
                ByteBuffer.allocateDirect(stored.length).put(stored).flip()));
    }

    private static void assertFloats(Tensor tensor) {
        FloatBuffer floats = tensor.data().asFloatBuffer();
        assertEquals(VALUES.length, floats.remaining());
        for (float value : VALUES) {
            assertEquals(Float.floatToRawIntBits(value), Float.floatToRawIntBits(floats.get()));
        }
    }

    /** A SavedTensorSlices record of tensor "w" whose SavedSlice holds the serialized TensorProto {@code tensor}. */
    private static byte[] record(byte[] tensor) throws IOException {
        byte[] slice = concat(SavedSlice.newBuilder().setName("w").build().toByteArray(),
                length(SavedSlice.DATA_FIELD_NUMBER, tensor));
        return length(SavedTensorSlices.DATA_FIELD_NUMBER, slice);
    }

    private static byte[] length(int field, byte[] payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeByteArrayNoTag(payload);
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteString.copyFrom(a).concat(ByteString.copyFrom(b)).toByteArray();
    }
}
