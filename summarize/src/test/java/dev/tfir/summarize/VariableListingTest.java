package dev.tfir.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * --list_variables on every committed checkpoint lists what TensorFlow's own reader lists (name, dtype, shape per
 * tensor, sorted): the goldens in testdata/checkpoints/golden/, written by tools/models/make_checkpoints.py with
 * tf.train.load_checkpoint.
 */
class VariableListingTest {

    static Stream<Path> goldens() throws IOException {
        try (Stream<Path> files = Files.list(TestData.repo().resolve("testdata/checkpoints/golden"))) {
            List<Path> goldens = files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList();
            assertTrue(goldens.size() >= 10, goldens.toString());
            return goldens.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void listsWhatTensorFlowLists(Path golden) throws IOException {
        List<String> lines = Files.readAllLines(golden);
        String open = lines.get(0).replaceFirst(".*\\topen: ([^\\t]+)\\t.*", "$1");
        List<String> expected = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t");
            expected.add(fields[0] + "\t" + fields[1] + "\t" + fields[2]);
        }
        expected.sort(null);
        Cli result = Cli.run("--input_checkpoint", TestData.repo().resolve("testdata/checkpoints").resolve(open)
                .toString(), "--list_variables");
        assertEquals("", result.err());
        assertEquals(0, result.exitCode());
        assertEquals(expected, result.out().lines().toList());
    }

    @Test
    void badCheckpointsAreOneLineErrors() {
        Path bad = TestData.repo().resolve("testdata/checkpoints/bad");
        Cli truncated = Cli.run("--input_checkpoint", bad.resolve("truncated_index/model.ckpt").toString(),
                "--list_variables");
        assertEquals(1, truncated.exitCode());
        assertEquals("summarize-graph: error: " + bad.resolve("truncated_index/model.ckpt.index")
                + ": not the index of a V2 checkpoint: no SSTable footer (bad magic number in the last 48 bytes); the "
                + "file is truncated or not a TensorFlow checkpoint\n", truncated.err());
        Cli missingShard = Cli.run("--input_checkpoint", bad.resolve("missing_shard/model.ckpt").toString(),
                "--list_variables");
        assertEquals(1, missingShard.exitCode());
        assertEquals(1, missingShard.err().lines().count(), missingShard.err());
        assertTrue(missingShard.err().contains("missing data file 1 of 1") && missingShard.err().contains(
                "'SmallNet/Conv2d_1a_3x3/BatchNorm/beta'"), missingShard.err());
    }

    @Test
    void needsACheckpoint() {
        Cli result = Cli.run("--list_variables");
        assertEquals(2, result.exitCode());
        assertEquals("summarize-graph: error: --list_variables needs --input_checkpoint PATH (see 'summarize-graph "
                + "--help')\n", result.err());
    }
}
