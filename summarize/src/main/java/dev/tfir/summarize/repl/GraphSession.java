package dev.tfir.summarize.repl;

import dev.tfir.common.detect.GraphSummary;
import dev.tfir.common.detect.IoDetector;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.infer.ShapeInference;
import dev.tfir.common.model.LoadedModel;
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
    private final LoadedModel model;
    private final TfGraph graph;
    private final GraphSummary summary;
    private final String[] sortedNames;
    private final NavigableSet<String> opTypes = new TreeSet<>();
    private final NavigableSet<String> scopes = new TreeSet<>();
    private Cut cut;
    private ShapeInference inference;

    GraphSession(LoadedModel model, String origin) {
        this.model = model;
        this.graph = model.stored() == model.graph().graphDef() ? model.graph() : new TfGraph(model.stored(), origin);
        this.summary = IoDetector.summarize(model.graph());
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

    LoadedModel model() {
        return model;
    }

    TfGraph graph() {
        return graph;
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
        int from = Arrays.binarySearch(sortedNames, prefix);
        if (from < 0) {
            from = -from - 1;
        }
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

    /** The last subgraph chosen with 'cut', or null. */
    Cut cut() {
        return cut;
    }

    void setCut(Cut cut) {
        this.cut = cut;
    }

    NavigableSet<String> opTypes() {
        return opTypes;
    }

    NavigableSet<String> scopes() {
        return scopes;
    }
}
