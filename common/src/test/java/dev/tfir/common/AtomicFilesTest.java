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
import java.util.LinkedHashMap;
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

        assertTrue(e.getMessage().contains("disk full"), e.getMessage());
        assertFalse(Files.exists(first));
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count());
        }
    }
}
