package dev.tfir.common;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * An exclusive lock, between processes, on renaming a set of files written together (an IR's .xml and .bin), so
 * that two runs writing the same files leave all the files of one of them, not a mix. It is an exclusive lock on
 * {@code .FIRST.tfir.lock} beside the first file, held while the files are renamed; the holder deletes the lock
 * file before unlocking it, so that none stays behind. A process that waited on it then holds a lock on a file no
 * longer in the directory: it sees that the path now leads to another file (or none) and starts again. File
 * locks are a process's, so the threads of this JVM take turns on the class first.
 */
final class TargetLock {
    static final String SUFFIX = ".tfir.lock";

    /** What is done under the lock. */
    @FunctionalInterface
    interface Action {
        void run() throws IOException;
    }

    /** A lock file held: its path and the channels open on it (none on a file system without locks). */
    private record Held(Path path, List<FileChannel> channels) {
        Held {
            TempFiles.hold(path);
        }

        /** Deletes the lock file, then unlocks it. */
        void release() throws IOException {
            TempFiles.deleteQuietly(path);
            TempFiles.release(path);
            for (FileChannel channel : channels) {
                channel.close();
            }
        }
    }

    private TargetLock() {}

    /** Runs {@code action} holding the lock of the files whose first is {@code first}. */
    static synchronized void holding(Path first, Action action) throws IOException {
        Held held = acquire(first.resolveSibling("." + first.getFileName() + SUFFIX));
        try {
            action.run();
        } finally {
            held.release();
        }
    }

    /** Removes a lock file that no process holds (its holder died without deleting it). */
    static synchronized void removeIfFree(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            Held free = channel.tryLock() == null ? null : ifStillAt(path, channel);
            if (free != null) {
                free.release();
            }
        } catch (IOException e) {
            // gone, no locks on this file system, or not ours to open: left alone
        }
    }

    private static Held acquire(Path path) throws IOException {
        while (true) {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                channel.lock();
            } catch (IOException e) {
                // a file system without locks: nobody can hold this file, writers there are not serialized
                channel.close();
                return new Held(path, List.of());
            }
            Held held = ifStillAt(path, channel);
            if (held != null) {
                return held;
            }
        }
    }

    /**
     * The lock, if {@code path} still leads to the file locked through {@code channel}: locking the path's file
     * again from this JVM then overlaps the lock it holds. Otherwise {@code channel} is closed and null returned.
     * The second channel stays open while the lock is held, because closing any descriptor of a file releases the
     * process's locks on it.
     */
    private static Held ifStillAt(Path path, FileChannel channel) throws IOException {
        FileChannel again = null;
        boolean kept = false;
        try {
            again = FileChannel.open(path, StandardOpenOption.WRITE);
            kept = lockedHere(again);
            return kept ? new Held(path, List.of(channel, again)) : null;
        } catch (NoSuchFileException e) {
            return null; // deleted by the holder this process waited for
        } finally {
            if (!kept) {
                channel.close();
                if (again != null) {
                    again.close();
                }
            }
        }
    }

    /** Whether this JVM holds a lock on the file of {@code channel}: locking it again then overlaps that lock. */
    private static boolean lockedHere(FileChannel channel) throws IOException {
        try {
            FileLock other = channel.tryLock();
            if (other != null) {
                other.release();
            }
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }
}
