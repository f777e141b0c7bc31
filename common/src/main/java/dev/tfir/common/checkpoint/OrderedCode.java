package dev.tfir.common.checkpoint;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The keys under which TensorFlow stores tensor slices (every record of a V1 file, the slices of a partitioned
 * tensor in a V2 index): {@code checkpoint::EncodeTensorNameSlice}, written with the primitives of
 * {@code tensorflow/core/lib/strings/ordered_code.cc}. Keys are computed from the table of contents, never
 * parsed.
 */
final class OrderedCode {
    private OrderedCode() {}

    /** The key of {@code slice} of tensor {@code name}: 0, the name, the rank, then start and length per dim. */
    static byte[] sliceKey(String name, TensorSlice slice) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(name.length() + 8 + 4 * slice.rank());
        writeNumIncreasing(out, 0);
        writeString(out, name.getBytes(StandardCharsets.UTF_8));
        writeNumIncreasing(out, slice.rank());
        for (int d = 0; d < slice.rank(); d++) {
            writeSignedNumIncreasing(out, slice.start(d));
            writeSignedNumIncreasing(out, slice.length(d)); // -1 (kFullExtent) for a whole dimension
        }
        return out.toByteArray();
    }

    /** One length byte, then the value big-endian without leading zero bytes (0 is the single byte 0). */
    static void writeNumIncreasing(ByteArrayOutputStream out, long value) {
        int length = (64 - Long.numberOfLeadingZeros(value) + 7) / 8;
        out.write(length);
        for (int i = length - 1; i >= 0; i--) {
            out.write((int) (value >>> (8 * i)));
        }
    }

    /** The bytes with 0x00 escaped as 00 ff and 0xff as ff 00, then the terminator 00 01. */
    static void writeString(ByteArrayOutputStream out, byte[] bytes) {
        for (byte b : bytes) {
            out.write(b);
            if (b == 0) {
                out.write(0xff);
            } else if (b == (byte) 0xff) {
                out.write(0);
            }
        }
        out.write(0);
        out.write(1);
    }

    /**
     * A signed number in n bytes (n = 1 for -64..63, else bitLength(x)/7 + 1 with x the value or its complement):
     * the sign-extended big-endian value, its first bits replaced by a unary length header.
     */
    static void writeSignedNumIncreasing(ByteArrayOutputStream out, long value) {
        long x = value < 0 ? ~value : value;
        if (x < 64) {
            out.write(0x80 ^ (int) value);
            return;
        }
        int length = (64 - Long.numberOfLeadingZeros(x)) / 7 + 1;
        byte[] buf = new byte[10];
        byte sign = value < 0 ? (byte) 0xff : 0;
        buf[0] = sign;
        buf[1] = sign;
        for (int i = 0; i < 8; i++) {
            buf[2 + i] = (byte) (value >>> (56 - 8 * i));
        }
        int begin = 10 - length;
        // kLengthToHeaderBits[n]: n leading one bits over the first two bytes (c0 00 for 2, ff c0 for 10)
        int header = ~0 << (16 - length) & 0xffff;
        buf[begin] ^= (byte) (header >>> 8);
        buf[begin + 1] ^= (byte) header;
        out.write(buf, begin, length);
    }
}
