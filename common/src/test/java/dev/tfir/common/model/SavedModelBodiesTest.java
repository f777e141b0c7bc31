package dev.tfir.common.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.TfirException;
import dev.tfir.common.detect.GraphSummary;
import dev.tfir.common.detect.IoDetector;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.testing.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.FunctionDefLibrary;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NameAttrList;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;

/** TF2 SavedModels (written by TensorFlow) loaded for conversion: function bodies inlined, interface unchanged. */
class SavedModelBodiesTest {
    private static LoadedModel load(String name, boolean withBodies) {
        ModelSource source = ModelSource.savedModel(TestData.model(name));
        return withBodies ? ModelLoader.loadForConversion(source) : ModelLoader.load(source);
    }

    @ParameterizedTest
    @ValueSource(strings = {"saved_model_tf2", "saved_model_tf2_calls"})
    void theInlinedGraphHasTheInterfaceOfTheSignature(String name) {
        GraphSummary interfaceOnly = IoDetector.summarize(load(name, false).graph());
        GraphSummary inlined = IoDetector.summarize(load(name, true).graph());

        assertEquals(interfaceOnly.inputs(), inlined.inputs());
        assertEquals(interfaceOnly.outputNames(), inlined.outputNames());
        for (NodeDef node : load(name, true).graph().graphDef().getNodeList()) {
            assertFalse(node.getOp().endsWith("PartitionedCall"), node.getName());
            assertTrue(node.getInputList().stream().noneMatch(input -> input.startsWith("^")), node.getName());
        }
    }

    @Test
    void nestedCallsBecomeNodesNamedByTheirCallPathWithFlatOutputIndices() {
        TfGraph graph = load("saved_model_tf2_calls", true).graph();
        String serve = "StatefulPartitionedCall/StatefulPartitionedCall/";

        // halves() reads split:output:1 and :2 (Split, num_split 3), then IdentityN:output:1 (one per input)
        assertEquals(List.of(serve + "PartitionedCall/split:1", serve + "PartitionedCall/split:2"),
                graph.node(graph.indexOf(serve + "PartitionedCall/IdentityN")).getInputList());
        assertEquals(List.of(serve + "PartitionedCall/mul", serve + "PartitionedCall/IdentityN:1"),
                graph.node(graph.indexOf(serve + "PartitionedCall/add")).getInputList());
        // scale() reads unstack:output:2 (Unpack, num 3) and split:output:1 (SplitV, two sizes)
        assertEquals(List.of(serve + "PartitionedCall_1/unstack:2", serve + "PartitionedCall_1/unstack:1",
                serve + "PartitionedCall_1/unstack", serve + "PartitionedCall_1/concat/axis"),
                graph.node(graph.indexOf(serve + "PartitionedCall_1/concat")).getInputList());
        assertEquals(List.of(serve + "PartitionedCall_1/split:1", serve + "PartitionedCall_1/split",
                serve + "PartitionedCall_1/concat_1/axis"),
                graph.node(graph.indexOf(serve + "PartitionedCall_1/concat_1")).getInputList());
        // the call's two results are its IdentityN's outputs 0 and 1
        assertEquals(List.of(serve + "PartitionedCall", serve + "PartitionedCall:1", serve + "PartitionedCall",
                serve + "concat/axis"), graph.node(graph.indexOf(serve + "concat")).getInputList());
        // the captured variable: the SavedModel's VarHandleOp, frozen to a Const read by an Identity
        assertEquals("Const", graph.node(graph.indexOf("w")).getOp());
        assertEquals(List.of("x", serve + "MatMul/ReadVariableOp"),
                graph.node(graph.indexOf(serve + "MatMul")).getInputList());
        assertEquals(List.of("w"), graph.node(graph.indexOf(serve + "MatMul/ReadVariableOp")).getInputList());
        assertEquals(-1, graph.indexOf(serve + "NoOp"), "nodes only control edges lead to are pruned");
    }

    @Test
    void outputArgumentsAreCountedByTheOpsDefinitions() {
        NodeDef norm = NodeDef.newBuilder().setName("bn").setOp("FusedBatchNormV3").build();
        NodeDef identities = NodeDef.newBuilder().setName("ids").setOp("IdentityN").putAttr("T", AttrValue.newBuilder()
                .setList(AttrValue.ListValue.newBuilder().addType(DataType.DT_FLOAT).addType(DataType.DT_FLOAT)).build())
                .build();
        NodeDef split = NodeDef.newBuilder().setName("s").setOp("Split")
                .putAttr("num_split", AttrValue.newBuilder().setI(3).build()).build();
        NodeDef add = NodeDef.newBuilder().setName("a").setOp("AddV2").build();

        assertEquals(2, OpOutputs.flatIndex(norm, "batch_variance", 0, "m"));
        assertEquals(1, OpOutputs.flatIndex(identities, "output", 1, "m"));
        assertEquals(2, OpOutputs.flatIndex(split, "output", 2, "m"));
        assertEquals(0, OpOutputs.flatIndex(add, "z", 0, "m"));
        TfirException error = assertThrows(TfirException.class, () -> OpOutputs.flatIndex(norm, "x", 0, "m"));
        assertEquals("m: node 'bn' (FusedBatchNormV3) has no output 'x'; the function body is not one TensorFlow "
                + "wrote", error.getMessage());
    }

    @Test
    void aCallToAMissingFunctionSaysWhichOne() {
        GraphDef graph = GraphDef.newBuilder()
                .addNode(NodeDef.newBuilder().setName("call").setOp("PartitionedCall")
                        .putAttr("f", AttrValue.newBuilder().setFunc(NameAttrList.newBuilder().setName("gone")).build()))
                .setLibrary(FunctionDefLibrary.newBuilder().addFunction(FunctionDef.newBuilder()
                        .setSignature(OpDef.newBuilder().setName("other"))))
                .build();

        TfirException error = assertThrows(TfirException.class, () -> FunctionInlining.inline(graph, "m"));
        assertEquals("m: node 'call' calls function 'gone', which the graph's library does not have",
                error.getMessage());
    }

    @Test
    void aBodyNodeNamedLikeAnotherNodeIsRefused() {
        FunctionDef function = FunctionDef.newBuilder()
                .setSignature(OpDef.newBuilder().setName("f")
                        .addOutputArg(OpDef.ArgDef.newBuilder().setName("y").setType(DataType.DT_FLOAT)))
                .addNodeDef(NodeDef.newBuilder().setName("c").setOp("Const"))
                .putRet("y", "c:output:0")
                .build();
        GraphDef graph = GraphDef.newBuilder()
                .addNode(NodeDef.newBuilder().setName("call/c").setOp("Const"))
                .addNode(NodeDef.newBuilder().setName("call").setOp("PartitionedCall")
                        .putAttr("f", AttrValue.newBuilder().setFunc(NameAttrList.newBuilder().setName("f")).build()))
                .setLibrary(FunctionDefLibrary.newBuilder().addFunction(function))
                .build();

        TfirException error = assertThrows(TfirException.class, () -> FunctionInlining.inline(graph, "m"));
        assertEquals("m: inlining the function calls gives two nodes named 'call/c' (a call's body node and another "
                + "node of the same name); tfir cannot inline this model", error.getMessage());
        GraphDef alone = graph.toBuilder().removeNode(0).build();
        assertEquals(List.of("call/c", "call"), FunctionInlining.inline(alone, "m").getNodeList().stream()
                .map(NodeDef::getName).toList());
    }
}
