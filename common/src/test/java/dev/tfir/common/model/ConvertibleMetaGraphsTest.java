package dev.tfir.common.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.proto.Protos;
import dev.tfir.common.testing.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.FunctionDefLibrary;
import org.tensorflow.proto.GradientDef;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NameAttrList;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedConcreteFunction;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedObject;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedObjectGraph;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/** The MetaGraphs conversion reads of a SavedModel: the same as of a whole parse, but only the runnable functions. */
class ConvertibleMetaGraphsTest {
    private static MetaGraph whole(byte[] bytes) throws IOException {
        return MetaGraph.of(Protos.parse(SavedModel.getDefaultInstance(), bytes).getMetaGraphs(0));
    }

    private static MetaGraph convertible(byte[] bytes) throws IOException {
        List<MetaGraph> metaGraphs = ConvertibleMetaGraphs.parse(ByteBuffer.wrap(bytes));
        assertEquals(1, metaGraphs.size());
        return metaGraphs.get(0);
    }

    private static Set<String> names(GraphDef graph) {
        Set<String> names = new HashSet<>();
        graph.getLibrary().getFunctionList().forEach(f -> names.add(f.getSignature().getName()));
        return names;
    }

    @ParameterizedTest
    @ValueSource(strings = {"models/saved_model_tf2", "models/saved_model_tf2_calls", "models/saved_model_tf1",
            "models/saved_model_two_signatures", "convert/cond/cond_runtime_saved_model",
            "keras/VGG16_notop_saved_model", "convert/keras3_export_saved_model", "checkpoints/saved_model"})
    void readsWhatAWholeParseReadsWithTheFunctionsTheGraphRuns(String name) throws IOException {
        byte[] bytes = Files.readAllBytes(TestData.repo().resolve("testdata").resolve(name).resolve("saved_model.pb"));
        MetaGraph whole = whole(bytes);
        MetaGraph read = convertible(bytes);

        assertEquals(whole.tags(), read.tags());
        assertEquals(whole.signatures(), read.signatures());
        assertEquals(whole.tf2(), read.tf2());
        assertEquals(whole.boundInputs(), read.boundInputs());
        // a TF1 graph whole (its save subgraph binds its variables); a TF2 graph's nodes its signatures run
        List<NodeDef> nodes = whole.graph().getNodeList();
        assertEquals(whole.tf2() ? signatureAncestors(whole) : nodes, read.graph().getNodeList());
        assertEquals(whole.graph().getVersions(), read.graph().getVersions());
        // kept functions are the whole parse's, in its order; what is left out, nothing kept calls
        List<FunctionDef> kept = read.graph().getLibrary().getFunctionList();
        List<FunctionDef> all = whole.graph().getLibrary().getFunctionList();
        assertEquals(all.stream().filter(kept::contains).toList(), kept);
        Set<String> keptNames = names(read.graph());
        for (NodeDef node : read.graph().getNodeList()) {
            assertCallsOnly(node, keptNames, names(whole.graph()));
        }
        kept.forEach(function -> function.getNodeDefList()
                .forEach(node -> assertCallsOnly(node, keptNames, names(whole.graph()))));
    }

    /** The nodes of the signatures' tensors and their ancestors, in the graph's order. */
    private static List<NodeDef> signatureAncestors(MetaGraph meta) {
        Map<String, NodeDef> byName = new HashMap<>();
        meta.graph().getNodeList().forEach(node -> byName.put(node.getName(), node));
        Deque<String> wanted = new ArrayDeque<>();
        meta.signatures().values().forEach(signature -> Stream.concat(signature.inputs().values().stream(),
                signature.outputs().values().stream()).forEach(t -> wanted.add(TensorRef.parse(t.getName()).node())));
        Set<String> reached = new HashSet<>();
        while (!wanted.isEmpty()) {
            String name = wanted.pop();
            if (reached.add(name)) {
                byName.get(name).getInputList().forEach(input -> wanted.add(TensorRef.parse(input).node()));
            }
        }
        return meta.graph().getNodeList().stream().filter(node -> reached.contains(node.getName())).toList();
    }

    @Test
    void aKeras3ExportKeepsOnlyTheHandlesItsSignaturesCapture() throws IOException {
        byte[] bytes = Files.readAllBytes(TestData.repo().resolve(
                "testdata/convert/keras3_export_saved_model/saved_model.pb"));
        List<NodeDef> all = whole(bytes).graph().getNodeList();
        List<NodeDef> kept = convertible(bytes).graph().getNodeList();
        long handles = kept.stream().filter(node -> node.getOp().equals("VarHandleOp")).count();
        long allHandles = all.stream().filter(node -> node.getOp().equals("VarHandleOp")).count();
        // three handles per variable: the trackable's, the serving call's, the save function's
        assertEquals(allHandles, 3 * handles);
        assertTrue(kept.stream().noneMatch(node -> node.getName().equals("saver_filename")));
    }

    private static void assertCallsOnly(NodeDef node, Set<String> kept, Set<String> library) {
        if (library.contains(node.getOp())) {
            assertTrue(kept.contains(node.getOp()), node.getName());
        }
        node.getAttrMap().values().stream().filter(AttrValue::hasFunc)
                .forEach(value -> assertTrue(kept.contains(value.getFunc().getName()), node.getName()));
    }

    @Test
    void aKerasSavedModelKeepsFewOfItsFunctions() throws IOException {
        byte[] bytes = Files.readAllBytes(TestData.repo().resolve("testdata/keras/VGG16_notop_saved_model/saved_model.pb"));
        int all = whole(bytes).graph().getLibrary().getFunctionCount();
        int kept = convertible(bytes).graph().getLibrary().getFunctionCount();
        assertTrue(kept > 0 && kept < all, kept + " of " + all);
    }

    private static FunctionDef function(String name, NodeDef... body) {
        return FunctionDef.newBuilder().setSignature(OpDef.newBuilder().setName(name)).addAllNodeDef(List.of(body))
                .build();
    }

    private static NodeDef node(String name, String op, String attribute, AttrValue value) {
        NodeDef.Builder node = NodeDef.newBuilder().setName(name).setOp(op);
        return (attribute == null ? node : node.putAttr(attribute, value)).build();
    }

    private static AttrValue func(String name) {
        return AttrValue.newBuilder().setFunc(NameAttrList.newBuilder().setName(name)).build();
    }

    /** f (a call's attribute) calls g by op name and names h in a list; unused is called by nothing. */
    private static SavedModel handMade() {
        FunctionDefLibrary library = FunctionDefLibrary.newBuilder()
                .addFunction(function("unused", node("x", "Const", null, null)))
                .addFunction(function("h"))
                .addFunction(function("f", node("a", "g", null, null), node("b", "Case", "branches",
                        AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder()
                                .addFunc(NameAttrList.newBuilder().setName("h"))).build())))
                .addFunction(function("g"))
                .addGradient(GradientDef.newBuilder().setFunctionName("f").setGradientFunc("unused"))
                .build();
        GraphDef graph = GraphDef.newBuilder()
                .addNode(node("call", "StatefulPartitionedCall", "f", func("f")))
                .setLibrary(library).build();
        return SavedModel.newBuilder().addMetaGraphs(MetaGraphDef.newBuilder()
                .setMetaInfoDef(MetaGraphDef.MetaInfoDef.newBuilder().addTags("serve")
                        .setStrippedOpList(org.tensorflow.proto.OpList.newBuilder()
                                .addOp(OpDef.newBuilder().setName("Const"))))
                .setGraphDef(graph)
                .putSignatureDef("serving_default", SignatureDef.newBuilder()
                        .putOutputs("out", TensorInfo.newBuilder().setName("call:0").build()).build())
                .setObjectGraphDef(SavedObjectGraph.newBuilder().addNodes(SavedObject.getDefaultInstance())))
                .build();
    }

    @Test
    void keepsTheFunctionsCalledByOpNameAndByAttributesInTheLibrarysOrder() throws IOException {
        MetaGraph read = convertible(handMade().toByteArray());

        assertEquals(List.of("h", "f", "g"), read.graph().getLibrary().getFunctionList().stream()
                .map(f -> f.getSignature().getName()).toList());
        assertEquals(1, read.graph().getLibrary().getGradientCount());
        assertEquals(List.of("serve"), read.tags());
        assertTrue(read.tf2());
        assertEquals(whole(handMade().toByteArray()).signatures(), read.signatures());
    }

    /** handMade() with a node no signature needs and the signature's output {@code output}. */
    private static SavedModel withSpareNode(String output) {
        SavedModel model = handMade();
        MetaGraphDef meta = model.getMetaGraphs(0);
        return model.toBuilder().setMetaGraphs(0, meta.toBuilder()
                .setGraphDef(meta.getGraphDef().toBuilder().addNode(node("spare", "Const", null, null)))
                .putSignatureDef("serving_default", SignatureDef.newBuilder()
                        .putOutputs("out", TensorInfo.newBuilder().setName(output).build()).build())).build();
    }

    @Test
    void aTf2GraphKeepsTheNodesItsSignaturesNeedUnlessOneNamesNoNode() throws IOException {
        assertEquals(List.of("call"), convertible(withSpareNode("call:0").toByteArray()).graph().getNodeList()
                .stream().map(NodeDef::getName).toList());
        // left whole, for the signature's check to name the missing node
        assertEquals(List.of("call", "spare"), convertible(withSpareNode("missing:0").toByteArray()).graph()
                .getNodeList().stream().map(NodeDef::getName).toList());
        SavedModel tf1 = withSpareNode("call:0").toBuilder().setMetaGraphs(0, withSpareNode("call:0").getMetaGraphs(0)
                .toBuilder().clearObjectGraphDef()).build();
        assertEquals(2, convertible(tf1.toByteArray()).graph().getNodeCount());
    }

    @Test
    void withoutAnObjectGraphItIsNotTf2() throws IOException {
        SavedModel model = handMade();
        SavedModel tf1 = model.toBuilder().setMetaGraphs(0, model.getMetaGraphs(0).toBuilder().clearObjectGraphDef())
                .build();
        assertFalse(convertible(tf1.toByteArray()).tf2());
    }

    @Test
    void aGraphInTwoPiecesIsReadWhole() throws IOException {
        // protobuf merges a message field given twice: the second piece's library adds a function the graph calls
        MetaGraphDef first = handMade().getMetaGraphs(0);
        GraphDef second = GraphDef.newBuilder()
                .addNode(node("call2", "PartitionedCall", "f", func("late")))
                .setLibrary(FunctionDefLibrary.newBuilder().addFunction(function("late"))).build();
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        meta.writeBytes(first.toByteArray());
        meta.writeBytes(MetaGraphDef.newBuilder().setGraphDef(second).build().toByteArray());
        byte[] bytes = SavedModel.newBuilder()
                .addMetaGraphs(MetaGraphDef.parseFrom(meta.toByteArray())).build().toByteArray();
        byte[] pieces = concatenatedMetaGraph(meta.toByteArray());

        MetaGraph read = convertible(pieces);
        assertEquals(whole(bytes).graph(), read.graph());
        assertTrue(names(read.graph()).contains("late"));
    }

    /** A SavedModel of one MetaGraph given as these raw bytes (field 2, length-delimited). */
    private static byte[] concatenatedMetaGraph(byte[] metaGraphBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(SavedModel.META_GRAPHS_FIELD_NUMBER << 3 | 2);
        int length = metaGraphBytes.length;
        while (length >= 0x80) {
            out.write(length & 0x7f | 0x80);
            length >>>= 7;
        }
        out.write(length);
        out.writeBytes(metaGraphBytes);
        return out.toByteArray();
    }

    @Test
    void twoFunctionsOfOneNameAreReadWhole() throws IOException {
        SavedModel model = handMade();
        GraphDef graph = model.getMetaGraphs(0).getGraphDef();
        GraphDef twice = graph.toBuilder().setLibrary(graph.getLibrary().toBuilder()
                .addFunction(function("g", node("y", "Const", null, null)))).build();
        byte[] bytes = model.toBuilder().setMetaGraphs(0, model.getMetaGraphs(0).toBuilder().setGraphDef(twice))
                .build().toByteArray();
        assertEquals(whole(bytes).graph(), convertible(bytes).graph());
    }

    @Test
    void aFieldOfAnotherWireTypeIsReadWhole() throws IOException {
        // meta_graphs as a varint: protobuf keeps it as an unknown field, not as a second MetaGraph
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(handMade().toByteArray());
        bytes.write(SavedModel.META_GRAPHS_FIELD_NUMBER << 3);
        bytes.write(1);
        assertEquals(whole(handMade().toByteArray()).graph(), convertible(bytes.toByteArray()).graph());
    }

    @Test
    void signaturesAndTagsReadFromTheWireMergeAsProtobufMergesThem() throws IOException {
        // a MetaGraph in two pieces: the second's tags add to the first's; its entry of a signature's key replaces
        // the first's; an entry without a key is the key ""; an input without a value is TensorInfo's default
        MetaGraphDef second = MetaGraphDef.newBuilder()
                .setMetaInfoDef(MetaGraphDef.MetaInfoDef.newBuilder().addTags("gpu"))
                .putSignatureDef("serving_default", SignatureDef.newBuilder()
                        .putInputs("x", TensorInfo.getDefaultInstance())
                        .putOutputs("y", TensorInfo.newBuilder().setName("call:1").build()).build())
                .putSignatureDef("", SignatureDef.getDefaultInstance())
                .build();
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        meta.writeBytes(handMade().getMetaGraphs(0).toByteArray());
        meta.writeBytes(second.toByteArray());
        byte[] pieces = concatenatedMetaGraph(meta.toByteArray());

        MetaGraph read = convertible(pieces);
        MetaGraph whole = whole(pieces);
        assertEquals(List.of("serve", "gpu"), read.tags());
        assertEquals(whole.tags(), read.tags());
        assertEquals(whole.signatures(), read.signatures());
        assertEquals(Set.of("serving_default", ""), read.signatures().keySet());
        assertEquals(Set.of("y"), read.signatures().get("serving_default").outputs().keySet());
    }

    @Test
    void aSignatureKeyThatIsNotUtf8IsLeftToTheWholeParseWhichRefusesIt() {
        byte[] key = {'s', (byte) 0xff};
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        entry.write(1 << 3 | 2);
        entry.write(key.length);
        entry.writeBytes(key);
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        meta.write(MetaGraphDef.SIGNATURE_DEF_FIELD_NUMBER << 3 | 2);
        meta.write(entry.size());
        meta.writeBytes(entry.toByteArray());
        byte[] bytes = concatenatedMetaGraph(meta.toByteArray());

        assertThrows(InvalidProtocolBufferException.class, () -> whole(bytes));
        assertThrows(InvalidProtocolBufferException.class, () -> convertible(bytes));
    }

    @Test
    void boundInputsAreReadPackedOrNot() throws IOException {
        // protobuf writes repeated int32 packed; a writer may give them one by one, or both ways in one message
        ByteArrayOutputStream function = new ByteArrayOutputStream();
        function.writeBytes(new byte[] {BOUND_INPUTS << 3, 7});
        function.writeBytes(new byte[] {BOUND_INPUTS << 3 | 2, 2, 3, 5});
        function.writeBytes(new byte[] {3 << 3 | 2, 0});  // canonicalized_input_signature, empty
        function.writeBytes(new byte[] {BOUND_INPUTS << 3, 1});
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        entry.writeBytes(new byte[] {1 << 3 | 2, 1, 'f', 2 << 3 | 2, (byte) function.size()});
        entry.writeBytes(function.toByteArray());
        ByteArrayOutputStream objectGraph = new ByteArrayOutputStream();
        objectGraph.writeBytes(SavedObjectGraph.newBuilder().addNodes(SavedObject.getDefaultInstance()).build()
                .toByteArray());
        objectGraph.writeBytes(new byte[] {SavedObjectGraph.CONCRETE_FUNCTIONS_FIELD_NUMBER << 3 | 2,
                (byte) entry.size()});
        objectGraph.writeBytes(entry.toByteArray());
        MetaGraphDef meta = handMade().getMetaGraphs(0).toBuilder()
                .setObjectGraphDef(SavedObjectGraph.parseFrom(objectGraph.toByteArray())).build();
        ByteArrayOutputStream metaBytes = new ByteArrayOutputStream();
        metaBytes.writeBytes(meta.toBuilder().clearObjectGraphDef().build().toByteArray());
        metaBytes.write(MetaGraphDef.OBJECT_GRAPH_DEF_FIELD_NUMBER << 3 | 2);
        metaBytes.write(objectGraph.size());
        metaBytes.writeBytes(objectGraph.toByteArray());
        byte[] bytes = concatenatedMetaGraph(metaBytes.toByteArray());

        assertEquals(Map.of("f", List.of(7, 3, 5, 1)), convertible(bytes).boundInputs());
        assertEquals(whole(bytes).boundInputs(), convertible(bytes).boundInputs());
    }

    private static final int BOUND_INPUTS = SavedConcreteFunction.BOUND_INPUTS_FIELD_NUMBER;
}
