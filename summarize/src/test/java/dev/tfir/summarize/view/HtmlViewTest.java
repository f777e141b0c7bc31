package dev.tfir.summarize.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.detect.IoDetector;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.model.ModelLoader;
import dev.tfir.common.testing.TestData;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * The page of the TF-Slim small inference graph: self-contained (the layout library and its licence inside, nothing
 * loaded from outside), its data the graph's (every node, every data edge, inputs and outputs marked). The page in a
 * real browser: conformance/view/run.py.
 */
class HtmlViewTest {
    @Test
    void thePageHoldsTheGraphAndNeedsNothingOutside() {
        GraphDef stored = ModelLoader.readGraphDef(TestData.model("small_inference_graph.pb"), false);
        TfGraph graph = new TfGraph(stored, "small");
        List<String> outputs = IoDetector.summarize(graph).outputNames();
        String page = HtmlView.render(graph, IoDetector.summarize(graph), "small <graph>", "SmallNet/conv1");
        assertTrue(page.contains("<title>small &lt;graph&gt; - tfir graph view</title>"));
        assertTrue(page.contains("Permission is hereby granted, free of charge"), "dagre's licence");
        assertFalse(Pattern.compile("<script[^>]*src=|<link|<img|https?://[^\\s\"']*\\.(js|css)").matcher(page).find());
        assertEquals(stored.getNodeCount(), array(page, "names").length);
        long dataEdges = stored.getNodeList().stream().flatMap(n -> n.getInputList().stream())
                .filter(input -> !input.startsWith("^")).count();
        assertEquals(2 * dataEdges, array(page, "edges").length);
        String[] marks = array(page, "flags");
        for (int i = 0; i < stored.getNodeCount(); i++) {
            NodeDef node = stored.getNode(i);
            int expected = (node.getOp().equals("Placeholder") ? 1 : 0) | (outputs.contains(node.getName()) ? 2 : 0);
            assertEquals(expected, Integer.parseInt(marks[i].trim()), node.getName());
        }
        assertTrue(page.contains("const OPEN = \"SmallNet/conv1\";"));
        assertTrue(page.contains("\"SmallNet/conv1/weights\\nop: VariableV2\\n"), "details");
    }

    private static String[] array(String page, String name) {
        Matcher m = Pattern.compile("\"" + name + "\": \\[([^\\]]*)]").matcher(page);
        assertTrue(m.find(), name);
        return m.group(1).split(",");
    }
}
