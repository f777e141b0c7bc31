package dev.tfir.common.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.testing.TestData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorShapeProto;

/** Graph against checkpoint, from TensorFlow-written fixtures (testdata/freeze, make_freeze_models.py). */
class CheckpointMatchTest {
    private static final Path RESOURCE = TestData.repo().resolve("testdata/freeze/resource");

    private static CheckpointMatch match(GraphDef graph, Path checkpoint) {
        ModelSource source = ModelSource.graphFile(RESOURCE.resolve("inference_graph.pb")).withCheckpoint(checkpoint);
        LoadedModel loaded = new LoadedModel(new TfGraph(graph, "test"), graph, "GraphDef");
        try (VariableValues values = new VariableValues(source, loaded)) {
            return CheckpointMatch.of(new TfGraph(graph, "test"), values.binding());
        }
    }

    private static GraphDef graph() {
        return ModelLoader.readGraphDef(RESOURCE.resolve("inference_graph.pb"), false);
    }

    @Test
    void everyVariableFound() {
        // dense/kernel [4,3] + dense/bias [3] float32, gain [3] float16
        assertEquals(new CheckpointMatch(3, 18, 12 * 4 + 3 * 4 + 3 * 2, 0, List.of()),
                match(graph(), RESOURCE.resolve("model.ckpt")));
    }

    @Test
    void shapeAndDtypeDisagreementsAreListed() {
        GraphDef.Builder edited = graph().toBuilder();
        for (NodeDef.Builder node : edited.getNodeBuilderList()) {
            if (node.getName().equals("dense/kernel")) {
                node.putAttr("shape", AttrValue.newBuilder().setShape(TensorShapeProto.newBuilder()
                        .addDim(TensorShapeProto.Dim.newBuilder().setSize(4))
                        .addDim(TensorShapeProto.Dim.newBuilder().setSize(5))).build());
            }
            if (node.getName().equals("gain")) {
                node.putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_DOUBLE).build());
            }
        }
        assertEquals(List.of("variable 'dense/kernel' has shape [4, 5] in the graph but [4, 3] in the checkpoint",
                        "variable 'gain' is float64 in the graph but float16 in the checkpoint"),
                match(edited.build(), RESOURCE.resolve("model.ckpt")).mismatches());
    }

    @Test
    void variablesMissingAndTensorsUnused() {
        CheckpointMatch match = match(graph(), TestData.repo().resolve("testdata/freeze/partitioned/model.ckpt"));
        assertEquals(List.of("variable 'dense/kernel' is not in the checkpoint",
                "variable 'dense/bias' is not in the checkpoint", "variable 'gain' is not in the checkpoint"),
                match.mismatches());
        assertEquals(4, match.unused());
    }
}
