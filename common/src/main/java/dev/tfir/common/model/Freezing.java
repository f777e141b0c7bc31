package dev.tfir.common.model;

import dev.tfir.common.detect.GraphSummary;
import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.graph.TfGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * The graph structure TensorFlow's {@code convert_variables_to_constants} produces from an inference graph: only
 * what the outputs need (data and control ancestors, in file order, as {@code extract_sub_graph} keeps them),
 * with variable ops turned into constants and resource reads into identities. {@link FrozenGraphs} gives the
 * constants their values.
 */
public final class Freezing {
    private static final Map<String, String> FROZEN_OP = Map.of(
            "VariableV2", "Const", "Variable", "Const", "VarHandleOp", "Const", "ReadVariableOp", "Identity");

    /** TensorFlow's {@code _Intermediate} ops: they pass a variable's value on unchanged. */
    private static final Set<String> PASS_THROUGH_OPS = Set.of("Enter", "Exit", "Identity", "NextIteration",
            "Switch", "_SwitchN");

    /** Ops that read or set a variable's state, which a frozen graph has no use for. */
    private static final Set<String> VARIABLE_STATE_OPS = Set.of("VarIsInitializedOp", "IsVariableInitialized",
            "AssignVariableOp", "AssignAddVariableOp", "AssignSubVariableOp");

    /** A Saver's ops: outputs that need them belong to saving and restoring, not to the model. */
    private static final Set<String> SAVER_OPS = Set.of("SaveV2", "Save", "SaveSlices", "RestoreV2", "Restore",
            "RestoreSlice", "MergeV2Checkpoints");

    private Freezing() {}

    /**
     * The detected outputs worth freezing: those that produce a value ({@link GraphSummary#valueOutputs()}), not
     * variable-state ops (initialisation checks, assignments), and not what a Saver's save or restore ops feed.
     */
    public static List<String> modelOutputs(TfGraph graph, GraphSummary summary) {
        boolean[] saver = new boolean[graph.size()];
        for (int i = 0; i < graph.size(); i++) {
            saver[i] = SAVER_OPS.contains(graph.node(i).getOp());
        }
        List<String> outputs = new ArrayList<>();
        for (NodeDef output : summary.valueOutputs()) {
            if (!VARIABLE_STATE_OPS.contains(output.getOp())
                    && !needsAny(graph, graph.indexOf(output.getName()), saver)) {
                outputs.add(output.getName());
            }
        }
        return outputs;
    }

    /** True when node {@code root} or one of its ancestors (data or control) is marked. */
    private static boolean needsAny(TfGraph graph, int root, boolean[] marked) {
        boolean[] seen = new boolean[graph.size()];
        Deque<Integer> work = new ArrayDeque<>(List.of(root));
        seen[root] = true;
        while (!work.isEmpty()) {
            int node = work.poll();
            if (marked[node]) {
                return true;
            }
            for (int producer : graph.producers(node)) {
                if (!seen[producer]) {
                    seen[producer] = true;
                    work.add(producer);
                }
            }
        }
        return false;
    }

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

    /**
     * The frozen structure: {@link #extractSubgraph} with variables as Consts that keep the variable's attributes
     * ({@code dtype}, {@code shape}) but hold no {@code value} yet, and each ReadVariableOp an Identity.
     */
    public static GraphDef freezeStructure(TfGraph graph, Collection<String> outputs) {
        GraphDef pruned = extractSubgraph(graph, outputs);
        GraphDef.Builder frozen = pruned.toBuilder();
        for (NodeDef.Builder node : frozen.getNodeBuilderList()) {
            String op = FROZEN_OP.get(node.getOp());
            if (op == null) {
                continue;
            }
            if (op.equals("Identity")) {
                // as TensorFlow's _ReadVariable: the handle input, T and _class only
                NodeDef read = node.build();
                node.clear().setName(read.getName()).setOp(op).addInput(read.getInput(0))
                        .putAttr("T", read.getAttrOrDefault("dtype", AttrValue.getDefaultInstance()));
                if (read.containsAttr("_class")) {
                    node.putAttr("_class", read.getAttrOrThrow("_class"));
                }
            } else {
                node.setOp(op);
            }
        }
        forgetPassedOnShapes(new TfGraph(pruned, graph.toString()), frozen);
        return frozen.build();
    }

    /**
     * As TensorFlow's {@code _Intermediate}: the Identity-like nodes a variable's value flows through (directly or
     * through others of them) lose their {@code _output_shapes}.
     */
    private static void forgetPassedOnShapes(TfGraph pruned, GraphDef.Builder frozen) {
        Deque<Integer> work = new ArrayDeque<>();
        for (int i = 0; i < pruned.size(); i++) {
            if (CheckpointBinding.VARIABLE_OPS.contains(pruned.node(i).getOp())) {
                work.add(i);
            }
        }
        boolean[] seen = new boolean[pruned.size()];
        while (!work.isEmpty()) {
            for (int consumer : pruned.dataConsumers(work.poll())) {
                if (!seen[consumer] && PASS_THROUGH_OPS.contains(pruned.node(consumer).getOp())) {
                    seen[consumer] = true;
                    frozen.getNodeBuilder(consumer).removeAttr("_output_shapes");
                    work.add(consumer);
                }
            }
        }
    }
}
