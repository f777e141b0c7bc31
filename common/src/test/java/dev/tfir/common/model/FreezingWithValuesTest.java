package dev.tfir.common.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.TfirException;
import dev.tfir.common.testing.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Freezing with values against TensorFlow's own freezing: testdata/freeze/CASE/tf_frozen.pb is what
 * {@code tf.compat.v1.graph_util.convert_variables_to_constants} made of the case's MetaGraph and checkpoint for
 * output {@code y} (tools/models/make_freeze_models.py).
 */
class FreezingWithValuesTest {
    private static Path freeze(String file) {
        return TestData.repo().resolve("testdata/freeze").resolve(file);
    }

    private static GraphDef tensorFlows(String model) throws IOException {
        return GraphDef.parseFrom(Files.readAllBytes(freeze(model + "/tf_frozen.pb")));
    }

    private static GraphDef ours(ModelSource source) {
        LoadedModel loaded = ModelLoader.load(source);
        try (VariableValues values = new VariableValues(source, loaded)) {
            return FrozenGraphs.withValues(Freezing.freezeStructure(loaded.graph(), List.of("y")), values.binding());
        }
    }

    private static ModelSource meta(String model) {
        return ModelSource.metaGraph(freeze(model + "/model.ckpt.meta"));
    }

    private static ModelSource inferenceGraph(String model, Path checkpoint) {
        return ModelSource.graphFile(freeze(model + "/inference_graph.pb")).withCheckpoint(checkpoint);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"partitioned", "resource"})
    void aMetaGraphFreezesToExactlyTensorFlowsNodes(String model) throws IOException {
        assertEquals(tensorFlows(model).getNodeList(), ours(meta(model)).getNodeList());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"partitioned", "resource"})
    void anInferenceGraphWithItsCheckpointGivesTensorFlowsNodesAndValues(String model) throws IOException {
        // no save subgraph: partitions' blocks follow from the parts' shapes. The inference graph has no
        // _output_shapes attrs, the MetaGraph TensorFlow froze has, so nodes are compared without them.
        GraphDef ours = ours(inferenceGraph(model, freeze(model + "/model.ckpt")));
        assertEquals(withoutOutputShapes(tensorFlows(model)), withoutOutputShapes(ours));
    }

    @Test
    void streamingWritesTheSameGraph() throws IOException {
        ModelSource source = meta("partitioned");
        LoadedModel loaded = ModelLoader.load(source);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        try (VariableValues values = new VariableValues(source, loaded)) {
            FrozenGraphs.write(Freezing.freezeStructure(loaded.graph(), List.of("y")), values.binding(), written);
        }
        assertEquals(tensorFlows("partitioned").getNodeList(), GraphDef.parseFrom(written.toByteArray()).getNodeList());
    }

    @Test
    void aVariableWithoutACheckpointIsAnError() {
        ModelSource noCheckpoint = ModelSource.graphFile(freeze("resource/inference_graph.pb"));
        LoadedModel loaded = ModelLoader.load(noCheckpoint);
        GraphDef structure = Freezing.freezeStructure(loaded.graph(), List.of("y"));
        TfirException e = assertThrows(TfirException.class, () -> FrozenGraphs.withValues(structure, null));
        assertTrue(e.getMessage().contains("has no value: give the graph's checkpoint with --input_checkpoint"),
                e.getMessage());
    }

    @Test
    void theCheckpointOfAnotherGraphIsNamed() {
        ModelSource wrong = inferenceGraph("resource", freeze("partitioned/model.ckpt"));
        TfirException e = assertThrows(TfirException.class, () -> ours(wrong));
        assertEquals(freeze("partitioned/model.ckpt") + ": the checkpoint has no variable 'dense/kernel'; is it the "
                + "checkpoint of this graph?", e.getMessage());
    }

    @Test
    void saveSpecsGiveThePartitionBlock() {
        CheckpointBinding.Target target = SaveSpecs.target("deep/kernel", "8 5 3,3:0,5");
        assertEquals("deep/kernel", target.key());
        assertEquals(List.of(3L, 0L), java.util.Arrays.stream(target.start()).boxed().toList());
        assertEquals(List.of(3L, 5L), java.util.Arrays.stream(target.shape()).boxed().toList());
        assertTrue(!SaveSpecs.target("bias", "").isSlice());
    }

    private static Map<String, NodeDef> withoutOutputShapes(GraphDef graph) {
        return graph.getNodeList().stream().map(n -> n.toBuilder().removeAttr("_output_shapes").build())
                .collect(Collectors.toMap(NodeDef::getName, Function.identity()));
    }
}
