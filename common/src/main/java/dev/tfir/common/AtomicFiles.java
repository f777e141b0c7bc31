package dev.tfir.common;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes output files so that a failed or stopped run leaves none of them behind half-written: each file goes to
 * a temporary file beside its target ({@link TempFiles}: removed on SIGTERM/SIGINT too, and by a later write when
 * its process was killed), and only when all are complete are they renamed over their targets. The files get the
 * permissions of any new file (the umask's), not a temporary file's owner-only ones.
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

    /**
     * Writes all files, in order; on any failure the temporary files are removed and the targets untouched. Files
     * written together are renamed under a {@link TargetLock}, so that concurrent writers of the same files leave
     * all of one's. Stale temporary files of dead processes in the targets' directories are removed first.
     */
    public static void write(Map<Path, Content> files) {
        Map<Path, TempFiles.Temp> temps = new LinkedHashMap<>();
        Set<Path> swept = new HashSet<>();
        try {
            for (Map.Entry<Path, Content> file : files.entrySet()) {
                Path target = file.getKey().toAbsolutePath().normalize();
                Files.createDirectories(target.getParent());
                if (swept.add(target.getParent())) {
                    StaleFiles.sweep(target.getParent());
                }
                TempFiles.Temp temp = TempFiles.create(target);
                temps.put(target, temp);
                file.getValue().writeTo(temp.channel());
            }
            if (temps.size() <= 1) {
                TempFiles.moveAll(temps);
            } else {
                TargetLock.holding(temps.keySet().iterator().next(), () -> TempFiles.moveAll(temps));
            }
        } catch (IOException e) {
            throw new TfirException("cannot write " + String.join(", ", names(files)) + ": " + reason(e), e);
        } finally {
            temps.values().forEach(TempFiles::remove);
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

    /** Why a write failed, in the system's words rather than as a Java exception. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        if (e instanceof FileAlreadyExistsException inTheWay) {
            return inTheWay.getFile() + " is in the way (a file where a directory should be)";
        }
        if (e instanceof FileSystemException failed && failed.getReason() != null) {
            return failed.getReason() + (failed.getFile() != null ? " (" + failed.getFile() + ")" : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private static List<String> names(Map<Path, Content> files) {
        List<String> names = new ArrayList<>();
        files.keySet().forEach(path -> names.add(path.toString()));
        return names;
    }
}
