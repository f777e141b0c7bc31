package dev.tfir.convert.translate;

import static dev.tfir.convert.Conversions.layers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.TfirException;
import dev.tfir.common.testing.TestData;
import dev.tfir.convert.Conversions;
import dev.tfir.convert.ir.IrModel;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.SubGraph;
import dev.tfir.convert.write.IrFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.tensorflow.proto.GraphDef;
import org.w3c.dom.NodeList;

/**
 * TF2 control flow (testdata/convert/, real TensorFlow, frozen with the loops kept functional): a StatelessWhile
 * becomes one Loop-5 with its cond and body functions as the body's sub-graph, written as OpenVINO's IR spec has
 * it; a Keras LSTM's lists become a sliced input and the last iteration's element. (That the IRs compute what
 * TensorFlow computes, in both runtimes, is conformance/sequence's business.)
 */
class ControlFlowTest {
    @TempDir
    Path dir;

    private static IrModel convert(String fixture) {
        return Conversions.convert(TestData.repo().resolve("testdata/convert/" + fixture), null).model();
    }

    @Test
    void statelessWhileIsOneLoopWithBackEdgesAndItsCondition() {
        Node loop = single(layers(convert("while_counter.pb"), "Loop"));
        SubGraph body = single(loop.subGraphs());
        assertEquals("body", body.element());
        // trip count: maximum_iterations; the cond function on the initial values; the 3 loop values that change
        // (maximum_iterations, a constant passed on unchanged, is a Const in the body)
        assertEquals(5, loop.inputs().size());
        assertEquals(20L, loop.input(0).constant().longs()[0]);
        assertEquals("LogicalAnd", loop.input(1).node().type());
        // loop_counter, i and y change: back edges
        assertEquals(3, body.backEdges().size());
        assertEquals(3, body.inputs().size());
        SubGraph.PortMapping condition = body.outputs().get(body.outputs().size() - 1);
        assertEquals(-1, condition.index());
        assertEquals(Map.of("purpose", "execution_condition"), condition.attributes());
        assertEquals("LogicalAnd", condition.internal().input(0).node().type());
        for (SubGraph.BackEdge edge : body.backEdges()) {
            assertEquals("Result", edge.from().type());
            assertTrue(body.graph().parameters().contains(edge.to()));
        }
    }

    @Test
    void loopIsWrittenWithPortMapBackEdgesAndBody() throws Exception {
        IrFiles.Written written = IrFiles.write(convert("while_counter.pb"), dir, "loop");
        Element net = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(written.xml().toFile())
                .getDocumentElement();
        Element loop = children(children(net, "layers").get(0), "layer").stream()
                .filter(layer -> layer.getAttribute("type").equals("Loop")).findFirst().orElseThrow();
        assertEquals("opset5", loop.getAttribute("version"));
        List<String> order = new ArrayList<>();
        for (org.w3c.dom.Node child = loop.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                order.add(element.getTagName());
            }
        }
        assertEquals(List.of("port_map", "back_edges", "input", "output", "body"), order);
        List<Element> bodyLayers = children(children(children(loop, "body").get(0), "layers").get(0), "layer");
        for (Element entry : children(children(loop, "port_map").get(0), "input")) {
            assertEquals("Parameter", bodyLayers.get(Integer.parseInt(entry.getAttribute("internal_layer_id")))
                    .getAttribute("type"));
        }
        List<Element> outputs = children(children(loop, "port_map").get(0), "output");
        // outputs count the Loop's 5 inputs first, as OpenVINO's serializer writes them
        assertEquals(List.of("5", "6", "7", "-1"), outputs.stream().map(o -> o.getAttribute("external_port_id"))
                .toList());
        for (Element entry : outputs) {
            assertEquals("Result", bodyLayers.get(Integer.parseInt(entry.getAttribute("internal_layer_id")))
                    .getAttribute("type"));
        }
        assertEquals(3, children(children(loop, "back_edges").get(0), "edge").size());
    }

    @Test
    void kerasLstmReadsTheSequenceSlicedAndGivesTheLastElement() {
        IrModel model = convert("keras_lstm_small.pb");
        Node loop = single(layers(model, "Loop"));
        SubGraph body = single(loop.subGraphs());
        List<SubGraph.PortMapping> sliced = body.inputs().stream().filter(m -> !m.attributes().isEmpty()).toList();
        assertEquals(1, sliced.size());
        assertEquals("0", sliced.get(0).attributes().get("axis"));
        assertEquals("[1, -1, 2]", sliced.get(0).internal().outputShape(0).toString());
        assertTrue(layers(body.graph(), "Gather").isEmpty(), "the sequence is sliced, not gathered");
        assertTrue(layers(body.graph(), "ScatterUpdate").isEmpty(), "the output list is the last element");
        // the input keeps its dynamic batch and time
        assertEquals("[-1, -1, 2]", model.parameters().get(0).outputShape(0).toString());
    }

    @Test
    void statelessIfHasBothBranchesOnTheSameInputs() {
        Node conditional = single(layers(convert("cond_runtime.pb"), "If"));
        assertEquals("opset8", conditional.opset());
        assertEquals(List.of("then_body", "else_body"), conditional.subGraphs().stream().map(SubGraph::element)
                .toList());
        assertEquals("Greater", conditional.input(0).node().type());
        for (SubGraph branch : conditional.subGraphs()) {
            assertEquals(conditional.inputs().size() - 1, branch.inputs().size());
            assertEquals(1, branch.inputs().get(0).index());
            assertEquals(1, branch.outputs().size());
            assertEquals(null, branch.backEdges());
        }
        // the output [-1, 4] is dynamic: the then-branch gives [1, -1, 4], the else-branch [2, -1, 4] (OpenVINO
        // 2024.6's CPU If copies a result out only after a branch resized the output), element 0 taken after it
        Node then = conditional.subGraphs().get(0).graph().results().get(0).input(0).node();
        assertEquals("Unsqueeze", then.type());
        assertEquals("Multiply", then.input(0).node().type());
        Node otherwise = conditional.subGraphs().get(1).graph().results().get(0).input(0).node();
        assertEquals("Concat", otherwise.type());
        assertEquals("Subtract", otherwise.input(0).node().input(0).node().type());
        assertEquals("[-1, -1, 4]", conditional.outputShape(0).toString());
        Node taken = single(layers(convert("cond_runtime.pb"), "Gather"));
        assertEquals("If", taken.input(0).node().type());
        assertEquals(0L, taken.input(1).constant().longs()[0]);
    }

    @Test
    void aValueALoopCarriesIsItsInitialValueWhenTheLoopRunsNoIteration() {
        // TF1 nested while loops: the inner loop runs no iteration on the outer loop's first; OpenVINO 2024.6's
        // CPU Loop then gives the body's result memory, never computed, so each scalar carried out is selected
        // by the condition checked before the first iteration
        IrModel model = convert("tf1loops/while_nested.pb");
        Node output = model.results().get(0).input(0).node();
        assertEquals("Select", output.type());
        assertEquals("Less", output.input(0).node().type());
        assertEquals("Loop", output.input(1).node().type());
        assertEquals(1L, output.input(2).constant().longs()[0]);
        Node outer = output.input(1).node();
        assertTrue(layers(single(outer.subGraphs()).graph(), "Select").size() >= 1, "the inner loop's too");
    }

    @Test
    void aValueOfChangingShapeALoopCarriesIsChosenWithoutAnIf() {
        // non_max_suppression_padded: in the While over the tiles, the While over the tiles before the current one
        // runs no iteration on the first; the box slice it carries has a dynamic batch. An If choosing between the
        // loop's value and the initial one is wrong in OpenVINO 2026.4's CPU inside a loop body when its branches
        // give different shapes, and in 2024.6's when they do not: both values are joined, and one sliced out
        Node outer = single(layers(convert("nms_padded.pb"), "Loop"));
        IrModel body = single(outer.subGraphs()).graph();
        assertTrue(layers(body, "If").isEmpty(), "no If in the tile loop's body");
        Node inner = layers(body, "Loop").stream().filter(loop -> !loop.input(1).isConstant()).findFirst()
                .orElseThrow();
        List<Node> chosen = new ArrayList<>();
        for (Node reshape : layers(body, "Reshape")) {
            Node slice = reshape.input(0).node();
            if (slice.type().equals("Slice") && slice.input(0).node().type().equals("Concat")
                    && slice.input(0).node().input(0).node().input(0).node() == inner) {
                chosen.add(reshape);
            }
        }
        assertEquals(1, chosen.size(), "the box slice the inner loop carries, chosen by a Slice of both");
    }

    @Test
    void opTypesOnlyInsideALoopBodyAreListedToo() {
        UnsupportedOpsException e = assertThrows(UnsupportedOpsException.class,
                () -> convert("while_unsupported.pb"));
        assertTrue(e.getMessage().startsWith("the model uses 2 op types that convert cannot translate: Igamma "
                + "(node 'while_body_"), e.getMessage());
        assertTrue(e.getMessage().contains("/while/Igamma'), Zeta (node 'Zeta')"), e.getMessage());
    }

    @Test
    void aFunctionMissingFromTheLibraryIsOneLine() throws Exception {
        GraphDef graph = GraphDef.parseFrom(Files.readAllBytes(TestData.repo().resolve(
                "testdata/convert/while_counter.pb")));
        Path model = dir.resolve("no_library.pb");
        Files.write(model, graph.toBuilder().clearLibrary().build().toByteArray());
        TfirException e = assertThrows(TfirException.class, () -> Conversions.convert(model, null));
        assertEquals("StatelessWhile 'while' runs function 'while_body_5', which the graph's library does not have; "
                + "the graph is incomplete", e.getMessage());
    }

    private static <T> T single(List<T> items) {
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(tag)) {
                found.add(element);
            }
        }
        return found;
    }
}
