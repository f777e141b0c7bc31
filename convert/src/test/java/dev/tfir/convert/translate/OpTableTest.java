package dev.tfir.convert.translate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry of translators: what the TF-Slim nets need, aliases sharing one translator. */
class OpTableTest {
    private final OpTable table = OpTable.standard();

    @Test
    void coversTheTfSlimClassifiers() {
        for (String op : List.of("Conv2D", "BiasAdd", "FusedBatchNorm", "FusedBatchNormV3", "Relu", "Relu6", "MaxPool",
                "AvgPool", "ConcatV2", "Mean", "Squeeze", "Reshape", "Softmax", "MatMul", "Pad", "Identity", "Const",
                "Placeholder", "Shape", "StridedSlice", "Pack", "Add", "AddV2", "Sub", "Mul", "RealDiv", "Maximum",
                "Minimum", "Rsqrt", "DepthwiseConv2dNative")) {
            assertTrue(table.supports(op), op);
        }
        assertFalse(table.supports("Igamma"));
    }

    @Test
    void aliasesShareOneTranslator() {
        assertSame(table.get("FusedBatchNorm").translator(), table.get("FusedBatchNormV3").translator());
        assertSame(table.get("FusedBatchNorm").translator(), table.get("FusedBatchNormV2").translator());
        assertSame(table.get("Add").translator(), table.get("AddV2").translator());
        assertSame(table.get("Identity").translator(), table.get("StopGradient").translator());
    }

    @Test
    void opTypesAreSorted() {
        List<String> types = List.copyOf(table.opTypes());
        assertTrue(types.stream().sorted().toList().equals(types));
    }
}
