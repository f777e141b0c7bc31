package dev.tfir.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every committed case of the conformance manifest (conformance/summarize-models.txt), run in the JVM: stdout
 * must equal, byte for byte, what OpenVINO's original summarize_graph.py printed for the same arguments
 * (testdata/models/expected/ID.txt, recorded by conformance/run_original.py); with --input_checkpoint, the
 * original's stdout is an exact prefix of ours, then comes our checkpoint report.
 */
class ConformanceGoldenTest {

    static Stream<Arguments> cases() throws IOException {
        List<String> lines = Files.readAllLines(TestData.repo().resolve("conformance/summarize-models.txt"));
        List<Arguments> cases = lines.stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("big:"))
                .map(line -> line.split("\\s+"))
                .map(words -> Arguments.of(words[0], Arrays.copyOfRange(words, 1, words.length)))
                .toList();
        assertTrue(cases.size() >= 20, "the manifest lists " + cases.size() + " committed cases");
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheOriginal(String id, String[] args) throws IOException {
        String[] absolute = Arrays.stream(args)
                .map(arg -> arg.startsWith("testdata/") || arg.startsWith("examples/")
                        ? TestData.repo().resolve(arg).toString() : arg)
                .toArray(String[]::new);
        Cli result = Cli.run(absolute);
        // stderr: nothing, or the preprocessing hint (two lines, see SlimNetsTest)
        assertTrue(result.err().isEmpty() || result.err().startsWith("TF-Slim ")
                && result.err().lines().count() == 2, result.err());
        assertEquals(0, result.exitCode());
        String expected = TestData.expectedSummary(id);
        if (Arrays.asList(args).contains("--input_checkpoint")) {
            // the checkpoint report follows the original's lines, which stay an exact prefix
            assertEquals(expected, result.out().substring(0, Math.min(expected.length(), result.out().length())));
            assertTrue(result.out().substring(expected.length()).matches("(?s)\n\\d+ variable\\(s\\) in checkpoint .*"),
                    result.out());
        } else {
            assertEquals(expected, result.out());
        }
    }
}
