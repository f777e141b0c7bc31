package dev.tfir.summarize.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tfir.common.model.ModelSource;
import dev.tfir.common.testing.TestData;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * find with patterns meant to hang it, on the TF-Slim Inception V1 inference graph: each answers within seconds
 * (before RE2/J and the size limits, each ran for minutes).
 */
class HostileFindTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    private static String find(String pattern) {
        ModelSource model = ModelSource.graphFile(TestData.model("inception_v1_inference_graph.pb"));
        return assertTimeoutPreemptively(BOUND, () -> GraphShellTest.run(model, "find " + pattern + "\n"));
    }

    @Test
    void aCatastrophicRegexRunsInLinearTime() {
        assertEquals("no node matches '" + "(.*)*".repeat(8) + "Z'\n", find("(.*)*".repeat(8) + "Z"));
        assertEquals("InceptionV1/Logits/Predictions/Reshape_1 (Reshape)\n", find("(.*)*(.*)*Predictions/Reshape_1$"));
    }

    @Test
    void aTwoMegabyteLiteralIsRefused() {
        assertEquals("error: the pattern is 2000000 characters long; find takes up to 1000\n",
                find("a".repeat(2_000_000)));
    }

    @Test
    void nestedRepetitionsAreBounded() {
        assertEquals("error: the pattern is more than 10000 characters long with its {n} repetitions written out; "
                + "find takes up to 10000\n", find("((x{1000}){1000}){1000}"));
        assertEquals(9, NamePattern.expandedSize("(ab{2}){3}"));
        assertEquals(5, NamePattern.expandedSize("[a-z]{2}\\d{3}"));
    }
}
