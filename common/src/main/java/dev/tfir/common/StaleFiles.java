package dev.tfir.common;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes from a directory the files that writes of {@link AtomicFiles} left when their process died without
 * its shutdown hooks (SIGKILL, a crash): temporary files ({@code .NAME.<pid>.<random>.tmp}) whose process is
 * no longer running and that nobody holds locked, and {@link TargetLock} files nobody holds. The files of a
 * live process are left alone: this process's own by name, another's by its pid, or, for a process this one
 * cannot see (another pid namespace, another host), by the lock it holds on each of its files.
 */
final class StaleFiles {
    private static final Pattern TEMP = Pattern.compile("\\..+\\.(\\d{1,18})\\.[0-9a-z]{1,13}\\.tmp");

    private StaleFiles() {}

    static void sweep(Path directory) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, ".*")) {
            for (Path file : files) {
                if (TempFiles.isLive(file)) {
                    continue;
                }
                String name = file.getFileName().toString();
                Matcher temp = TEMP.matcher(name);
                if (temp.matches() && !running(Long.parseLong(temp.group(1)))) {
                    removeIfUnlocked(file);
                } else if (name.endsWith(TargetLock.SUFFIX)) {
                    TargetLock.removeIfFree(file);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // a directory that cannot be listed: nothing to sweep; writing there reports what is wrong
        }
    }

    /** Whether another running process has this pid (this process's own files are those it holds). */
    private static boolean running(long pid) {
        return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isPresent();
    }

    private static void removeIfUnlocked(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            if (nobodyHolds(channel)) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | OverlappingFileLockException e) {
            // gone meanwhile, or not ours to open: left alone
        }
    }

    /** Whether no process holds a lock on the file (on a file system without locks, the dead pid decides). */
    private static boolean nobodyHolds(FileChannel channel) {
        try {
            return channel.tryLock() != null;
        } catch (IOException e) {
            return true;
        }
    }
}
