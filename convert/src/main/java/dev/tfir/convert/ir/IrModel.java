package dev.tfir.convert.ir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An OpenVINO model: its Parameters (inputs) and Results (outputs) in order, everything between reachable from the
 * Results, and the model's {@code <rt_info>}: entries whose values are strings or nested maps of entries.
 */
public record IrModel(String name, List<Node> parameters, List<Node> results, Map<String, Object> runtimeInfo) {

    public IrModel {
        parameters = List.copyOf(parameters);
        results = List.copyOf(results);
        runtimeInfo = new LinkedHashMap<>(runtimeInfo);
    }

    /**
     * Every node the Results need, in a topological order: the Parameters first (in order), then the others in
     * the order a depth-first walk from the Results (in order, inputs in order) finishes them, the Results last.
     */
    public List<Node> orderedNodes() {
        List<Node> order = new ArrayList<>(parameters);
        Set<Node> done = new HashSet<>(parameters);
        for (Node result : results) {
            for (Output input : result.inputs()) {
                visit(input.node(), done, order);
            }
        }
        order.addAll(results);
        return order;
    }

    /** This graph and the bodies of its Loops and Ifs, theirs too, depth first. */
    public List<IrModel> graphs() {
        List<IrModel> graphs = new ArrayList<>();
        graphs.add(this);
        for (int i = 0; i < graphs.size(); i++) {
            for (Node node : graphs.get(i).orderedNodes()) {
                node.subGraphs().forEach(body -> graphs.add(body.graph()));
            }
        }
        return graphs;
    }

    private static void visit(Node start, Set<Node> done, List<Node> order) {
        PostOrder.walk(start, done, input -> false, input -> { }, order::add);
    }
}
