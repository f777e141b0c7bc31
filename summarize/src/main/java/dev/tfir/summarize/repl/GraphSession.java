package dev.tfir.summarize.repl;

import dev.tfir.common.detect.GraphSummary;
import dev.tfir.common.detect.IoDetector;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.infer.ShapeInference;
import dev.tfir.common.model.LoadedModel;
import dev.tfir.common.model.ModelSource;
import dev.tfir.convert.translate.Boundary;
import dev.tfir.convert.translate.ConditionalFlow;
import dev.tfir.summarize.ir.IrGraphs;
import dev.tfir.summarize.ir.IrModel;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.tensorflow.proto.NodeDef;

/**
 * The model a REPL explores: the graph as stored (every node, for browsing), the inputs and outputs Model
 * Optimizer would see, and sorted name indexes for completion.
 */
final class GraphSession {
    private final ModelSource source;
    private final LoadedModel model;
    private final TfGraph graph;
    private final GraphSummary summary;
    private final String[] sortedNames;
    private final NavigableSet<String> opTypes = new TreeSet<>();
    private final NavigableSet<String> scopes = new TreeSet<>();
    private final FunctionBodies functions;
    private Cut cut;
    private IrModel ir;
    private ShapeInference inference;
    private ConditionalFlow conditionals;
    private WhileFrames frames;

    GraphSession(ModelSource source, LoadedModel model) {
        this(source, model, IoDetector.summarize(model.graph()));
    }

    /** A session on an OpenVINO IR: its layers as nodes, its Parameters and Results as inputs and outputs. */
    GraphSession(ModelSource source, IrModel ir) {
        this(source, IrGraphs.loaded(ir), ir);
    }

    private GraphSession(ModelSource source, LoadedModel loaded, IrModel ir) {
        this(source, loaded, IrGraphs.summary(ir, loaded.graph()));
        this.ir = ir;
    }

    private GraphSession(ModelSource source, LoadedModel model, GraphSummary summary) {
        String origin = String.valueOf(source.mainPath());
        this.source = source;
        this.model = model;
        this.graph = model.stored() == model.graph().graphDef() ? model.graph() : new TfGraph(model.stored(), origin);
        this.summary = summary;
        this.functions = new FunctionBodies(graph.graphDef());
        this.sortedNames = new String[graph.size()];
        for (int i = 0; i < graph.size(); i++) {
            NodeDef node = graph.node(i);
            sortedNames[i] = node.getName();
            opTypes.add(node.getOp());
            for (int slash = node.getName().indexOf('/'); slash > 0; slash = node.getName().indexOf('/', slash + 1)) {
                scopes.add(node.getName().substring(0, slash + 1));
            }
        }
        Arrays.sort(sortedNames);
    }

    /** The OpenVINO IR explored, or null for a TensorFlow model. */
    IrModel ir() {
        return ir;
    }

    /** How the model was opened, for running the converter on it. */
    ModelSource source() {
        return source;
    }

    LoadedModel model() {
        return model;
    }

    TfGraph graph() {
        return graph;
    }

    /** The functions of the graph's library, walked into as scopes. */
    FunctionBodies functions() {
        return functions;
    }

    GraphSummary summary() {
        return summary;
    }

    /** The node named {@code name}, or a ShellException naming the closest names. */
    int require(String name) {
        int index = graph.indexOf(name);
        if (index < 0) {
            List<String> near = namesStartingWith(name.substring(0, Math.max(0, name.length() - 3)), 3);
            throw new ShellException("no node named '" + name + "'"
                    + (near.isEmpty() ? "; 'find' searches names" : "; did you mean " + String.join(", ", near) + "?"));
        }
        return index;
    }

    /** Up to {@code limit} node names starting with {@code prefix}, in sorted order (binary search). */
    List<String> namesStartingWith(String prefix, int limit) {
        int from = lowerBound(prefix);
        int to = from;
        while (to < sortedNames.length && to - from < limit && sortedNames[to].startsWith(prefix)) {
            to++;
        }
        return Arrays.asList(sortedNames).subList(from, to);
    }

    /** Static dtypes and shapes of the explored graph, inferred on first use. */
    ShapeInference inference() {
        if (inference == null) {
            inference = ShapeInference.of(graph);
        }
        return inference;
    }

    /** The graph's TF1 conditionals as convert resolves them with no input fed, worked out on first use. */
    ConditionalFlow conditionals() {
        if (conditionals == null) {
            conditionals = ConditionalFlow.of(graph, new Boundary(List.of()));
        }
        return conditionals;
    }

    /** The TF1 while-loop frames of the graph's nodes, worked out on first use. */
    WhileFrames frames() {
        if (frames == null) {
            frames = new WhileFrames(graph);
        }
        return frames;
    }

    /** The last subgraph chosen with 'cut', or null. */
    Cut cut() {
        return cut;
    }

    void setCut(Cut cut) {
        this.cut = cut;
    }

    /**
     * Completions of a node-name prefix, one scope level at a time: a name, or a scope ending in '/' standing for
     * all names under it. Each scope costs one binary search, so a level of a 100k-node graph is listed at once.
     */
    List<String> completions(String prefix, int limit) {
        List<String> offered = new java.util.ArrayList<>();
        int at = lowerBound(prefix);
        while (at < sortedNames.length && offered.size() < limit && sortedNames[at].startsWith(prefix)) {
            String name = sortedNames[at];
            int slash = name.indexOf('/', prefix.length());
            if (slash < 0) {
                offered.add(name);
                at++;
            } else {
                String scope = name.substring(0, slash + 1);
                offered.add(scope);
                at = lowerBound(name.substring(0, slash) + (char) ('/' + 1));
            }
        }
        return offered;
    }

    private int lowerBound(String key) {
        int found = Arrays.binarySearch(sortedNames, key);
        return found < 0 ? -found - 1 : found;
    }

    NavigableSet<String> opTypes() {
        return opTypes;
    }

    NavigableSet<String> scopes() {
        return scopes;
    }
}
