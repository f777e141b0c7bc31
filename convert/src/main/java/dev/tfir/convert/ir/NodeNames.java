package dev.tfir.convert.ir;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Completes the friendly names of a model's layers: names already given are kept (made unique with {@code _1},
 * {@code _2}... where two nodes share one), and every unnamed node is named after its first consumer:
 * {@code consumer/Type}, e.g. a convolution's weights {@code conv1/Const}.
 */
public final class NodeNames {
    private NodeNames() {}

    public static void complete(IrModel model) {
        List<Node> order = model.orderedNodes();
        Map<Node, Node> firstConsumer = new HashMap<>();
        for (Node node : order) {
            for (Output input : node.inputs()) {
                firstConsumer.putIfAbsent(input.node(), node);
            }
        }
        Set<String> used = new HashSet<>();
        for (Node node : order) {
            if (node.name() != null) {
                node.setName(unique(node.name(), used));
            }
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            Node node = order.get(i);
            if (node.name() == null) {
                Node consumer = firstConsumer.get(node);
                node.setName(unique(consumer == null ? node.type() : consumer.name() + "/" + node.type(), used));
            }
        }
    }

    private static String unique(String base, Set<String> used) {
        String name = base;
        for (int n = 1; !used.add(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }
}
