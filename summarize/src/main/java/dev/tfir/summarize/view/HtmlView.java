package dev.tfir.summarize.view;

import dev.tfir.common.AtomicFiles;
import dev.tfir.common.detect.GraphSummary;
import dev.tfir.common.detect.IoDetector;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.model.LoadedModel;
import dev.tfir.common.model.ModelLoader;
import dev.tfir.common.model.ModelSource;
import dev.tfir.summarize.ir.IrGraphs;
import dev.tfir.summarize.ir.IrModel;
import dev.tfir.summarize.ir.IrReader;
import dev.tfir.summarize.report.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the graph as one self-contained HTML page (no network access when opened): name scopes folded into boxes
 * that open on click, edges between what is shown with their counts, node details on click, search by name or op
 * with the hits highlighted, the detected inputs and outputs marked. Only what is open is laid out, by the
 * vendored dagre layout library (MIT, its licence in the page), so that a 100,000-node graph opens at once.
 */
public final class HtmlView {
    private static final String RESOURCES = "/dev/tfir/summarize/view/";

    private HtmlView() {}

    /** The page's text; {@code open} is a scope to show opened ("" for none). */
    public static String render(TfGraph graph, GraphSummary summary, String title, String open) {
        String[][] parts = {{"/*TITLE*/", escape(title)}, {"/*TITLE*/", escape(title)},
                {"/*DAGRE_LICENSE*/", resource("dagre-LICENSE.txt").replace("--", "- -")},
                {"/*DETAILS*/", ViewData.details(graph).replace("</", "<\\/")},
                {"/*DAGRE*/", resource("dagre-3.1.3.min.js")},
                {"/*DATA*/", ViewData.json(graph, summary, title).replace("</", "<\\/")},
                {"/*OPEN*/", Json.string(open).replace("</", "<\\/")}, {"/*VIEW*/", resource("view.js")}};
        String template = resource("view.html");
        StringBuilder page = new StringBuilder();
        int from = 0;
        for (String[] part : parts) {
            int at = template.indexOf(part[0], from);
            page.append(template, from, at).append(part[1]);
            from = at + part[0].length();
        }
        return page.append(template.substring(from)).toString();
    }

    /**
     * Writes the page of the model the command line names, atomically: a TensorFlow graph as stored (every node,
     * the detected inputs and outputs marked), or an OpenVINO IR's layers. Returns the number of nodes.
     */
    public static int writeModel(ModelSource source, Path file) {
        TfGraph graph;
        GraphSummary summary;
        if (source.inputModel() != null && IrReader.looksLikeIr(source.inputModel())) {
            IrModel ir = IrReader.read(source.inputModel());
            graph = IrGraphs.loaded(ir).graph();
            summary = IrGraphs.summary(ir, graph);
        } else {
            LoadedModel model = ModelLoader.load(source);
            graph = new TfGraph(model.stored(), String.valueOf(source.mainPath()));
            summary = IoDetector.summarize(model.graph());
        }
        write(graph, summary, String.valueOf(source.mainPath().getFileName()), "", file);
        return graph.size();
    }

    /** Writes the page atomically. */
    public static void write(TfGraph graph, GraphSummary summary, String title, String open, Path file) {
        String page = render(graph, summary, title, open);
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(Map.of(file, AtomicFiles.stream(out -> out.write(bytes))));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlView.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
