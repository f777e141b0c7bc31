package dev.tfir.common.proto;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;

/**
 * Checks that bytes are well-formed protobuf wire data for a message type before protobuf parses them: every
 * length-delimited field (a nested message, a packed array, a string) lies inside the message that holds it, every
 * group ends, no varint runs past the end, nesting stays under protobuf's own limit. Only the structure is read (a
 * tensor's bytes are skipped), so the check costs a fraction of the parse.
 *
 * <p>Why: protobuf-java 3.25's decoder for direct (memory-mapped) buffers adds a declared length to its position
 * without an overflow check; a length such as 0x7fffffff then moves its limit past the end of the mapping and it
 * reads outside the file (a JVM crash). Bytes that pass this check never declare a length beyond their buffer.
 */
final class WireCheck {
    /** protobuf-java's default recursion limit for nested messages and groups. */
    static final int MAX_DEPTH = 100;

    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int START_GROUP = 3;
    private static final int END_GROUP = 4;
    private static final int FIXED32 = 5;

    private final ByteBuffer bytes;
    private final int start;
    private int pos;

    private WireCheck(ByteBuffer bytes) {
        this.bytes = bytes;
        this.start = bytes.position();
        this.pos = bytes.position();
    }

    /** Throws, saying what is wrong and at which byte, unless {@code bytes} (position to limit) are well-formed. */
    static void check(WireSchema.Type type, ByteBuffer bytes) throws InvalidProtocolBufferException {
        WireCheck check = new WireCheck(bytes);
        check.fields(type, bytes.limit(), 0, -1);
    }

    /**
     * The fields from {@link #pos} to {@code end} of a message of {@code type} (null: an unknown field's group,
     * whose fields protobuf keeps as bytes); {@code group} is the field number of the group being read, or -1.
     */
    private void fields(WireSchema.Type type, int end, int depth, int group) throws InvalidProtocolBufferException {
        if (depth > MAX_DEPTH) {
            throw problem("messages nested more than " + MAX_DEPTH + " deep");
        }
        while (pos < end) {
            int tagAt = pos;
            int tag = (int) varint(end);
            int field = tag >>> 3;
            if (field == 0) {
                throw problem("an invalid field tag at byte " + offset(tagAt));
            }
            switch (tag & 7) {
                case VARINT -> varint(end);
                case FIXED64 -> skip(8, end);
                case FIXED32 -> skip(4, end);
                case LENGTH_DELIMITED -> {
                    long length = varint(end);
                    if (length > end - pos) {
                        throw problem("a field at byte " + offset(tagAt) + " declares " + length + " bytes, but only "
                                + (end - pos) + " are left in the message that holds it");
                    }
                    int fieldEnd = pos + (int) length;
                    WireSchema.Type nested = type == null ? null : type.nested(field);
                    if (nested != null) {
                        fields(nested, fieldEnd, depth + 1, -1);
                    }
                    pos = fieldEnd;
                }
                case START_GROUP -> fields(null, end, depth + 1, field);
                case END_GROUP -> {
                    if (field != group) {
                        throw problem("a group end without its start at byte " + offset(tagAt));
                    }
                    return;
                }
                default -> throw problem("an invalid wire type at byte " + offset(tagAt));
            }
        }
        if (group >= 0) {
            throw problem("the data ends inside a group");
        }
    }

    /** A varint of up to 10 bytes; negative when it has the top bit set (too large for any length here). */
    private long varint(int end) throws InvalidProtocolBufferException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) {
                throw problem("the data ends in the middle of a field (byte " + offset(pos) + ")");
            }
            byte b = bytes.get(pos++);
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value < 0 ? Long.MAX_VALUE : value;
            }
        }
        throw problem("a malformed varint at byte " + offset(pos - 10));
    }

    private void skip(int n, int end) throws InvalidProtocolBufferException {
        if (end - pos < n) {
            throw problem("the data ends in the middle of a field (byte " + offset(pos) + ")");
        }
        pos += n;
    }

    private long offset(int at) {
        return at - start;
    }

    private static InvalidProtocolBufferException problem(String what) {
        return new InvalidProtocolBufferException(what);
    }
}
