package dev.tfir.common.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tfir.common.TfirException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ranges of a checkpoint file: small ones copied to the heap, large ones mapped read-only (and still readable after
 * the file is closed, or unmapped when a {@link MappingScope} closes), ranges beyond the end refused before anything
 * is allocated or mapped.
 */
class CheckpointFileTest {
    @Test
    void smallRangesAreCopiedLargeOnesMapped(@TempDir Path dir) throws Exception {
        byte[] content = new byte[CheckpointFile.MAP_THRESHOLD + 100];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31 + 7);
        }
        Path path = Files.write(dir.resolve("data"), content);
        AtomicLong bytesRead = new AtomicLong();
        ByteBuffer small;
        ByteBuffer large;
        try (CheckpointFile file = CheckpointFile.open(path, "test data", bytesRead)) {
            small = file.read(10, 50, "a small range");
            large = file.read(100, CheckpointFile.MAP_THRESHOLD, "a large range");
            TfirException e = assertThrows(TfirException.class,
                    () -> file.read(content.length - 10, Integer.MAX_VALUE, "a hostile range"));
            assertTrue(e.getMessage().contains("a hostile range declares bytes"), e.getMessage());
        }
        assertTrue(small.hasArray() && !small.isDirect());
        assertTrue(large.isDirect() && large.isReadOnly(), "mapped read-only");
        assertEquals(50L + CheckpointFile.MAP_THRESHOLD, bytesRead.get());
        assertBytesOf(content, 10, small);
        assertBytesOf(content, 100, large); // after close: a mapping does not depend on its channel
    }

    @Test
    void aMappingScopeUnmapsWhatWasMappedInIt(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs Linux's /proc/self/maps");
        Path path = Files.write(dir.resolve("scoped"), new byte[2 * CheckpointFile.MAP_THRESHOLD]);
        try (CheckpointFile file = CheckpointFile.open(path, "test data", new AtomicLong())) {
            ByteBuffer kept = file.read(0, CheckpointFile.MAP_THRESHOLD, "a range kept");
            try (MappingScope scope = MappingScope.open()) {
                ByteBuffer scoped = file.read(CheckpointFile.MAP_THRESHOLD, CheckpointFile.MAP_THRESHOLD, "a range");
                assertEquals(0, scoped.get(0));
                assertEquals(2, mappingsOf(path), "both ranges mapped");
            }
            assertEquals(1, mappingsOf(path), "the scoped range unmapped, the other one not");
            assertEquals(0, kept.get(CheckpointFile.MAP_THRESHOLD - 1));
        }
    }

    /** The mappings of {@code path} in this process, from /proc/self/maps. */
    private static long mappingsOf(Path path) throws Exception {
        String name = path.toRealPath().toString();
        return Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(line -> line.endsWith(" " + name)).count();
    }

    private static void assertBytesOf(byte[] content, int offset, ByteBuffer range) {
        assertEquals(0, range.position());
        for (int i = 0; i < range.limit(); i++) {
            if (content[offset + i] != range.get(i)) {
                fail("byte " + i + " of the range differs from the file's byte " + (offset + i));
            }
        }
    }
}
