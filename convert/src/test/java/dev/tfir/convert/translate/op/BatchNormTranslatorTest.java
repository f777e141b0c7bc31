package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.F32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfir.convert.ir.Output;
import org.junit.jupiter.api.Test;

/** FusedBatchNorm with the given statistics (inference) and with the batch's own (training mode). */
class BatchNormTranslatorTest {
    @Test
    void inferenceUsesTheGivenMeanAndVariance() {
        Output y = InMemoryNode.of("FusedBatchNormV3").input(F32, 2, 4, 4, 3).input(F32, 3).input(F32, 3)
                .input(F32, 3).input(F32, 3).attr("is_training", false)
                .translate(BatchNormTranslator::fusedBatchNorm).get(0).stored();
        assertEquals("BatchNormInference", y.node().type());
    }

    @Test
    void trainingModeNormalizesEachChannelOverTheBatchAndSpace() {
        // tf_keras's LayerNormalization: [1, rows, columns, 1] channels first, a channel per row
        Output y = InMemoryNode.of("FusedBatchNormV3").input(F32, 1, 10, 8, 1).input(F32, 10).input(F32, 10)
                .input(F32, 0).input(F32, 0).attr("is_training", true).attr("data_format", "NCHW")
                .translate(BatchNormTranslator::fusedBatchNorm).get(0).stored();
        assertEquals("Add", y.node().type());
        Output normalized = y.node().input(0).node().input(0);
        assertEquals("MVN", normalized.node().type());
        assertEquals("inside_sqrt", normalized.node().attributes().get("eps_mode"));
        assertArrayEquals(new long[] {0, 2, 3}, normalized.node().input(1).constant().longs());
        assertArrayEquals(new long[] {10, 1, 1}, y.node().input(1).shape().dims());
        assertArrayEquals(new long[] {1, 10, 8, 1}, y.shape().dims());
    }
}
