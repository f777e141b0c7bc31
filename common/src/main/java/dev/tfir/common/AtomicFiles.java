package dev.tfir.common;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes output files so that a failed run leaves none of them behind half-written: each file goes to a
 * temporary file beside its target, and only when all are complete are they renamed over their targets.
 */
public final class AtomicFiles {
    /** The content of one file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /** Writes all files, in order; on any failure the temporary files are removed and the targets untouched. */
    public static void write(Map<Path, Content> files) {
        Map<Path, Path> temps = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, Content> file : files.entrySet()) {
                Path target = file.getKey().toAbsolutePath();
                Files.createDirectories(target.getParent());
                Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
                temps.put(target, temp);
                try (OutputStream out = new ChunkedOutputStream(Files.newOutputStream(temp))) {
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
