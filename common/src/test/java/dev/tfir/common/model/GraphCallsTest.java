package dev.tfir.common.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.detect.IoDetector;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.FunctionDefLibrary;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;

/**
 * Function calls in stored graphs (not SavedModels) are inlined for conversion, detection seeing the graph as
 * summarize_graph.py does: a Keras model frozen by TensorFlow (testdata/convert/grouped_conv_frozen.pb: each grouped
 * convolution a PartitionedCall of an XLA function), and a call of a library function by its name as op type.
 */
class GraphCallsTest {
    @TempDir
    Path dir;

    @Test
    void frozenKerasCallsAreInlinedForConversionOnly() {
        ModelSource source = ModelSource.graphFile(TestData.repo().resolve("testdata/convert/grouped_conv_frozen.pb"));
        TfGraph stored = ModelLoader.load(source).graph();
        TfGraph inlined = ModelLoader.loadForConversion(source).graph();

        assertEquals("PartitionedCall", stored.node(stored.indexOf("model/grouped/PartitionedCall")).getOp());
        assertEquals("IdentityN", inlined.node(inlined.indexOf("model/grouped/PartitionedCall")).getOp());
        assertEquals("Conv2D", inlined.node(inlined.indexOf("model/grouped/PartitionedCall/Conv2D")).getOp());
        assertTrue(inlined.nodes().stream().noneMatch(node -> node.getOp().endsWith("PartitionedCall")));
        assertEquals(IoDetector.summarize(stored).inputs(), IoDetector.summarize(inlined).inputs());
        assertEquals(IoDetector.summarize(stored).outputNames(), IoDetector.summarize(inlined).outputNames());
    }

    @Test
    void aLibraryFunctionCalledByNameIsInlinedAndItsUnusedBodyNodesLeftOut() throws IOException {
        AttrValue floats = AttrValue.newBuilder().setType(DataType.DT_FLOAT).build();
        FunctionDef negate = FunctionDef.newBuilder()
                .setSignature(OpDef.newBuilder().setName("Negate")
                        .addInputArg(OpDef.ArgDef.newBuilder().setName("a").setType(DataType.DT_FLOAT))
                        .addOutputArg(OpDef.ArgDef.newBuilder().setName("out").setType(DataType.DT_FLOAT)))
                .addNodeDef(NodeDef.newBuilder().setName("neg").setOp("Neg").addInput("a").putAttr("T", floats))
                .addNodeDef(NodeDef.newBuilder().setName("unused").setOp("Exp").addInput("a").putAttr("T", floats))
                .putRet("out", "neg:y:0").build();
        GraphDef graph = GraphDef.newBuilder()
                .addNode(NodeDef.newBuilder().setName("x").setOp("Placeholder").putAttr("dtype", floats))
                .addNode(NodeDef.newBuilder().setName("call").setOp("Negate").addInput("x"))
                .addNode(NodeDef.newBuilder().setName("output").setOp("Identity").addInput("call")
                        .putAttr("T", floats))
                .setLibrary(FunctionDefLibrary.newBuilder().addFunction(negate)).build();
        Path file = Files.write(dir.resolve("calls.pb"), graph.toByteArray());

        TfGraph inlined = ModelLoader.loadForConversion(ModelSource.graphFile(file)).graph();
        assertEquals(List.of("x", "call/neg", "call", "output"),
                inlined.nodes().stream().map(NodeDef::getName).toList());
        assertEquals(List.of("output"), IoDetector.summarize(inlined).outputNames());
    }
}
