package dev.tfir.common.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSTable reader: lookups by key agree with a full scan, on tables TensorFlow (or python-snappy) wrote. */
class SsTableTest {
    @ParameterizedTest
    @ValueSource(strings = {"v2_many_slices/many.index", "v1_snappy/model.ckpt", "v2_snappy/model.ckpt.index",
        "v1_blocks/blocks.ckpt", "v1_small/model.ckpt", "tf2_sharded/ckpt.index"})
    void everyKeyIsFoundAndNothingElse(String file) {
        try (CheckpointFile checkpointFile = CheckpointFile.open(TestData.checkpoint(file), "test", new AtomicLong())) {
            SsTable table = SsTable.open(checkpointFile, "a test table");
            List<SsBlock.Entry> entries = new ArrayList<>();
            table.forEach(entries::add);
            assertTrue(entries.size() > 1);
            byte[] previous = null;
            for (SsBlock.Entry entry : entries) {
                if (previous != null) {
                    assertTrue(Arrays.compareUnsigned(previous, entry.key()) < 0, "keys strictly increase");
                    // a key between two stored keys is absent
                    assertNull(table.get(Arrays.copyOf(previous, previous.length + 1), "a missing key"));
                }
                SsBlock.Entry found = table.get(entry.key(), "a stored key");
                assertNotNull(found, "key " + BundleReader.printable(entry.key()));
                assertArrayEquals(entry.valueBytes(), found.valueBytes());
                previous = entry.key();
            }
            byte[] last = entries.get(entries.size() - 1).key();
            byte[] after = Arrays.copyOf(last, last.length + 1);
            after[last.length] = (byte) 0xff;
            assertNull(table.get(after, "a key after the last"));
        }
    }

    /** The 136-byte index of the reference (A.1.6): one float [2,2] tensor, dense/kernel. */
    @Test
    void annotatedExample(@TempDir Path dir) throws Exception {
        String hex = "000006" + "08011a020801"
                + "000c13" + HexFormat.of().formatHex("dense/kernel".getBytes()) + "0801120812020802120208022810354c289874"
                + "0000000001000000" + "0089c9cf33"
                + "0000000001000000" + "00c0f2a1b0"
                + "000102" + "65" + "0033" + "0000000001000000" + "008c5a451b"
                + "3808450e" + "00".repeat(36) + "57fb808b247547db";
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertEquals(136, bytes.length);
        Path index = dir.resolve("example.index");
        Files.write(index, bytes);
        try (CheckpointFile file = CheckpointFile.open(index, "test", new AtomicLong())) {
            SsTable table = SsTable.open(file, "a test table");
            assertEquals("08011a020801", HexFormat.of().formatHex(table.get(new byte[0], "header").valueBytes()));
            assertNotNull(table.get("dense/kernel".getBytes(), "dense/kernel"));
            assertNull(table.get("dense/bias".getBytes(), "dense/bias"));
        }
    }
}
