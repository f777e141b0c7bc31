package dev.tfir.common.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.TensorSliceProto;

/** Expected bytes from tensorflow/core/lib/strings/ordered_code.cc and keys of files TensorFlow wrote. */
class OrderedCodeTest {
    @Test
    void numbers() {
        assertEquals("00", num(0));
        assertEquals("0101", num(1));
        assertEquals("0102", num(2));
        assertEquals("02012c", num(300));
        assertEquals("80", signed(0));
        assertEquals("82", signed(2));
        assertEquals("7f", signed(-1));
        assertEquals("bf", signed(63));
        assertEquals("40", signed(-64));
        assertEquals("c040", signed(64)); // two bytes: header 10, value 64
        assertEquals("3fbf", signed(-65));
        assertEquals("dfff", signed(8191));
        assertEquals("e02000", signed(8192));
        assertEquals("003f8000000000000001", signed(Long.MIN_VALUE + 1)); // ten bytes, header bits inverted
        assertEquals("ffc07fffffffffffffff", signed(Long.MAX_VALUE));
    }

    @Test
    void sliceKeysOfFilesTensorFlowWrote() {
        assertEquals("00626f6f6c0001010180" + "7f", key("bool", full(1)));
        assertEquals("006633320001010280" + "7f807f", key("f32", full(2)));
        assertEquals("006936340001" + "00", key("i64", full(0)));
        assertEquals("00706172742f766172000101028082807f", key("part/var", rows(0, 2, 2)));
        assertEquals("00706172742f766172000101028282807f", key("part/var", rows(2, 2, 2)));
    }

    @Test
    void escapesZeroAndFfBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OrderedCode.writeString(out, new byte[] {'a', 0, (byte) 0xff, 'b'});
        assertEquals("6100ffff00620001", HexFormat.of().formatHex(out.toByteArray()));
    }

    private static String num(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OrderedCode.writeNumIncreasing(out, value);
        return HexFormat.of().formatHex(out.toByteArray());
    }

    private static String signed(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OrderedCode.writeSignedNumIncreasing(out, value);
        return HexFormat.of().formatHex(out.toByteArray());
    }

    private static String key(String name, TensorSlice slice) {
        return HexFormat.of().formatHex(OrderedCode.sliceKey(name, slice));
    }

    private static TensorSlice full(int rank) {
        TensorSliceProto.Builder proto = TensorSliceProto.newBuilder();
        for (int i = 0; i < rank; i++) {
            proto.addExtent(TensorSliceProto.Extent.getDefaultInstance());
        }
        return TensorSlice.fromProto(proto.build());
    }

    /** Rows [start, start + length) of a rank-2 tensor. */
    private static TensorSlice rows(long start, long length, int rank) {
        TensorSliceProto.Builder proto = TensorSliceProto.newBuilder()
                .addExtent(TensorSliceProto.Extent.newBuilder().setStart(start).setLength(length));
        for (int i = 1; i < rank; i++) {
            proto.addExtent(TensorSliceProto.Extent.getDefaultInstance());
        }
        return TensorSlice.fromProto(proto.build());
    }
}
