package dev.tfir.common.model;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import com.google.protobuf.UnsafeByteOperations;
import dev.tfir.common.TfirException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads protobuf files: the whole file into one array, parsed with aliasing so that large byte fields (the
 * {@code tensor_content} of constants) are views into that array, not copies.
 */
public final class ProtoBytes {
    private static final int READ_CHUNK = 1 << 20;

    private ProtoBytes() {}

    /** The bytes of a regular, non-empty file; {@code what} names the expected content ("GraphDef") for errors. */
    public static byte[] readFile(Path path, String what) {
        if (Files.isDirectory(path)) {
            throw new TfirException(path + ": is a directory, expected a " + what + " file"
                    + (Files.exists(path.resolve("saved_model.pb")) || Files.exists(path.resolve("saved_model.pbtxt"))
                            ? "; it holds a SavedModel: pass it with --saved_model_dir" : ""));
        }
        try {
            long size = Files.size(path);
            if (size == 0) {
                throw new TfirException(path + ": the file is empty, expected a " + what + " file");
            }
            if (size > Integer.MAX_VALUE - 16) {
                throw new TfirException(path + ": the file has " + size + " bytes; a protobuf file cannot exceed 2 GB");
            }
            return readFully(path, (int) size);
        } catch (NoSuchFileException e) {
            throw new TfirException(path + ": no such file, expected a " + what + " file");
        } catch (IOException e) {
            throw new TfirException(path + ": cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads the file in chunks: a single large read would make the JDK copy it through a native buffer of the
     * same size, doubling peak memory for a 500 MB graph.
     */
    private static byte[] readFully(Path path, int size) throws IOException {
        byte[] bytes = new byte[size];
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            int done = 0;
            while (done < size) {
                int read = channel.read(ByteBuffer.wrap(bytes, done, Math.min(READ_CHUNK, size - done)));
                if (read < 0) {
                    throw new TfirException(path + ": the file shrank while it was read; try again");
                }
                done += read;
            }
        }
        return bytes;
    }

    /** Parses all of {@code bytes}; the result aliases the array, which must not change afterwards. */
    public static <T extends MessageLite> T parse(Parser<T> parser, byte[] bytes) throws InvalidProtocolBufferException {
        CodedInputStream input = UnsafeByteOperations.unsafeWrap(bytes).newCodedInput();
        input.enableAliasing(true);
        T message = parser.parseFrom(input);
        input.checkLastTagWas(0);
        return message;
    }
}
