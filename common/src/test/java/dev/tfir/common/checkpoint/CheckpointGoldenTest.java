package dev.tfir.common.checkpoint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.testing.TestData;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every committed checkpoint (testdata/checkpoints/, written by real TensorFlow) read by tfir and compared, tensor
 * by tensor and bit for bit, with TensorFlow's own reading of it (testdata/checkpoints/golden/).
 */
class CheckpointGoldenTest {
    private static final AtomicInteger TOTAL = new AtomicInteger();

    @TestFactory
    Stream<DynamicTest> everyCommittedCheckpointMatchesTensorFlow() {
        List<GoldenCheckpoints.Golden> goldens = GoldenCheckpoints.load(TestData.checkpoint(""));
        assertTrue(goldens.size() >= 16, "golden files found: " + goldens.size());
        return goldens.stream().map(golden -> DynamicTest.dynamicTest(golden.caseName(), () -> {
            int compared = GoldenCheckpoints.check(golden);
            assertTrue(compared > 0, golden.caseName() + ": no tensor compared");
            TOTAL.addAndGet(compared);
            System.out.println("checkpoint " + golden.caseName() + ": " + compared
                    + " tensors identical to TensorFlow's");
        }));
    }

    @AfterAll
    static void total() {
        System.out.println("checkpoints: " + TOTAL.get() + " tensors compared with TensorFlow, all identical");
    }
}
