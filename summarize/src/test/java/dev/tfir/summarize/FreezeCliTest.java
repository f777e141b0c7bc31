package dev.tfir.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.GraphDef;

/**
 * --input_checkpoint reports and --save_frozen on testdata/freeze (TensorFlow-made models; tf_frozen.pb is
 * TensorFlow's own freezing of the same model for output y).
 */
class FreezeCliTest {
    private static final Path PARTITIONED = TestData.repo().resolve("testdata/freeze/partitioned");

    @Test
    void theCheckpointReportFollowsTheOriginalsLines() {
        Cli result = Cli.run("--input_model", PARTITIONED.resolve("inference_graph.pb").toString(),
                "--input_checkpoint", PARTITIONED.resolve("model.ckpt").toString());
        assertEquals(0, result.exitCode(), result.err());
        // [3,8] + [8,5] + [5] float32 and [5] float64 (in 2, 3 and 4 parts): 74 values, the 316 bytes of the data file
        assertEquals("1 input(s) detected:\nName: x, type: float32, shape: (-1,3)\n1 output(s) detected:\ny\n\n"
                + "10 variable(s) in checkpoint " + PARTITIONED.resolve("model.ckpt") + " (V2, 4 tensors): 74 "
                + "parameters, 316 bytes; 0 checkpoint tensor(s) not used by the graph\n"
                + "0 mismatch(es) between graph and checkpoint\n", result.out());
        assertEquals(316, PARTITIONED.resolve("model.ckpt.data-00000-of-00001").toFile().length());
    }

    @Test
    void theWrongCheckpointIsReportedInJson() {
        Cli result = Cli.run("--input_model", PARTITIONED.resolve("inference_graph.pb").toString(),
                "--input_checkpoint", TestData.repo().resolve("testdata/freeze/resource/model.ckpt").toString(),
                "--json");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("\"variables\": 10, \"parameters\": 0, \"bytes\": 0, \"unused\": 3, "
                + "\"mismatches\": [\"variable 'wide/kernel/part_0' is not in the checkpoint\", "), result.out());
    }

    @Test
    void aMetaGraphFreezesToTensorFlowsGraph(@TempDir Path dir) throws IOException {
        Path frozen = dir.resolve("frozen.pb");
        Cli result = Cli.run("--input_meta_graph", PARTITIONED.resolve("model.ckpt.meta").toString(),
                "--save_frozen", frozen.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().endsWith("\nFrozen graph: " + frozen + " (36 nodes, 10 variable(s) frozen)\n"),
                result.out());
        assertEquals(GraphDef.parseFrom(Files.readAllBytes(PARTITIONED.resolve("tf_frozen.pb"))).getNodeList(),
                GraphDef.parseFrom(Files.readAllBytes(frozen)).getNodeList());
    }

    @Test
    void withoutItsCheckpointAGraphIsNotFrozenAndNothingIsWritten(@TempDir Path dir) {
        Path frozen = dir.resolve("frozen.pb");
        Cli result = Cli.run("--input_model", PARTITIONED.resolve("inference_graph.pb").toString(), "--save_frozen",
                frozen.toString(), "--output", "y");
        assertEquals(1, result.exitCode());
        assertEquals("summarize-graph: error: variable 'wide/kernel/part_0' has no value: give the graph's checkpoint "
                + "with --input_checkpoint\n", result.err());
        assertFalse(Files.exists(frozen));
        assertEquals(0, dir.toFile().list().length, "no temporary file left");
    }

    @Test
    void aTf2SavedModelIsRefused(@TempDir Path dir) {
        Path frozen = dir.resolve("frozen.pb");
        Cli result = Cli.run("--saved_model_dir", TestData.model("saved_model_tf2").toString(), "--save_frozen",
                frozen.toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("summarize-graph: error: " + frozen + ": cannot freeze a TF2 SavedModel"),
                result.err());
        assertFalse(Files.exists(frozen));
    }

    @Test
    void usageErrors() {
        Cli output = Cli.run("--input_model", PARTITIONED.resolve("inference_graph.pb").toString(), "--output", "y");
        assertEquals(2, output.exitCode());
        assertTrue(output.err().startsWith("summarize-graph: error: --output goes with --save_frozen FILE"),
                output.err());
        Cli verify = Cli.run("--input_model", PARTITIONED.resolve("inference_graph.pb").toString(), "--verify");
        assertEquals(2, verify.exitCode());
        assertTrue(verify.err().startsWith("summarize-graph: error: --verify goes with --list_variables"),
                verify.err());
    }

    @Test
    void verifyReadsEveryTensor() {
        Cli result = Cli.run("--input_checkpoint", PARTITIONED.resolve("model.ckpt").toString(), "--list_variables",
                "--verify");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().endsWith("verified 4 tensors (316 bytes of values): every checksum matches\n"),
                result.out());
    }
}
