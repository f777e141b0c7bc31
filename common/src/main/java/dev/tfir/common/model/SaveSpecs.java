package dev.tfir.common.model;

import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.graph.TfGraph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.NodeDef;

/**
 * What a graph's save subgraph writes: for each variable it saves, the checkpoint key ({@code tensor_names}) and,
 * for a partition, its block of the full tensor ({@code shape_and_slices}, e.g. {@code "10 3 0,5:-"}: full shape
 * 10x3, rows 0..4, all columns).
 */
final class SaveSpecs {
    private SaveSpecs() {}

    /** Variable node name to its checkpoint target; empty when the graph has no save ops with constant names. */
    static Map<String, CheckpointBinding.Target> read(TfGraph graph) {
        Map<String, CheckpointBinding.Target> targets = new HashMap<>();
        for (NodeDef node : graph.nodes()) {
            int first = switch (node.getOp()) {
                case "SaveV2", "SaveSlices" -> 3;
                case "Save" -> 2;
                default -> -1;
            };
            if (first < 0 || node.getInputCount() < first) {
                continue;
            }
            List<String> names = strings(graph, node.getInput(1));
            List<String> specs = first == 3 ? strings(graph, node.getInput(2)) : List.of();
            for (int i = 0; names != null && i < names.size() && first + i < node.getInputCount(); i++) {
                NodeDef variable = CheckpointBinding.variableBehind(graph, node.getInput(first + i));
                if (variable != null) {
                    String spec = specs != null && i < specs.size() ? specs.get(i) : "";
                    targets.putIfAbsent(variable.getName(), target(names.get(i), spec));
                }
            }
        }
        return targets;
    }

    /** The target of one saved tensor; a malformed spec is taken as the whole tensor (the key still binds). */
    static CheckpointBinding.Target target(String key, String spec) {
        String[] tokens = spec.trim().split(" +");
        if (spec.isBlank() || tokens.length < 2) {
            return new CheckpointBinding.Target(key, null, null);
        }
        String[] extents = tokens[tokens.length - 1].split(":");
        int rank = tokens.length - 1;
        if (extents.length != rank) {
            return new CheckpointBinding.Target(key, null, null);
        }
        long[] start = new long[rank];
        long[] shape = new long[rank];
        try {
            for (int d = 0; d < rank; d++) {
                long full = Long.parseLong(tokens[d]);
                if (extents[d].equals("-")) {
                    shape[d] = full;
                } else {
                    String[] startLength = extents[d].split(",");
                    start[d] = Long.parseLong(startLength[0]);
                    shape[d] = Long.parseLong(startLength[1]);
                }
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return new CheckpointBinding.Target(key, null, null);
        }
        return new CheckpointBinding.Target(key, start, shape);
    }

    /** The strings of a Const input, or null when the input is not a string Const. */
    private static List<String> strings(TfGraph graph, String input) {
        int index = graph.indexOf(TensorRef.parse(input).node());
        if (index < 0 || !graph.node(index).getOp().equals("Const")
                || !graph.node(index).containsAttr("value")) {
            return null;
        }
        return graph.node(index).getAttrOrThrow("value").getTensor().getStringValList().stream()
                .map(s -> s.toStringUtf8()).toList();
    }
}
