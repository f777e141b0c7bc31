package dev.tfir.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All files or none, with a new file's permissions. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesFilesWithTheUsualPermissions() throws IOException {
        Path reference = Files.createFile(dir.resolve("reference"));
        Path text = dir.resolve("a.txt");
        Path data = dir.resolve("sub/b.bin");
        Map<Path, AtomicFiles.Content> files = new LinkedHashMap<>();
        files.put(text, AtomicFiles.stream(out -> out.write("hello".getBytes(StandardCharsets.UTF_8))));
        files.put(data, channel -> channel.write(ByteBuffer.wrap(new byte[] {1, 2, 3}), 0));

        AtomicFiles.write(files);

        assertEquals("hello", Files.readString(text));
        assertEquals(3, Files.size(data));
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(reference);
        assertEquals(usual, Files.getPosixFilePermissions(text));
        assertEquals(usual, Files.getPosixFilePermissions(data));
        try (var left = Files.list(dir)) {
            assertEquals(3, left.count());
        }
    }

    @Test
    void aFailureLeavesNoFile() throws IOException {
        Path first = dir.resolve("first.xml");
        Map<Path, AtomicFiles.Content> files = new LinkedHashMap<>();
        files.put(first, AtomicFiles.stream(out -> out.write(1)));
        files.put(dir.resolve("second.bin"), channel -> {
            throw new IOException("disk full");
        });

        TfirException e = assertThrows(TfirException.class, () -> AtomicFiles.write(files));

        assertEquals("cannot write " + first.toAbsolutePath() + ", " + dir.resolve("second.bin").toAbsolutePath()
                + ": disk full", e.getMessage());
        assertFalse(Files.exists(first));
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void removesTheStaleFilesOfDeadProcessesOnly() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long alive = ProcessHandle.current().parent().orElseThrow().pid();
        Path stale = Files.writeString(dir.resolve(".m.bin." + gone.pid() + ".3k9z.tmp"), "half");
        Path staleLock = Files.createFile(dir.resolve(".m.bin" + TargetLock.SUFFIX));
        Path otherWriters = Files.writeString(dir.resolve(".m.bin." + alive + ".3k9z.tmp"), "being written");
        Path notOurs = Files.writeString(dir.resolve(".notes.tmp"), "keep");
        Map<Path, AtomicFiles.Content> files = new LinkedHashMap<>();
        files.put(dir.resolve("m.bin"), AtomicFiles.stream(out -> out.write(1)));
        files.put(dir.resolve("m.xml"), AtomicFiles.stream(out -> out.write(2)));

        AtomicFiles.write(files);

        assertFalse(Files.exists(stale));
        assertFalse(Files.exists(staleLock));
        assertTrue(Files.exists(otherWriters));
        assertTrue(Files.exists(notOurs));
        try (var left = Files.list(dir)) {
            assertEquals(4, left.count());
        }
    }

    @Test
    void concurrentWritersInOtherProcessesNeverLeaveAMixedPair() throws Exception {
        Path bin = dir.resolve("m.bin");
        Path xml = dir.resolve("m.xml");
        List<Process> writers = new ArrayList<>();
        for (String tag : List.of("a", "b")) {
            writers.add(new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                    System.getProperty("java.class.path"), PairWriter.class.getName(), dir.toString(), tag, "150")
                    .inheritIO().start());
        }
        int mixed = 0;
        while (writers.stream().anyMatch(Process::isAlive)) {
            int[] seen = new int[1];
            TargetLock.holding(bin, () -> {
                if (Files.exists(xml) && !Files.readString(bin).equals(Files.readString(xml))) {
                    seen[0]++;
                }
            });
            mixed += seen[0];
        }

        for (Process writer : writers) {
            assertEquals(0, writer.waitFor());
        }
        assertEquals(0, mixed, "pairs mixed from two writers");
        assertEquals(Files.readString(bin), Files.readString(xml));
        try (var left = Files.list(dir)) {
            assertEquals(2, left.count());
        }
    }

    @Test
    void saysWhyInTheSystemsWords() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "a file, not a directory");

        TfirException e = assertThrows(TfirException.class, () -> AtomicFiles.write(
                Map.of(file.resolve("out.pb"), AtomicFiles.stream(out -> out.write(1)))));

        assertEquals("cannot write " + file.resolve("out.pb") + ": " + file
                + " is in the way (a file where a directory should be)", e.getMessage());
    }
}
