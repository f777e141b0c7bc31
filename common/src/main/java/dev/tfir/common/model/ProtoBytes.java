package dev.tfir.common.model;

import dev.tfir.common.TfirException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads protobuf files: the whole file mapped into memory as one buffer, parsed with aliasing
 * ({@link dev.tfir.common.proto.Protos}) so that large byte fields (the {@code tensor_content} of constants) are
 * views into the mapping, not copies. Pages are read when first touched: a summary never reads the weights, and a
 * conversion reads each tensor where it uses it.
 */
public final class ProtoBytes {
    private ProtoBytes() {}

    /** The bytes of a regular, non-empty file; {@code what} names the expected content ("GraphDef") for errors. */
    public static ByteBuffer readFile(Path path, String what) {
        if (Files.isDirectory(path)) {
            throw new TfirException(path + ": is a directory, expected a " + what + " file"
                    + (Files.exists(path.resolve("saved_model.pb")) || Files.exists(path.resolve("saved_model.pbtxt"))
                            ? "; it holds a SavedModel: pass it with --saved_model_dir" : ""));
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                throw new TfirException(path + ": the file is empty, expected a " + what + " file");
            }
            if (size > Integer.MAX_VALUE - 16) {
                throw new TfirException(path + ": the file has " + size + " bytes; a protobuf file cannot exceed 2 GB");
            }
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, size).asReadOnlyBuffer();
        } catch (NoSuchFileException e) {
            throw new TfirException(path + ": no such file, expected a " + what + " file");
        } catch (IOException e) {
            throw new TfirException(path + ": cannot read the file (" + e.getMessage() + ")", e);
        }
    }
}
