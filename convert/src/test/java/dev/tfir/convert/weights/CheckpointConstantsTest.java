package dev.tfir.convert.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.TfirException;
import dev.tfir.common.model.ModelSource;
import dev.tfir.common.testing.TestData;
import dev.tfir.convert.Conversions;
import dev.tfir.convert.ir.IrModel;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.pipeline.ConversionRequest;
import dev.tfir.convert.pipeline.Converter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Variables take their values from the checkpoint: the IR equals the frozen graph's, constant by constant. */
class CheckpointConstantsTest {
    @Test
    void inferenceGraphWithCheckpointEqualsTheFrozenGraph() {
        IrModel frozen = Conversions.convert(TestData.model("small_frozen.pb"), 1L).model();
        ModelSource withCheckpoint = new ModelSource(TestData.model("small_inference_graph.pb"), false, false, null,
                null, List.of(), TestData.model("small"));
        IrModel restored = convert(withCheckpoint);

        List<Node> expected = constants(frozen);
        List<Node> actual = constants(restored);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).value().data(), actual.get(i).value().data(), expected.get(i).name());
        }
    }

    @Test
    void aMetaGraphFindsTheCheckpointBesideIt() {
        ModelSource meta = new ModelSource(null, false, false, TestData.model("small.meta"), null, List.of(), null);
        IrModel model = convert(meta);
        assertEquals(1, model.results().size(), "the Saver's SaveV2 is no output");
        assertTrue(constants(model).size() > 4);
    }

    @Test
    void aVariableMissingFromTheCheckpointIsNamed() {
        ModelSource wrong = new ModelSource(TestData.model("small_inference_graph.pb"), false, false, null, null,
                List.of(), TestData.checkpoint("v2_small/model.ckpt"));
        TfirException e = assertThrows(TfirException.class, () -> convert(wrong));
        assertTrue(e.getMessage().contains("SmallNet/"), e.getMessage());
    }

    private static IrModel convert(ModelSource source) {
        return new Converter().convert(new ConversionRequest(source, List.of(), List.of(), List.of(), 1L, null, null,
                null, false, null, false, "model", Map.of())).model();
    }

    private static List<Node> constants(IrModel model) {
        return model.orderedNodes().stream().filter(n -> n.value() != null && n.value().type().isFloating())
                .toList();
    }
}
