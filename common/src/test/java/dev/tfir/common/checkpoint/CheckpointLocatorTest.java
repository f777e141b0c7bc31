package dev.tfir.common.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.TfirException;
import dev.tfir.common.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ways a checkpoint can be named, as mo's --input_checkpoint and tf.train.load_checkpoint accept them. */
class CheckpointLocatorTest {
    private static final String DATA = "model.ckpt.data-00000-of-00001";

    @Test
    void v2PrefixIndexFileAndDirectory() {
        Path prefix = TestData.checkpoint("v2_small/model.ckpt");
        for (Path given : List.of(prefix, TestData.checkpoint("v2_small/model.ckpt.index"),
                TestData.checkpoint("v2_small"))) {
            CheckpointLocator.Located located = CheckpointLocator.locate(given);
            assertEquals(Checkpoint.Format.V2, located.format(), given.toString());
            assertEquals(prefix.normalize(), located.path().normalize(), given.toString());
        }
    }

    @Test
    void v1FileAndShardPattern() {
        Path file = TestData.checkpoint("v1_small/model.ckpt");
        assertEquals(List.of(file), CheckpointLocator.locate(file).v1Files());
        Path pattern = TestData.checkpoint("v1_sharded/model.ckpt-?????-of-00002");
        CheckpointLocator.Located located = CheckpointLocator.locate(pattern);
        assertEquals(Checkpoint.Format.V1, located.format());
        assertEquals(List.of("model.ckpt-00000-of-00002", "model.ckpt-00001-of-00002"),
                located.v1Files().stream().map(p -> p.getFileName().toString()).toList());
        // the directory: its checkpoint file names the same pattern
        assertEquals(2, CheckpointLocator.locate(TestData.checkpoint("v1_sharded")).v1Files().size());
    }

    @Test
    void savedModelDirectory() {
        CheckpointLocator.Located located = CheckpointLocator.locate(TestData.checkpoint("saved_model"));
        assertEquals(TestData.checkpoint("saved_model/variables/variables"), located.path());
    }

    /** TensorFlow writes absolute paths into `checkpoint` unless save_relative_paths is set: moved files still open. */
    @Test
    void stateFileWithAnAbsolutePathFromAnotherMachine(@TempDir Path dir) throws Exception {
        copyV2Small(dir, "model.ckpt");
        Files.writeString(dir.resolve("checkpoint"), "model_checkpoint_path: \"/home/someone/train/model.ckpt\"\n"
                + "all_model_checkpoint_paths: \"/home/someone/train/model.ckpt\"\n");
        try (Checkpoint checkpoint = Checkpoint.open(dir)) {
            assertEquals(dir.resolve("model.ckpt"), checkpoint.path());
            assertEquals(19, checkpoint.variables().size());
        }
    }

    @Test
    void stateFileWithEscapes(@TempDir Path dir) throws Exception {
        copyV2Small(dir, "we\"ird \u00e4");
        Files.writeString(dir.resolve("checkpoint"), "model_checkpoint_path: \"we\\\"ird \\303\\244\"\n",
                StandardCharsets.UTF_8);
        assertEquals(dir.resolve("we\"ird \u00e4"), CheckpointLocator.locate(dir).path());
        assertEquals("a\tb\\c\u00e4", CheckpointLocator.unescape("a\\tb\\\\c\\xc3\\xa4"));
    }

    @Test
    void stateFileNamingAMissingCheckpoint(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("checkpoint"), "model_checkpoint_path: \"model.ckpt-500\"\n");
        String message = assertThrows(TfirException.class, () -> Checkpoint.open(dir)).getMessage();
        assertTrue(message.startsWith(dir.resolve("checkpoint") + ": model_checkpoint_path names "), message);
        assertTrue(message.contains("model.ckpt-500"), message);
        Files.writeString(dir.resolve("checkpoint"), "something else\n");
        message = assertThrows(TfirException.class, () -> Checkpoint.open(dir)).getMessage();
        assertTrue(message.contains("no model_checkpoint_path"), message);
    }

    @Test
    void metaGraphFile(@TempDir Path dir) throws Exception {
        copyV2Small(dir, "model.ckpt");
        Files.write(dir.resolve("model.ckpt.meta"), new byte[] {0x0a, 0});
        String message = assertThrows(TfirException.class, () -> Checkpoint.open(dir.resolve("model.ckpt.meta")))
                .getMessage();
        assertTrue(message.contains("a MetaGraphDef (the graph), not a checkpoint; its checkpoint is "
                + dir.resolve("model.ckpt")), message);
    }

    private static void copyV2Small(Path dir, String prefix) throws Exception {
        Files.copy(TestData.checkpoint("v2_small/model.ckpt.index"), dir.resolve(prefix + ".index"));
        Files.copy(TestData.checkpoint("v2_small/" + DATA), dir.resolve(prefix + DATA.substring("model.ckpt".length())));
    }
}
