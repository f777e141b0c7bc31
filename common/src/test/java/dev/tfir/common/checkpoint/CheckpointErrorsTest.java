package dev.tfir.common.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.TfirException;
import dev.tfir.common.testing.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The damaged checkpoints of testdata/checkpoints/bad/ (made from TensorFlow's files by make_checkpoints.py): each
 * gives one line naming the file and, where one is concerned, the tensor; the intact tensors still read.
 */
class CheckpointErrorsTest {
    private static final String CONV_WEIGHTS = "SmallNet/Mixed_3b/Branch_1/Conv2d_0b_3x3/weights";
    private static final String LOGITS_WEIGHTS = "SmallNet/Logits/Conv2d_0c_1x1/weights";

    private static Path bad(String file) {
        return TestData.checkpoint("bad").resolve(file);
    }

    private static String message(Executable action) {
        String message = assertThrows(TfirException.class, action).getMessage();
        assertTrue(!message.contains("\n"), "one line: " + message);
        return message;
    }

    private static void assertNames(String message, Path file, String... words) {
        assertTrue(message.startsWith(file + ": "), "names the file " + file + ": " + message);
        for (String word : words) {
            assertTrue(message.contains(word), "mentions '" + word + "': " + message);
        }
    }

    @Test
    void truncatedIndex() {
        Path prefix = bad("truncated_index/model.ckpt");
        assertNames(message(() -> Checkpoint.open(prefix)), bad("truncated_index/model.ckpt.index"),
                "not the index of a V2 checkpoint", "truncated");
    }

    @Test
    void flippedByteInAnIndexBlock() {
        assertNames(message(() -> Checkpoint.open(bad("index_crc/model.ckpt"))), bad("index_crc/model.ckpt.index"),
                "fails its CRC32C check", "damaged");
    }

    @Test
    void flippedByteInATensor() {
        try (Checkpoint checkpoint = Checkpoint.open(bad("data_crc/model.ckpt"))) {
            assertNames(message(() -> checkpoint.read(CONV_WEIGHTS)),
                    bad("data_crc/model.ckpt.data-00000-of-00001"), "'" + CONV_WEIGHTS + "'", "fails its CRC32C check");
            assertEquals(4 * 8, checkpoint.read("SmallNet/Conv2d_1a_3x3/BatchNorm/beta").data().remaining());
        }
    }

    @Test
    void truncatedDataFile() {
        try (Checkpoint checkpoint = Checkpoint.open(bad("truncated_data/model.ckpt"))) {
            assertNames(message(() -> checkpoint.read("global_step")),
                    bad("truncated_data/model.ckpt.data-00000-of-00001"), "'global_step'",
                    "declares bytes [2688, 2696)", "has only 2596 bytes", "truncated");
            checkpoint.read(LOGITS_WEIGHTS);
        }
    }

    @Test
    void missingShard() {
        assertNames(message(() -> Checkpoint.open(bad("missing_shard/model.ckpt"))),
                bad("missing_shard/model.ckpt.data-00000-of-00001"), "missing data file 1 of 1",
                "'SmallNet/Conv2d_1a_3x3/BatchNorm/beta'");
    }

    @Test
    void entryLargerThanTheDataFileIsRefusedBeforeAllocating() {
        try (Checkpoint checkpoint = Checkpoint.open(bad("oversized_entry/model.ckpt"))) {
            assertNames(message(() -> checkpoint.read(LOGITS_WEIGHTS)),
                    bad("oversized_entry/model.ckpt.data-00000-of-00001"), "'" + LOGITS_WEIGHTS + "'",
                    "1099511628776", "has only 2696 bytes");
            assertTrue(checkpoint.bytesRead() < 4096, "read " + checkpoint.bytesRead() + " bytes");
        }
    }

    @Test
    void hostileShapeInAV1TableOfContentsIsRefusedBeforeAllocating() {
        try (Checkpoint checkpoint = Checkpoint.open(bad("v1_huge_shape/model.ckpt"))) {
            assertNames(message(() -> checkpoint.read("global_step")), bad("v1_huge_shape/model.ckpt"),
                    "'global_step'", "cannot hold its 1048576 values");
        }
    }

    @Test
    void v1FileNamedLikeAV2Index() {
        assertNames(message(() -> Checkpoint.open(bad("v1_named_index/model.ckpt"))),
                bad("v1_named_index/model.ckpt.index"), "a V1 checkpoint file", "not the index of a V2 checkpoint");
        assertNames(message(() -> Checkpoint.open(bad("v1_named_index/model.ckpt.index"))),
                bad("v1_named_index/model.ckpt.index"), "a V1 checkpoint file");
    }

    @Test
    void v2IndexNamedLikeAV1File() {
        assertNames(message(() -> Checkpoint.open(bad("index_named_v1/model.ckpt"))), bad("index_named_v1/model.ckpt"),
                "the index of a V2 checkpoint, not a V1 checkpoint file", "model.ckpt.index");
    }

    @Test
    void flippedByteInAV1Block() {
        try (Checkpoint checkpoint = Checkpoint.open(bad("v1_block_crc/blocks.ckpt"))) {
            assertNames(message(() -> checkpoint.read("small/c")), bad("v1_block_crc/blocks.ckpt"), "'small/c'",
                    "fails its CRC32C check");
            assertEquals(35000 * 4, checkpoint.read("big/a").data().remaining());
        }
    }

    @Test
    void truncatedV1File() {
        assertNames(message(() -> Checkpoint.open(bad("v1_truncated/blocks.ckpt"))), bad("v1_truncated/blocks.ckpt"),
                "not a V1 checkpoint file", "truncated");
    }

    @Test
    void wrongPaths() {
        Path missing = bad("no_such/model.ckpt");
        assertNames(message(() -> Checkpoint.open(missing)), missing, "no such checkpoint", "model.ckpt.index");
        Path wrongPrefix = TestData.checkpoint("v2_small/model");
        assertNames(message(() -> Checkpoint.open(wrongPrefix)), wrongPrefix, "no such checkpoint",
                "holds the V2 checkpoint model.ckpt");
        Path dataFile = TestData.checkpoint("v2_small/model.ckpt.data-00000-of-00001");
        assertNames(message(() -> Checkpoint.open(dataFile)), dataFile, "a data file of a V2 checkpoint",
                "pass its prefix " + TestData.checkpoint("v2_small/model.ckpt"));
        Path noState = TestData.checkpoint("v1_small");
        assertNames(message(() -> Checkpoint.open(noState)), noState, "without a 'checkpoint' file");
        Path noMatch = TestData.checkpoint("v1_sharded/model.ckpt-?????-of-00003");
        assertNames(message(() -> Checkpoint.open(noMatch)), noMatch, "no file matches");
    }

    @Test
    void unknownTensor() {
        try (Checkpoint checkpoint = Checkpoint.open(TestData.checkpoint("v2_small"))) {
            assertNames(message(() -> checkpoint.read("no/such/tensor")), TestData.checkpoint("v2_small/model.ckpt"),
                    "no tensor 'no/such/tensor'");
        }
    }
}
