package dev.tfir.common;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The temporary files of {@link AtomicFiles}: {@code .NAME.<pid>.<random>.tmp} beside their target NAME, each
 * locked by its process (an exclusive lock on the whole file) while it lives. A shutdown hook removes them when
 * the JVM is stopped (SIGTERM, SIGINT, SIGHUP, {@code System.exit}) and no file is renamed after that; the files
 * of a process that died without its hooks (SIGKILL, a crash) are removed by a later write beside them
 * ({@link StaleFiles}).
 */
final class TempFiles {
    /** The files this process created and has not yet renamed or removed; guarded by the class. */
    private static final Set<Path> LIVE = new LinkedHashSet<>();
    private static boolean stopping;
    private static boolean hooked;

    /** A temporary file: its path and its channel, open for writing and locked. */
    record Temp(Path path, FileChannel channel) {}

    private TempFiles() {}

    /** A new, empty temporary file beside {@code target}. */
    static synchronized Temp create(Path target) throws IOException {
        checkRunning();
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::removeAll, "tfir temporary files"));
            hooked = true;
        }
        Path path = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        LIVE.add(path);
        try {
            channel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            // a file system without locks: the owner's pid alone then tells a stale file
        }
        return new Temp(path, channel);
    }

    /** Renames each temporary file over its target, unless the process is stopping. */
    static synchronized void moveAll(Map<Path, Temp> temps) throws IOException {
        checkRunning();
        for (Map.Entry<Path, Temp> temp : temps.entrySet()) {
            Files.move(temp.getValue().path(), temp.getKey(), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            LIVE.remove(temp.getValue().path());
        }
    }

    /** Removes a temporary file if it was not renamed, and closes it (unlocking it only once it is gone). */
    static synchronized void remove(Temp temp) {
        if (LIVE.remove(temp.path())) {
            deleteQuietly(temp.path());
        }
        try {
            temp.channel().close();
        } catch (IOException e) {
            // closing a file only written to: nothing to lose
        }
    }

    /** Whether this process created {@code path} and still holds it. */
    static synchronized boolean isLive(Path path) {
        return LIVE.contains(path.toAbsolutePath());
    }

    /** Registers a file to remove if the process is stopped before it is released (a lock file held). */
    static synchronized void hold(Path path) {
        LIVE.add(path);
    }

    /** Forgets a file registered with {@link #hold}. */
    static synchronized void release(Path path) {
        LIVE.remove(path);
    }

    private static synchronized void removeAll() {
        stopping = true;
        LIVE.forEach(TempFiles::deleteQuietly);
        LIVE.clear();
    }

    private static void checkRunning() throws IOException {
        if (stopping) {
            throw new IOException("the process is stopping");
        }
    }

    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // already gone or unreachable: nothing more to do
        }
    }
}
