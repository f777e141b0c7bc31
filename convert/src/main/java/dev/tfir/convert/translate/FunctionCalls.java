package dev.tfir.convert.translate;

import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.model.FunctionGraphs;
import dev.tfir.common.model.FunctionGraphs.FunctionGraph;
import dev.tfir.convert.weights.GraphConstants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * The functions of the graph's library that control-flow ops run (a While's cond and body, an If's branches),
 * translated by the same translators as the graph: each call translates the function's graph
 * ({@link FunctionGraphs}) over the IR values given for its arguments (outer tensors, or a body's Parameters).
 * Function graphs are read once; their tensors get no tensor names (those belong to the model's own tensors).
 */
final class FunctionCalls {
    private final GraphDef library;
    private final TranslatorRegistry table;
    private final Map<String, FunctionGraph> graphs = new HashMap<>();

    FunctionCalls(GraphDef library, TranslatorRegistry table) {
        this.library = library;
        this.table = table;
    }

    /** The function, callable by translators; {@code caller} names the node that runs it, for messages. */
    TfFunction function(String name, String caller) {
        FunctionGraph graph = graph(name, caller);
        return new TfFunction(name, graph.arguments().size(), arguments -> call(graph, arguments));
    }

    private List<TfTensor> call(FunctionGraph function, List<TfTensor> arguments) {
        Boundary boundary = new Boundary(function.results());
        for (int i = 0; i < arguments.size(); i++) {
            boundary.bind(new TensorRef(function.arguments().get(i), 0, false), arguments.get(i));
        }
        return TranslationSession.runFunction(function.graph(), table, new GraphConstants(), boundary, this).outputs();
    }

    /**
     * Adds the nodes of the function (and of the functions its nodes run, transitively) whose op types have no
     * translator, by op type, named {@code <function>/<node>}.
     */
    void collectUnsupported(String name, String caller, Map<String, List<String>> unsupported, Set<String> visited) {
        if (!visited.add(name)) {
            return;
        }
        for (NodeDef node : graph(name, caller).graph().importOrder()) {
            if (!table.supports(node.getOp())) {
                unsupported.computeIfAbsent(node.getOp(), op -> new ArrayList<>()).add(node.getName());
            }
            for (String called : FunctionGraphs.calledBy(node)) {
                collectUnsupported(called, node.getOp() + " '" + node.getName() + "'", unsupported, visited);
            }
        }
    }

    private FunctionGraph graph(String name, String caller) {
        FunctionGraph graph = graphs.get(name);
        if (graph == null) {
            graph = FunctionGraphs.of(library, name, caller);
            graphs.put(name, graph);
        }
        return graph;
    }
}
