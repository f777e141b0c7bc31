package dev.tfir.common.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.TfirException;
import dev.tfir.common.testing.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where a model's MetaGraph and checkpoint are, the one place both tools ask. */
class ModelSourceTest {
    private static final Path META = TestData.model("small.meta");

    private static ModelSource metaGraph(Path given) {
        return ModelSource.metaGraph(given);
    }

    @Test
    void anExplicitCheckpointWins() {
        Path checkpoint = TestData.checkpoint("v2_small");
        ModelSource source = ModelSource.graphFile(META).withCheckpoint(checkpoint);
        assertEquals(checkpoint, source.checkpointPath());
    }

    @Test
    void aMetaGraphsCheckpointIsThePrefixBesideIt() {
        assertEquals(TestData.model("small"), ModelSource.graphFile(META).checkpointPath());
        assertEquals(TestData.model("small"), metaGraph(META).checkpointPath());
        ModelSource byIndex = metaGraph(TestData.model("small.index"));
        assertEquals(META, byIndex.metaGraphFile());
        assertEquals(TestData.model("small"), byIndex.checkpointPath());
    }

    @Test
    void aSavedModelsCheckpointIsItsDirectory() {
        Path dir = TestData.model("saved_model_tf1");
        assertEquals(dir, ModelSource.savedModel(dir).checkpointPath());
    }

    @Test
    void aGraphDefAloneHasNone() {
        ModelSource graph = ModelSource.graphFile(TestData.model("small_inference_graph.pb"));
        assertNull(graph.metaGraphFile());
        assertNull(graph.checkpointPath());
    }

    @Test
    void aMetaGraphThatIsNotThereIsNamed() {
        Path data = TestData.checkpoint("v2_small/model.ckpt.data-00000-of-00001");
        TfirException e = assertThrows(TfirException.class, () -> metaGraph(data).metaGraphFile());
        assertTrue(e.getMessage().startsWith(data + ": the MetaGraph " + TestData.checkpoint("v2_small/model.ckpt.meta")
                + " that goes with it does not exist"), e.getMessage());
    }
}
