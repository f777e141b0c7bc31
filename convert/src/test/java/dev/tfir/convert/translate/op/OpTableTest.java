package dev.tfir.convert.translate.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.convert.translate.TranslatorRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The op table: what the TF-Slim nets need, minimum input counts, one translator per op type, the op types handled
 * before translation.
 */
class OpTableTest {
    private final TranslatorRegistry table = OpTable.standard();

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
    void minimumInputsAreTensorFlowsDataInputs() {
        assertEquals(0, table.get("Const").minInputs());
        assertEquals(2, table.get("Conv2D").minInputs());
        assertEquals(5, table.get("FusedBatchNormV3").minInputs());
        assertEquals(4, table.get("StridedSlice").minInputs());
    }

    @Test
    void oneOpTypeHasOneTranslator() {
        TranslatorRegistry registry = new TranslatorRegistry().add(1, IdentityTranslators::first, "Identity");
        assertThrows(IllegalStateException.class, () -> registry.add(1, IdentityTranslators::all, "Identity"));
    }

    @Test
    void opTypesHandledBeforeTranslationAreListedWithoutATranslator() {
        for (String op : List.of("NoOp", "Assert", "PrintV2", "PartitionedCall", "StatefulPartitionedCall",
                "VariableV2", "VarHandleOp", "ReadVariableOp")) {
            assertTrue(table.opTypes().contains(op), op);
            assertFalse(table.supports(op), op);
            assertNull(table.get(op), op);
        }
        assertEquals("the graph has variables, so it is not frozen: give their checkpoint with --input_checkpoint",
                table.untranslatedBecause("VarHandleOp"));
        assertNull(table.untranslatedBecause("Relu"));
        TranslatorRegistry registry = new TranslatorRegistry().structural("why", "NoOp");
        assertThrows(IllegalStateException.class, () -> registry.add(0, IdentityTranslators::all, "NoOp"));
        assertThrows(IllegalStateException.class, () -> registry.structural("again", "NoOp"));
    }

    @Test
    void opTypesAreSorted() {
        List<String> types = List.copyOf(table.opTypes());
        assertTrue(types.stream().sorted().toList().equals(types));
    }
}
