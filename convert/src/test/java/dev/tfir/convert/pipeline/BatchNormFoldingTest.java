package dev.tfir.convert.pipeline;

import static dev.tfir.convert.Conversions.layers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.convert.Conversions;
import dev.tfir.convert.GraphBuilder;
import dev.tfir.convert.ir.IrModel;
import dev.tfir.convert.ir.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch norm right after a convolution is folded into its filters and one Add. */
class BatchNormFoldingTest {
    @TempDir
    Path dir;

    @Test
    void foldsIntoTheConvolution() throws IOException {
        Path model = new GraphBuilder().placeholder("input", 1, 4, 4, 1)
                .floats("w", new long[] {1, 1, 1, 2}, 1f)
                .op("conv", "Conv2D", Map.of("strides", GraphBuilder.ints(1, 1, 1, 1),
                        "padding", GraphBuilder.string("VALID")), "input", "w")
                .floats("gamma", new long[] {2}, 2f).floats("beta", new long[] {2}, 1f)
                .floats("mean", new long[] {2}, 3f).floats("variance", new long[] {2}, 4f)
                .op("bn", "FusedBatchNormV3", Map.of("is_training", GraphBuilder.bool(false),
                        "epsilon", GraphBuilder.real(0f)),
                        "conv", "gamma", "beta", "mean", "variance")
                .write(dir.resolve("bn.pb"));
        IrModel ir = Conversions.convert(model, null).model();

        assertTrue(layers(ir, "BatchNormInference").isEmpty());
        Node conv = layers(ir, "Convolution").get(0);
        // scale = 2 / sqrt(4) = 1, shift = 1 - 3 * 1 = -2
        assertEquals(1.0, conv.input(1).constant().doubles()[0]);
        Node add = layers(ir, "Add").get(0);
        assertEquals("bn", add.name());
        assertEquals(-2.0, add.input(1).constant().doubles()[1]);
        Node toNhwc = ir.results().get(0).input(0).node();
        assertSame(add, toNhwc.input(0).node());
        assertTrue(toNhwc.tensorNames(0).contains("bn:0"));
    }
}
