package dev.tfir.common.model;

import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.graph.TfGraph;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * The graph structure TensorFlow's {@code convert_variables_to_constants} produces from an inference graph: only
 * what the outputs need (data and control ancestors, in file order, as {@code extract_sub_graph} keeps them),
 * with variable ops turned into constants and resource reads into identities.
 */
public final class Freezing {
    private static final Map<String, String> FROZEN_OP = Map.of(
            "VariableV2", "Const", "Variable", "Const", "VarHandleOp", "Const", "ReadVariableOp", "Identity");

    private Freezing() {}

    /** Keeps the ancestors of {@code outputs} (and the outputs), in the graph's file order. */
    public static GraphDef extractSubgraph(TfGraph graph, Collection<String> outputs) {
        boolean[] keep = new boolean[graph.size()];
        Deque<Integer> work = new ArrayDeque<>();
        for (String output : outputs) {
            int index = graph.indexOf(TensorRef.parse(output).node());
            if (index >= 0 && !keep[index]) {
                keep[index] = true;
                work.add(index);
            }
        }
        while (!work.isEmpty()) {
            for (int producer : graph.producers(work.poll())) {
                if (!keep[producer]) {
                    keep[producer] = true;
                    work.add(producer);
                }
            }
        }
        GraphDef.Builder pruned = graph.graphDef().toBuilder().clearNode();
        for (int i = 0; i < graph.size(); i++) {
            if (keep[i]) {
                pruned.addNode(graph.node(i));
            }
        }
        return pruned.build();
    }

    /** The frozen structure: {@link #extractSubgraph} with variables as constants (values come separately). */
    public static GraphDef freezeStructure(TfGraph graph, Collection<String> outputs) {
        GraphDef pruned = extractSubgraph(graph, outputs);
        GraphDef.Builder frozen = pruned.toBuilder();
        for (NodeDef.Builder node : frozen.getNodeBuilderList()) {
            String op = FROZEN_OP.get(node.getOp());
            if (op != null) {
                node.setOp(op);
                if (op.equals("Identity")) {
                    node.putAttr("T", node.getAttrOrDefault("dtype", AttrValue.getDefaultInstance()));
                }
            }
        }
        return frozen.build();
    }
}
