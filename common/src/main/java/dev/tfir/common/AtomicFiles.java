package dev.tfir.common;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes output files so that a failed run leaves none of them behind half-written: each file goes to a
 * temporary file beside its target, and only when all are complete are they renamed over their targets. The
 * files get the permissions of any new file (the umask's), not a temporary file's owner-only ones.
 */
public final class AtomicFiles {

    /** The content of one file, written through its channel (positional writes may run in parallel). */
    @FunctionalInterface
    public interface Content {
        void writeTo(FileChannel file) throws IOException;
    }

    /** Content written as a stream. */
    @FunctionalInterface
    public interface StreamContent {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Content from a stream writer (buffered). */
    public static Content stream(StreamContent content) {
        return file -> {
            OutputStream out = new BufferedOutputStream(new ChunkedOutputStream(Channels.newOutputStream(file)),
                    1 << 16);
            content.writeTo(out);
            out.flush();
        };
    }

    private AtomicFiles() {}

    /** Writes all files, in order; on any failure the temporary files are removed and the targets untouched. */
    public static void write(Map<Path, Content> files) {
        Map<Path, Path> temps = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, Content> file : files.entrySet()) {
                Path target = file.getKey().toAbsolutePath();
                Files.createDirectories(target.getParent());
                Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid()
                        + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
                try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    temps.put(target, temp);
                    file.getValue().writeTo(out);
                }
            }
            for (Map.Entry<Path, Path> done : temps.entrySet()) {
                Files.move(done.getValue(), done.getKey(), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new TfirException("cannot write " + String.join(", ", names(files)) + " (" + e + ")", e);
        } finally {
            for (Path temp : temps.values()) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // the temporary file is already gone or unreachable; nothing more to do
                }
            }
        }
    }

    /**
     * Passes large writes on in 1 MB pieces: a file channel copies each array it writes into a native buffer of the
     * same size, which for a frozen graph's biggest weights would double the memory used.
     */
    private static final class ChunkedOutputStream extends FilterOutputStream {
        private static final int CHUNK = 1 << 20;

        ChunkedOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            for (int done = 0; done < length; done += CHUNK) {
                out.write(bytes, offset + done, Math.min(CHUNK, length - done));
            }
        }
    }

    private static List<String> names(Map<Path, Content> files) {
        List<String> names = new ArrayList<>();
        files.keySet().forEach(path -> names.add(path.toString()));
        return names;
    }
}
