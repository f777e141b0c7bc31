package dev.tfir.common.proto;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The top-level fields of a message's wire bytes, for code that parses only some of them (see
 * {@link Protos#merge}). Only for bytes that passed {@link Protos#check}: lengths are trusted, not checked again.
 */
public final class WireFields {
    private static final int LENGTH_DELIMITED = 2;
    private static final int END_GROUP = 4;

    /**
     * One field: its number, whether it is length-delimited (a message, a string, packed numbers), where its tag
     * starts, where its value starts and where the field ends (absolute positions in the buffer).
     */
    public record Field(int number, boolean delimited, int start, int valueStart, int end) {
        /** The field's value: a nested message's (or a string's) bytes. */
        public ByteBuffer value(ByteBuffer bytes) {
            return bytes.duplicate().limit(end).position(valueStart).slice();
        }
    }

    private final ByteBuffer bytes;
    private int pos;

    private WireFields(ByteBuffer bytes) {
        this.bytes = bytes;
        this.pos = bytes.position();
    }

    /** The fields of the checked message in {@code bytes} (position to limit), in wire order. */
    public static List<Field> of(ByteBuffer bytes) {
        WireFields wire = new WireFields(bytes);
        List<Field> fields = new ArrayList<>();
        while (wire.pos < bytes.limit()) {
            fields.add(wire.next());
        }
        return fields;
    }

    /** A string field's value as text: strict UTF-8, as protobuf checks a proto3 string. */
    public static String text(ByteBuffer utf8) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().decode(utf8).toString();
    }

    private Field next() {
        int start = pos;
        int tag = (int) varint();
        if ((tag & 7) == LENGTH_DELIMITED) {
            int length = (int) varint();
            int valueStart = pos;
            pos += length;
            return new Field(tag >>> 3, true, start, valueStart, pos);
        }
        skipValue(tag);
        return new Field(tag >>> 3, false, start, pos, pos);
    }

    /** Past the value of a field that is not length-delimited (a group: past its end; checked, it has one). */
    private void skipValue(int tag) {
        switch (tag & 7) {
            case 0 -> varint();
            case 1 -> pos += 8;
            case 5 -> pos += 4;
            case LENGTH_DELIMITED -> pos += (int) varint();
            default -> {
                for (int inner = (int) varint(); (inner & 7) != END_GROUP; inner = (int) varint()) {
                    skipValue(inner);
                }
            }
        }
    }

    private long varint() {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = bytes.get(pos++);
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }
}
