package dev.tfir.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Graphs TensorFlow rejects (testdata/bad/graphs, see convert's BadGraphTest): summarize-graph still finds their
 * inputs and outputs and exits 0, also with --json and --stats; shape inference leaves the bad node's shapes unknown.
 */
class BadGraphSummaryTest {
    static Stream<String> graphs() throws IOException {
        try (Stream<Path> files = Files.list(TestData.bad("graphs"))) {
            return files.map(Path::toString).filter(name -> name.endsWith(".pb") && !name.contains("newline"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void summarizedWithoutFailing(String graph) {
        for (String option : new String[] {"--json", "--stats", "--verbose"}) {
            Cli result = Cli.run("--input_model", graph, option);
            assertEquals(0, result.exitCode(), result.err());
            assertTrue(result.out().contains("\"outputs\": [") || result.out().contains("1 output(s) detected:\n"),
                    result.out());
        }
    }
}
