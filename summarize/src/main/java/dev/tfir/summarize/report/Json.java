package dev.tfir.summarize.report;

import dev.tfir.common.types.PartialShape;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/** Minimal JSON text building for the reports: strings escaped, shapes as arrays. */
public final class Json {
    private Json() {}

    public static String string(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A shape as a JSON array of dims (-1 unknown), or null for an unknown rank. */
    public static String shape(PartialShape shape) {
        return !shape.hasRank() ? "null"
                : LongStream.of(shape.dims()).mapToObj(Long::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
