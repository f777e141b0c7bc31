package dev.tfir.common.checkpoint;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Conformance on the big checkpoints that {@code tools/models/make_checkpoints.py --big} writes at test time (not
 * committed): TF-Slim inception_v1 and resnet_v1_50 with random weights, V1 and V2, each tensor compared bit for
 * bit with TensorFlow's reading. Runs when {@code $TFIR_BIG/checkpoints/golden} exists (or under the {@code
 * tfir.big} system property's directory); skipped otherwise. Run it with conformance/checkpoints/run.sh.
 */
class BigCheckpointConformanceTest {
    @Test
    void bigCheckpointsMatchTensorFlow() {
        String big = System.getProperty("tfir.big", System.getenv("TFIR_BIG"));
        Path dir = big == null ? null : Path.of(big, "checkpoints");
        assumeTrue(dir != null && Files.isDirectory(dir.resolve("golden")),
                "big checkpoints not generated: set TFIR_BIG to a directory and run"
                        + " tools/models/make_checkpoints.py --big (or conformance/checkpoints/run.sh)");
        List<GoldenCheckpoints.Golden> goldens = GoldenCheckpoints.load(dir);
        assertTrue(!goldens.isEmpty(), "no golden files in " + dir.resolve("golden"));
        List<String> failures = new ArrayList<>();
        int total = 0;
        for (GoldenCheckpoints.Golden golden : goldens) {
            try {
                int compared = GoldenCheckpoints.check(golden);
                total += compared;
                System.out.println("big checkpoint " + golden.caseName() + ": " + compared
                        + " tensors identical to TensorFlow's");
            } catch (AssertionError | RuntimeException e) {
                failures.add(golden.caseName() + ": " + e.getMessage());
            }
        }
        System.out.println("big checkpoints: " + total + " tensors of " + goldens.size()
                + " checkpoints compared with TensorFlow");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(total > 0, "no tensor compared");
    }
}
