package dev.tfir.common.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.testing.TestData;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Snappy decoder against blocks made by the Snappy library (testdata/checkpoints/snappy/, python-snappy). */
class SnappyTest {
    @ParameterizedTest
    @ValueSource(strings = {"empty", "text", "random", "run", "far"})
    void decodesWhatTheSnappyLibraryEncoded(String name) throws Exception {
        Path dir = TestData.checkpoint("snappy");
        byte[] compressed = Files.readAllBytes(dir.resolve(name + ".snappy"));
        byte[] raw = Files.readAllBytes(dir.resolve(name + ".raw"));
        assertArrayEquals(raw, Snappy.decompress(ByteBuffer.wrap(compressed), 0, compressed.length));
    }

    @Test
    void everyVectorIsTested() throws Exception {
        try (Stream<Path> files = Files.list(TestData.checkpoint("snappy"))) {
            assertTrue(files.filter(f -> f.toString().endsWith(".snappy")).count() == 5);
        }
    }

    @Test
    void decodesAtAnOffsetAndAllElementKinds() throws Exception {
        // length 9: literal "ab", copy-1 of 4 from distance 2 ("abab"), copy-4 of 3 from distance 1 ("bbb")
        byte[] block = {0x77, 9, 1 << 2, 'a', 'b', 0b000_000_01, 2, (2 << 2) | 3, 1, 0, 0, 0};
        assertArrayEquals("abababbbb".getBytes(), Snappy.decompress(ByteBuffer.wrap(block), 1, block.length - 1));
        // copy-2 of 2 from distance 3, after literal "xyz"; a literal with a one-byte length (tag 60)
        byte[] copy2 = {5, 2 << 2, 'x', 'y', 'z', (1 << 2) | 2, 3, 0};
        assertArrayEquals("xyzxy".getBytes(), Snappy.decompress(ByteBuffer.wrap(copy2), 0, copy2.length));
        byte[] longLiteral = new byte[3 + 61];
        longLiteral[0] = 61;
        longLiteral[1] = (byte) (60 << 2);
        longLiteral[2] = 60; // length 61
        assertArrayEquals(new byte[61], Snappy.decompress(ByteBuffer.wrap(longLiteral), 0, longLiteral.length));
    }

    @Test
    void rejectsMalformedBlocks() {
        assertThrows(ByteReader.Truncated.class, () -> decode(3, 0, 'a', 0b01, 0)); // copy from distance 0
        assertThrows(ByteReader.Truncated.class, () -> decode(6, 0, 'a', 0b01, 2)); // distance beyond the output
        assertThrows(ByteReader.Truncated.class, () -> decode(2, 0, 'a')); // produces less than declared
        assertThrows(ByteReader.Truncated.class, () -> decode(1, 1 << 2, 'a', 'b')); // literal past the length
        assertThrows(ByteReader.Truncated.class, () -> decode(1, 4 << 2, 'a')); // literal past the input
        // a hostile declared length (2^31) is refused before anything is allocated
        assertThrows(ByteReader.Truncated.class, () -> decode(0x80, 0x80, 0x80, 0x80, 0x08, 0, 'a'));
    }

    private static void decode(int... bytes) throws ByteReader.Truncated {
        byte[] block = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            block[i] = (byte) bytes[i];
        }
        Snappy.decompress(ByteBuffer.wrap(block), 0, block.length);
    }
}
