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
import org.junit.jupiter.api.Test;

/** Variables take their values from the checkpoint: the IR equals the frozen graph's, constant by constant. */
class CheckpointConstantsTest {
    @Test
    void inferenceGraphWithCheckpointEqualsTheFrozenGraph() {
        IrModel frozen = Conversions.convert(TestData.model("small_frozen.pb"), 1L).model();
        ModelSource withCheckpoint = ModelSource.graphFile(TestData.model("small_inference_graph.pb"))
                .withCheckpoint(TestData.model("small"));
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
        ModelSource meta = ModelSource.metaGraph(TestData.model("small.meta"));
        IrModel model = convert(meta);
        assertEquals(1, model.results().size(), "the Saver's SaveV2 is no output");
        assertTrue(constants(model).size() > 4);
    }

    @Test
    void aVariableMissingFromTheCheckpointIsNamed() {
        ModelSource wrong = ModelSource.graphFile(TestData.model("small_inference_graph.pb"))
                .withCheckpoint(TestData.checkpoint("v2_small/model.ckpt"));
        TfirException e = assertThrows(TfirException.class, () -> convert(wrong));
        assertTrue(e.getMessage().contains("SmallNet/"), e.getMessage());
    }

    private static IrModel convert(ModelSource source) {
        return new Converter().convert(ConversionRequest.of(source).batch(1L).compressToFp16(false).build()).model();
    }

    private static List<Node> constants(IrModel model) {
        return model.orderedNodes().stream().filter(n -> n.value() != null && n.value().type().isFloating())
                .toList();
    }
}
