package dev.tfir.common.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.testing.TestData;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Reading is lazy: listing reads nothing beyond what opening read, and reading a tensor reads its own bytes only
 * (counted at the file channel, which every read goes through).
 */
class LazyReadTest {
    @Test
    void v2ReadsTheIndexThenOnlyTheTensorAskedFor() throws Exception {
        try (Checkpoint checkpoint = Checkpoint.open(TestData.checkpoint("v2_small"))) {
            long afterOpen = checkpoint.bytesRead();
            assertTrue(afterOpen <= Files.size(TestData.checkpoint("v2_small/model.ckpt.index")), "open reads the index");
            checkpoint.variables();
            assertEquals(afterOpen, checkpoint.bytesRead(), "listing reads nothing");
            for (String name : new String[] {"SmallNet/Mixed_3b/Branch_1/Conv2d_0b_3x3/weights", "global_step"}) {
                long before = checkpoint.bytesRead();
                Tensor tensor = checkpoint.read(name);
                assertEquals(checkpoint.variable(name).orElseThrow().byteSize(), checkpoint.bytesRead() - before,
                        name + ": exactly its bytes");
                assertEquals(tensor.data().remaining(), checkpoint.bytesRead() - before);
            }
        }
    }

    @Test
    void v2PartitionedReadsItsSlicesOnly() {
        try (Checkpoint checkpoint = Checkpoint.open(TestData.checkpoint("v2_partitioned/model.ckpt"))) {
            long before = checkpoint.bytesRead();
            checkpoint.read("embedding");
            assertEquals(10 * 4 * 4, checkpoint.bytesRead() - before);
        }
    }

    @Test
    void v1ReadsOnlyTheBlockHoldingTheTensor() throws Exception {
        long fileSize = Files.size(TestData.checkpoint("v1_blocks/blocks.ckpt"));
        try (Checkpoint checkpoint = Checkpoint.open(TestData.checkpoint("v1_blocks/blocks.ckpt"))) {
            long afterOpen = checkpoint.bytesRead();
            checkpoint.variables();
            assertEquals(afterOpen, checkpoint.bytesRead(), "listing reads nothing");
            checkpoint.read("small/c"); // in the second, small block
            long small = checkpoint.bytesRead() - afterOpen;
            assertTrue(small > 0 && small < 200, "read " + small + " bytes for small/c");
            long before = checkpoint.bytesRead();
            checkpoint.read("big/a"); // in the first block, with the table of contents and big/b
            long big = checkpoint.bytesRead() - before;
            assertTrue(big > 2 * 35000 * 4 && big < fileSize, "read " + big + " bytes for big/a");
        }
    }
}
