package dev.tfir.common.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.testing.TestData;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DataType;

/** TF2 object-graph checkpoints: keys mapped back to object paths and to the variables' saved names. */
class ObjectGraphTest {
    private static final String KERNEL_KEY = "model/layers/0/kernel/.ATTRIBUTES/VARIABLE_VALUE";

    @Test
    void keysObjectPathsAndVariableNames() {
        try (Checkpoint checkpoint = Checkpoint.open(TestData.checkpoint("tf2_checkpoint"))) {
            assertTrue(checkpoint.hasObjectGraph());
            VariableInfo kernel = checkpoint.variable(KERNEL_KEY).orElseThrow();
            assertEquals("model/layers/0/kernel", kernel.objectPath());
            assertEquals("kernel", checkpoint.variableName(kernel));
            assertEquals(kernel, checkpoint.variable("model/layers/0/kernel").orElseThrow());
            VariableInfo slot = checkpoint.variable("model/layers/0/kernel/.OPTIMIZER_SLOT/optimizer/m").orElseThrow();
            assertEquals("Adam/kernel/m", checkpoint.variableName(slot));
            assertEquals("Variable", checkpoint.variableName(checkpoint.variable("step").orElseThrow()));
            assertEquals(List.of(kernel, checkpoint.variable("model/layers/1/kernel").orElseThrow()),
                    checkpoint.variablesNamed("kernel"));  // both layers' kernels were saved as "kernel"
            assertEquals(List.of(), checkpoint.variablesNamed("model/layers/0/kernel"));
            ByteBuffer byKey = checkpoint.read(KERNEL_KEY).data();
            ByteBuffer byPath = checkpoint.read("model/layers/0/kernel").data();
            assertEquals(byKey, byPath);
            List<byte[]> names = checkpoint.read("model/tables/names").strings();
            assertArrayEquals("two".getBytes(StandardCharsets.UTF_8), names.get(1));
            assertEquals(DataType.DT_BFLOAT16, checkpoint.read("model/scale").dtype());
        }
    }

    @Test
    void tf1CheckpointsHaveNoObjectGraph() {
        try (Checkpoint checkpoint = Checkpoint.open(TestData.checkpoint("v2_resource/model.ckpt"))) {
            assertFalse(checkpoint.hasObjectGraph());
            VariableInfo kernel = checkpoint.variable("dense/kernel").orElseThrow();
            assertNull(kernel.objectPath());
            assertEquals("dense/kernel", checkpoint.variableName(kernel));
        }
    }

    @Test
    void partitionedVariablesAreListedOnceWithTheirSliceCount() {
        try (Checkpoint checkpoint = Checkpoint.open(TestData.checkpoint("v1_partitioned/model.ckpt"))) {
            assertEquals(3, checkpoint.variable("embedding").orElseThrow().slices());
            assertEquals(1, checkpoint.variable("plain").orElseThrow().slices());
            assertArrayEquals(new long[] {3, 7}, checkpoint.read("wide/kernel").shape());
        }
    }
}
