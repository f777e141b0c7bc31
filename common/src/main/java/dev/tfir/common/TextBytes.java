package dev.tfir.common;

import java.nio.ByteBuffer;

/** Text told from binary data by its first bytes (a text protobuf or an IR's XML from a binary protobuf). */
public final class TextBytes {
    private TextBytes() {}

    /** Whether the first {@code n} bytes (from index 0, at most to the limit) are printable, tabs or line breaks. */
    public static boolean looksLikeText(ByteBuffer bytes, int n) {
        int end = Math.min(bytes.limit(), n);
        for (int i = 0; i < end; i++) {
            int b = bytes.get(i) & 0xff;
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
