package dev.tfir.convert.translate.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.convert.translate.TranslatorRegistry;
import dev.tfir.convert.translate.TranslatorRegistry.Entry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The op table: what the TF-Slim nets need, minimum input counts, entries asked when first needed, the op types
 * handled before translation.
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
    void anEntryIsAskedOfTheTableOnceWhenFirstNeeded() {
        List<String> asked = new ArrayList<>();
        TranslatorRegistry registry = new TranslatorRegistry(List.of("Identity", "Relu"), opType -> {
            asked.add(opType);
            return Entry.of(1, IdentityTranslators::first);
        });
        assertEquals(List.of(), asked);
        assertTrue(registry.supports("Identity"));
        assertEquals(1, registry.get("Identity").minInputs());
        assertFalse(registry.supports("Igamma"));
        assertEquals(List.of("Identity"), asked);
        assertEquals(List.of("Identity", "Relu"), List.copyOf(registry.opTypes()));
        assertEquals(List.of("Identity"), asked);
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
    }

    @Test
    void complexOpTypesAreThoseWhoseTranslatorsTakeComplexTensors() {
        assertTrue(table.complexOpTypes().containsAll(List.of("Identity", "FFT", "IRFFT", "Real", "Imag", "Pad")));
        assertFalse(table.complexOpTypes().contains("Relu"));
        assertFalse(table.complexOpTypes().contains("NoOp"));
    }

    @Test
    void opTypesAreSorted() {
        List<String> types = List.copyOf(table.opTypes());
        assertTrue(types.stream().sorted().toList().equals(types));
    }
}
