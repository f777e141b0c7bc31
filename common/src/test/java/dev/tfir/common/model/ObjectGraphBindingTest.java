package dev.tfir.common.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.checkpoint.Checkpoint;
import dev.tfir.common.testing.TestData;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NameAttrList;
import org.tensorflow.proto.NodeDef;

/**
 * TF2 SavedModels whose variables only the object graph binds (TensorFlow wrote them): Keras 3's exporters give the
 * serving call handles no checkpoint key names, and a tf.Module's layers save variables under one name.
 */
class ObjectGraphBindingTest {
    private static LoadedModel load(Path dir) {
        return ModelLoader.loadForConversion(ModelSource.savedModel(dir));
    }

    private static List<NodeDef> variables(LoadedModel loaded) {
        return loaded.graph().graphDef().getNodeList().stream()
                .filter(FrozenGraphs::isVariable).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"convert/keras3_export_saved_model", "convert/keras3_archive_saved_model",
            "checkpoints/saved_model"})
    void everyVariableTheSignatureReadsBindsToItsOwnTensorOfItsShape(String name) {
        Path dir = TestData.repo().resolve("testdata").resolve(name);
        LoadedModel loaded = load(dir);
        try (Checkpoint checkpoint = Checkpoint.open(dir)) {
            CheckpointBinding binding = CheckpointBinding.of(checkpoint, loaded.stored(), loaded.boundInputs());
            Set<String> keys = new HashSet<>();
            List<NodeDef> variables = variables(loaded);
            assertFalse(variables.isEmpty());
            for (NodeDef variable : variables) {
                CheckpointBinding.Target target = binding.find(variable).orElseThrow(() ->
                        new AssertionError("unbound: " + variable.getName()));
                assertTrue(keys.add(target.key()), target.key() + " bound twice");
                assertArrayEquals(binding.declaredShape(variable.getName()), binding.read(variable).shape(),
                        variable.getName());
            }
        }
    }

    @Test
    void aKeras3ExportsCapturedHandleBindsToTheVariableTheTrackableSavedUnderItsName() {
        Path dir = TestData.repo().resolve("testdata/convert/keras3_export_saved_model");
        LoadedModel loaded = load(dir);
        try (Checkpoint checkpoint = Checkpoint.open(dir)) {
            CheckpointBinding binding = CheckpointBinding.of(checkpoint, loaded.stored(), loaded.boundInputs());
            NodeDef captured = variables(loaded).stream().filter(n -> n.getName().equals("logits/bias_1"))
                    .findFirst().orElseThrow();
            String key = binding.find(captured).orElseThrow().key();
            assertEquals("logits/bias", checkpoint.variableName(checkpoint.variable(key).orElseThrow()));
            // without the object graph nothing binds it: the checkpoint has no tensor of that name
            assertTrue(CheckpointBinding.of(checkpoint, loaded.stored(), Map.of()).find(captured).isEmpty());
        }
    }

    private static GraphDef twoCallsOfOneHandle() {
        NodeDef handle = NodeDef.newBuilder().setName("handle").setOp("VarHandleOp").build();
        return GraphDef.newBuilder().addNode(handle).addNode(call("first", "f")).addNode(call("second", "g")).build();
    }

    private static NodeDef call(String name, String function) {
        return NodeDef.newBuilder().setName(name).setOp("StatefulPartitionedCall").addInput("handle")
                .addInput("^handle").putAttr("f", AttrValue.newBuilder()
                        .setFunc(NameAttrList.newBuilder().setName(function)).build()).build();
    }

    @Test
    void aHandleCapturedAsTwoObjectsIsLeftToTheOtherRules() {
        try (Checkpoint checkpoint = Checkpoint.open(TestData.checkpoint("saved_model"))) {
            int[] variableNodes = IntStream.range(0, 100).filter(id -> checkpoint.objectValueKey(id).isPresent())
                    .limit(2).toArray();
            int first = variableNodes[0];
            int second = variableNodes[1];
            NodeDef handle = twoCallsOfOneHandle().getNode(0);

            assertEquals(checkpoint.objectValueKey(first).orElseThrow(), CheckpointBinding.of(checkpoint,
                    twoCallsOfOneHandle(), Map.of("f", List.of(first))).find(handle).orElseThrow().key());
            assertEquals(checkpoint.objectValueKey(first).orElseThrow(), CheckpointBinding.of(checkpoint,
                    twoCallsOfOneHandle(), Map.of("f", List.of(first), "g", List.of(first))).find(handle)
                    .orElseThrow().key());
            assertTrue(CheckpointBinding.of(checkpoint, twoCallsOfOneHandle(),
                    Map.of("f", List.of(first), "g", List.of(second))).find(handle).isEmpty());
            // a node that is not a variable (the object graph's root) binds nothing
            assertTrue(CheckpointBinding.of(checkpoint, twoCallsOfOneHandle(), Map.of("f", List.of(0)))
                    .find(handle).isEmpty());
        }
    }
}
