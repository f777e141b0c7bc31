package dev.tfir.common.checkpoint;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance on the big checkpoints that {@code tools/models/make_checkpoints.py --big} writes at test time (not
 * committed): TF-Slim inception_v1 and resnet_v1_50 with random weights, V1 and V2, each tensor compared bit for
 * bit with TensorFlow's reading. Runs when {@code $TFIR_BIG/checkpoints/golden} (or the {@code tfir.big} system
 * property's) exists; skipped otherwise. Run: conformance/checkpoints/run.sh.
 */
class BigCheckpointConformanceTest {
    static Path bigCheckpoints() {
        String dir = System.getProperty("tfir.big", System.getenv("TFIR_BIG"));
        return dir == null ? null : Path.of(dir, "checkpoints");
    }

    @TestFactory
    Stream<DynamicTest> bigCheckpointsMatchTensorFlow() {
        Path dir = bigCheckpoints();
        assumeTrue(dir != null && Files.isDirectory(dir.resolve("golden")),
                "big checkpoints not generated: set TFIR_BIG to a directory and run"
                        + " tools/models/make_checkpoints.py --big (or conformance/checkpoints/run.sh)");
        List<GoldenCheckpoints.Golden> goldens = GoldenCheckpoints.load(dir);
        assertTrue(!goldens.isEmpty(), "no golden files in " + dir.resolve("golden"));
        long[] total = {0};
        return Stream.concat(goldens.stream().map(golden -> DynamicTest.dynamicTest(golden.caseName(), () -> {
            int compared = GoldenCheckpoints.check(golden);
            assertTrue(compared > 0, golden.caseName() + ": no tensor compared");
            total[0] += compared;
            System.out.println("big checkpoint " + golden.caseName() + ": " + compared
                    + " tensors identical to TensorFlow's");
        })), Stream.of(DynamicTest.dynamicTest("total", () -> System.out.println(
                "big checkpoints: " + total[0] + " tensors compared with TensorFlow, all identical"))));
    }
}
