package dev.tfir.convert.ir;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Completes the friendly names of a model's layers: names already given are kept (made unique with {@code _1},
 * {@code _2}... where two nodes share one), and every unnamed node is named after the given name its first
 * consumers lead to: {@code name/Type}, e.g. a convolution's weights {@code conv1/Const}, and the weights' FP16
 * decompression {@code conv1/Convert}. Names do not grow along chains of unnamed nodes (an AddN of 200,000 inputs
 * is a chain of Adds: {@code sum/Add}, {@code sum/Add_1}...), and making them unique counts on from the last
 * suffix of each name, so naming stays linear in the model's size.
 */
public final class NodeNames {
    private NodeNames() {}

    /** Names the layers of the model and of its bodies (one set of names for all). */
    public static void complete(IrModel model) {
        Names names = new Names();
        model.graphs().forEach(graph -> complete(graph, names));
    }

    private static void complete(IrModel model, Names names) {
        List<Node> order = model.orderedNodes();
        Map<Node, Node> firstConsumer = new HashMap<>();
        for (Node node : order) {
            for (Output input : node.inputs()) {
                firstConsumer.putIfAbsent(input.node(), node);
            }
        }
        Map<Node, String> stems = new HashMap<>();
        for (Node node : order) {
            if (node.name() != null) {
                node.setName(names.unique(node.name()));
                stems.put(node, node.name());
            }
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            Node node = order.get(i);
            if (node.name() == null) {
                String stem = stems.get(firstConsumer.get(node));
                stems.put(node, stem);
                node.setName(names.unique(stem == null ? node.type() : stem + "/" + node.type()));
            }
        }
    }

    /** The names taken, and for each base name the suffix to try next. */
    private static final class Names {
        private final Set<String> used = new HashSet<>();
        private final Map<String, Integer> nextSuffix = new HashMap<>();

        String unique(String base) {
            if (used.add(base)) {
                return base;
            }
            int n = nextSuffix.getOrDefault(base, 1);
            while (!used.add(base + "_" + n)) {
                n++;
            }
            nextSuffix.put(base, n + 1);
            return base + "_" + n;
        }
    }
}
