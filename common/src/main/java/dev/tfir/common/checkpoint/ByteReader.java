package dev.tfir.common.checkpoint;

import java.nio.ByteBuffer;

/**
 * A cursor over part of a byte buffer (read by absolute index: its position does not move) that decodes the little-endian fixed-width integers and the varints of the
 * LevelDB table format. Reading past the limit throws {@link Truncated}; callers turn it into a message that
 * names the file.
 */
final class ByteReader {
    /** Thrown when a value runs past the end of the bytes or a varint is malformed. */
    static final class Truncated extends Exception {
        private static final long serialVersionUID = 1L;

        Truncated(String message) {
            super(message, null, false, false);
        }
    }

    private final ByteBuffer bytes;
    private final int limit;
    private int position;

    ByteReader(ByteBuffer bytes, int offset, int limit) {
        this.bytes = bytes;
        this.position = offset;
        this.limit = limit;
    }

    int position() {
        return position;
    }

    int remaining() {
        return limit - position;
    }

    boolean hasRemaining() {
        return position < limit;
    }

    int u8() throws Truncated {
        need(1);
        return bytes.get(position++) & 0xff;
    }

    int fixed32() throws Truncated {
        need(4);
        int value = (bytes.get(position) & 0xff) | (bytes.get(position + 1) & 0xff) << 8
                | (bytes.get(position + 2) & 0xff) << 16 | (bytes.get(position + 3) & 0xff) << 24;
        position += 4;
        return value;
    }

    long varint64() throws Truncated {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            value |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                return value;
            }
        }
        throw new Truncated("a varint longer than 10 bytes");
    }

    /** A varint that must fit in a non-negative int (lengths inside a block). */
    int varint32() throws Truncated {
        long value = varint64();
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new Truncated("a length of " + Long.toUnsignedString(value) + " bytes");
        }
        return (int) value;
    }

    /** Skips {@code n} bytes, returning the offset where they start. */
    int skip(int n) throws Truncated {
        need(n);
        int start = position;
        position += n;
        return start;
    }

    private void need(int n) throws Truncated {
        if (n < 0 || n > limit - position) {
            throw new Truncated("needs " + n + " bytes at offset " + position + ", only " + (limit - position) + " left");
        }
    }
}
