package dev.tfir.summarize.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.model.ModelLoader;
import dev.tfir.common.testing.TestData;
import dev.tfir.common.types.PartialShape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;

/**
 * The diff of TF-Slim's small inference graph and the frozen graph TensorFlow's freeze_graph made of it
 * (testdata/models), checked against the two graphs' contents; and a constant changed by a known amount.
 */
class GraphDiffTest {
    private static final GraphDef INFERENCE =
            ModelLoader.readGraphDef(TestData.model("small_inference_graph.pb"), false);
    private static final GraphDef FROZEN = ModelLoader.readGraphDef(TestData.model("small_frozen.pb"), false);

    @Test
    void inferenceAgainstFrozenIsExactlyTheVariablesBecomingConstants() {
        GraphDiff diff = GraphDiff.of(INFERENCE, FROZEN);
        Map<String, NodeDef> frozen = FROZEN.getNodeList().stream()
                .collect(Collectors.toMap(NodeDef::getName, n -> n));
        List<NodeDef> variables = INFERENCE.getNodeList().stream().filter(n -> n.getOp().equals("VariableV2")).toList();
        assertEquals(6, variables.size());
        // changed: exactly the variables, each now a Const of the variable's dtype and shape
        assertEquals(variables.stream().map(NodeDef::getName).toList(),
                diff.changed().stream().map(NodeChange::name).toList());
        for (NodeChange change : diff.changed()) {
            NodeDef variable = INFERENCE.getNodeList().stream().filter(n -> n.getName().equals(change.name()))
                    .findFirst().orElseThrow();
            TensorProto value = frozen.get(change.name()).getAttrOrThrow("value").getTensor();
            assertEquals("VariableV2", change.opA());
            assertEquals("Const", change.opB());
            assertNull(change.inputsA());
            assertEquals(PartialShape.fromProto(variable.getAttrOrThrow("shape").getShape()).toString(),
                    PartialShape.fromProto(value.getTensorShape()).toString());
            assertEquals(variable.getAttrOrThrow("dtype").getType(), value.getDtype());
        }
        // only in A: what freezing removed (initializers, assigns); nothing new in B; the rest unchanged
        Set<String> removed = INFERENCE.getNodeList().stream().map(NodeDef::getName)
                .filter(name -> !frozen.containsKey(name)).collect(Collectors.toSet());
        assertEquals(removed, diff.onlyA().stream().map(NodeDef::getName).collect(Collectors.toSet()));
        assertTrue(diff.onlyB().isEmpty());
        assertEquals(FROZEN.getNodeCount() - variables.size(), diff.same());
    }

    @Test
    void identicalGraphsHaveNoDifference() {
        GraphDiff diff = GraphDiff.of(FROZEN, ModelLoader.readGraphDef(TestData.model("small_frozen.pb"), false));
        assertTrue(diff.identical());
        assertEquals(FROZEN.getNodeCount(), diff.same());
    }

    @Test
    void aConstantChangedByAKnownAmountGivesThatMaxAbsDiff() {
        NodeDef weights = FROZEN.getNodeList().stream().filter(n -> n.getName().equals("SmallNet/conv1/weights"))
                .findFirst().orElseThrow();
        TensorProto value = weights.getAttrOrThrow("value").getTensor();
        ByteBuffer content = ByteBuffer.allocate(value.getTensorContent().size()).order(ByteOrder.LITTLE_ENDIAN);
        content.put(value.getTensorContent().asReadOnlyByteBuffer()).flip();
        content.putFloat(40, content.getFloat(40) + 0.25f);
        content.putFloat(80, content.getFloat(80) - 0.125f);
        content.rewind();
        GraphDef.Builder changed = FROZEN.toBuilder();
        for (NodeDef.Builder node : changed.getNodeBuilderList()) {
            if (node.getName().equals(weights.getName())) {
                node.putAttr("value", weights.getAttrOrThrow("value").toBuilder().setTensor(value.toBuilder()
                        .setTensorContent(com.google.protobuf.ByteString.copyFrom(content))).build());
            }
        }
        GraphDiff diff = GraphDiff.of(FROZEN, changed.build());
        assertEquals(1, diff.changed().size());
        ConstantChange constant = diff.changed().get(0).constant();
        assertEquals("(3,3,3,8)", constant.shapeA());
        assertEquals(0.25, constant.maxAbsDiff(), 1e-6);
        assertTrue(diff.changed().get(0).attrs().isEmpty());
        String json = DiffReport.json(diff, new DiffReport.Side("a", "GraphDef", 30),
                new DiffReport.Side("b", "GraphDef", 30));
        assertTrue(json.contains("\"constant\": {\"dtype\": \"float32\", \"shape\": \"(3,3,3,8)\", "
                + "\"max_abs_diff\": 0.25}"), json);
    }
}
