package dev.tfir.common.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.TfirException;
import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.testing.TestData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * The rewrite of TF1 while frames into functional Whiles, on TensorFlow-made TF1 loops
 * (tools/models/make_tf1_loop_models.py; conformance/tf1loops/check_rewrite.py runs the rewritten graphs in
 * TensorFlow against the originals).
 */
class Tf1LoopsTest {
    private static final Set<String> TF1_LOOP_OPS = Set.of("Enter", "Exit", "NextIteration", "LoopCond", "Merge",
            "Switch");

    private static GraphDef fixture(String name) {
        Path path = TestData.repo().resolve("testdata/convert/tf1loops/" + name);
        return ModelLoader.readGraphDef(path, false);
    }

    private static GraphDef converted(String name) {
        return ModelLoader.loadForConversion(ModelSource.graphFile(
                TestData.repo().resolve("testdata/convert/tf1loops/" + name))).graph().graphDef();
    }

    private static Map<String, NodeDef> byName(List<NodeDef> nodes) {
        return nodes.stream().collect(Collectors.toMap(NodeDef::getName, Function.identity()));
    }

    private static FunctionDef function(GraphDef graph, NodeDef loop, String attr) {
        String name = loop.getAttrOrThrow(attr).getFunc().getName();
        return graph.getLibrary().getFunctionList().stream().filter(f -> f.getSignature().getName().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void dynamicRnnBecomesOneWhileOverTensorLists() {
        GraphDef graph = converted("dynamic_rnn_lstm.pb");
        assertTrue(graph.getNodeList().stream().noneMatch(node -> TF1_LOOP_OPS.contains(node.getOp())
                || node.getOp().startsWith("TensorArray")));
        Map<String, NodeDef> nodes = byName(graph.getNodeList());
        NodeDef loop = nodes.get("rnn/while/While");
        assertEquals("While", loop.getOp());
        List<DataType> types = loop.getAttrOrThrow("T").getList().getTypeList();
        // 5 loop variables (counter, time, output list, c, h), then 5 invariants (2 limits, the input list,
        // kernel, bias); the TensorArray handles are gone
        assertEquals(10, types.size());
        assertEquals(10, loop.getInputCount());
        assertEquals(DataType.DT_VARIANT, types.get(2));
        assertEquals("rnn/while/While:2", nodes.get("rnn/while/Exit_2").getInput(0));
        assertEquals("TensorListStack", nodes.get("rnn/TensorArrayStack/TensorArrayGatherV3").getOp());
        assertEquals("rnn/while/Exit_2", nodes.get("rnn/TensorArrayStack/TensorArrayGatherV3").getInput(0));
        assertEquals("TensorListFromTensor",
                nodes.get("rnn/TensorArrayUnstack/TensorArrayScatter/TensorArrayScatterV3").getOp());
        // what the rewrite leaves unread (unstack's and stack's indices, the TensorArray unstack replaced) is gone,
        // so that the model's only output stays 'output'
        Set<String> read = graph.getNodeList().stream().flatMap(node -> node.getInputList().stream())
                .map(input -> TensorRef.parse(input).node()).collect(Collectors.toSet());
        assertEquals(List.of("output"), graph.getNodeList().stream().map(NodeDef::getName)
                .filter(name -> !read.contains(name)).toList());

        FunctionDef cond = function(graph, loop, "cond");
        assertEquals(10, cond.getSignature().getInputArgCount());
        assertEquals(DataType.DT_BOOL, cond.getSignature().getOutputArg(0).getType());
        FunctionDef body = function(graph, loop, "body");
        assertEquals(types, body.getSignature().getOutputArgList().stream().map(arg -> arg.getType()).toList());
        Map<String, NodeDef> bodyNodes = byName(body.getNodeDefList());
        assertEquals("TensorListGetItem", bodyNodes.get("rnn/while/TensorArrayReadV3").getOp());
        NodeDef write = bodyNodes.get("rnn/while/TensorArrayWrite/TensorArrayWriteV3");
        assertEquals(List.of("rnn/while/Identity_2:output:0", "rnn/while/Identity_1:output:0",
                "rnn/while/lstm_cell/mul_2:z:0"), write.getInputList());
        assertEquals("rnn/while/TensorArrayWrite/TensorArrayWriteV3:output_handle:0", body.getRetOrThrow("result_2"));
        assertEquals("loop_var_9", body.getRetOrThrow("result_9")); // an invariant passes through
    }

    @Test
    void innerFramesBecomeWhilesInsideTheOuterBody() {
        GraphDef graph = converted("while_nested.pb");
        List<NodeDef> loops = graph.getNodeList().stream().filter(node -> node.getOp().equals("While")).toList();
        assertEquals(1, loops.size());
        FunctionDef outerBody = function(graph, loops.get(0), "body");
        List<NodeDef> inner = outerBody.getNodeDefList().stream().filter(node -> node.getOp().equals("While"))
                .toList();
        assertEquals(1, inner.size());
        assertEquals("outer/inner/While", inner.get(0).getName());
        function(graph, inner.get(0), "cond");
        function(graph, inner.get(0), "body");
        assertEquals(4, graph.getLibrary().getFunctionCount());
    }

    @Test
    void twoLoopsGetTheirOwnFunctions() {
        GraphDef graph = converted("bidirectional_gru.pb");
        List<NodeDef> loops = graph.getNodeList().stream().filter(node -> node.getOp().equals("While")).toList();
        assertEquals(List.of("bidirectional_rnn/fw/fw/while/While", "bidirectional_rnn/bw/bw/while/While"),
                loops.stream().map(NodeDef::getName).toList());
        Set<String> functions = loops.stream().flatMap(loop -> Stream.of(function(graph, loop, "cond"),
                function(graph, loop, "body"))).map(f -> f.getSignature().getName()).collect(Collectors.toSet());
        assertEquals(4, functions.size());
        assertEquals(4, graph.getLibrary().getFunctionCount());
    }

    @Test
    void aGraphWithoutFramesStaysAsItIs() {
        GraphDef graph = ModelLoader.readGraphDef(TestData.repo().resolve("testdata/convert/cond/cond_runtime.pb"),
                false);
        assertSame(graph, Tf1Loops.rewrite(graph, "cond_runtime.pb"));
    }

    @Test
    void aGrowingTensorArrayBecomesAListThatGrowsWhereItIsWritten() {
        GraphDef graph = converted("while_dynamic_size.pb");
        NodeDef loop = graph.getNodeList().stream().filter(node -> node.getOp().equals("While")).findFirst()
                .orElseThrow();
        List<NodeDef> writes = function(graph, loop, "body").getNodeDefList().stream()
                .filter(node -> node.getOp().equals("TensorListSetItem")).toList();
        assertEquals(1, writes.size());
        assertTrue(writes.get(0).getAttrOrThrow("resize_if_index_out_of_bounds").getB());
        assertEquals("TensorListReserve", byName(graph.getNodeList()).get("TensorArray").getOp());
    }

    @Test
    void aFrameWithoutItsBackEdgeIsRefusedNamingIt() {
        GraphDef graph = fixture("while_counter.pb");
        GraphDef.Builder broken = graph.toBuilder().clearNode();
        for (NodeDef node : graph.getNodeList()) {
            boolean firstMerge = node.getName().equals("counter/Merge");
            broken.addNode(firstMerge ? node.toBuilder().setInput(1, node.getInput(0)).build() : node);
        }
        TfirException e = assertThrows(TfirException.class, () -> Tf1Loops.rewrite(broken.build(), "broken.pb"));
        assertEquals("broken.pb: TF1 while loop 'counter/while_context': Enter 'counter/Enter' does not start a "
                + "Merge and NextIteration as tf.while_loop writes; tfir cannot rewrite it as a functional While "
                + "(export the loop with TF2 control flow, a tf.function's tf.while_loop)", e.getMessage());
    }
}
