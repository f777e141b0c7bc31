package dev.tfir.common.model;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import dev.tfir.common.TextBytes;
import dev.tfir.common.TfirException;
import dev.tfir.common.proto.Protos;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Reads one protobuf message from a file in binary or text format, with errors that say what the file is.
 * Text is used when asked for, or when the file's first bytes are text and the whole file is not well-formed binary
 * protobuf (a binary graph can start with thousands of printable bytes: a long node name).
 */
final class ProtoFiles {
    private static final int SNIFF_BYTES = 4096;
    private static final String EXPECTED = "expected a TensorFlow model: a frozen or inference graph (.pb), a text "
            + "graph (.pbtxt), a MetaGraph (.meta) or a SavedModel directory (--saved_model_dir)";

    private ProtoFiles() {}

    /** Reads what tfir needs of binary protobuf bytes (a whole file, which may hold anything). */
    interface BinaryReader<R> {
        R read(ByteBuffer bytes) throws InvalidProtocolBufferException;
    }

    static <T extends Message> T read(Path path, String what, boolean forceText, T prototype) {
        return read(path, what, forceText, prototype, message -> message,
                bytes -> Protos.parse(prototype, bytes, true));
    }

    /**
     * What tfir needs of a message of the prototype's type in a file: of a text file, {@code fromText} of the parsed
     * message; of a binary file, what {@code binary} reads.
     */
    static <T extends Message, R> R read(Path path, String what, boolean forceText, T prototype,
                                         Function<T, R> fromText, BinaryReader<R> binary) {
        ByteBuffer bytes = ProtoBytes.readFile(path, what);
        ForeignFormats.describe(bytes).ifPresent(foreign -> {
            throw new TfirException(path + ": this is " + foreign);
        });
        boolean text = TextBytes.looksLikeText(bytes, SNIFF_BYTES) && (forceText || !Protos.wellFormed(prototype, bytes));
        if (forceText && !text) {
            throw new TfirException(path + ": the file is binary, but it was to be read as text "
                    + "(--input_model_is_text); leave the option out, binary and text are told apart by content");
        }
        if (text) {
            return fromText.apply(parseText(path, what, bytes, prototype.newBuilderForType()));
        }
        try {
            return binary.read(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new TfirException(path + ": not a valid " + what + " (" + reason(e) + "); " + EXPECTED);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Message> T parseText(Path path, String what, ByteBuffer bytes,
                                                   Message.Builder builder) {
        try {
            TextFormat.Parser.newBuilder().setAllowUnknownFields(false).build()
                    .merge((CharSequence) StandardCharsets.UTF_8.decode(bytes.duplicate()), builder);
        } catch (TextFormat.ParseException e) {
            throw new TfirException(path + ": not a " + what + " in text format (line " + e.getLine() + ", column "
                    + e.getColumn() + ": " + stripPosition(e.getMessage()) + "); " + EXPECTED);
        }
        return (T) builder.build();
    }

    /** The parser's message without its position (given apart), on one line: unknown fields by name. */
    private static String stripPosition(String message) {
        return message.replaceFirst("^\\d+:\\d+: ", "")
                .replaceFirst("^Input contains unknown fields and/or extensions:\\s*\\d+:\\d+:\\s*", "unknown field ")
                .replaceAll("\\s+", " ").trim();
    }

    private static String reason(InvalidProtocolBufferException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("ended unexpectedly")) {
            return "the data ends in the middle of a field: the file is truncated or corrupt";
        }
        if (message.contains("invalid wire type") || message.contains("invalid tag")) {
            return "the bytes are not protobuf data";
        }
        if (message.contains("negative size") || message.contains("misreported")) {
            return "a field declares a size that does not fit the file: the file is corrupt";
        }
        if (message.contains(" declares ") || message.startsWith("the data ends")) { // from the wire check
            return message + ": the file is truncated or corrupt";
        }
        return message.replaceAll("\\s+", " ").trim();
    }
}
