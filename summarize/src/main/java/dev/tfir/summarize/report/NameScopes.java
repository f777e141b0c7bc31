package dev.tfir.summarize.report;

import dev.tfir.common.model.LoadedModel;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.NodeDef;

/**
 * The name scopes of a model's nodes, two levels deep: each top scope ({@code resnet50} of
 * {@code resnet50/conv1_bn/FusedBatchNormV3}) with the names directly under it ({@code conv1_bn}), from the graph as
 * loaded, the graph as stored and every function of its library. The library matters for TF2 SavedModels: their
 * graph holds only variables and calls, and the node names of the model (a Keras model's {@code resnet50/...}) are
 * those of the functions' bodies.
 */
final class NameScopes {
    private final Map<String, Set<String>> children = new HashMap<>();

    private NameScopes() {}

    static NameScopes of(LoadedModel model) {
        NameScopes scopes = new NameScopes();
        model.graph().nodes().forEach(node -> scopes.add(node.getName()));
        model.stored().getNodeList().forEach(node -> scopes.add(node.getName()));
        for (FunctionDef function : model.stored().getLibrary().getFunctionList()) {
            for (NodeDef node : function.getNodeDefList()) {
                scopes.add(node.getName());
            }
        }
        return scopes;
    }

    private void add(String name) {
        int slash = name.indexOf('/');
        if (slash > 0) {
            int next = name.indexOf('/', slash + 1);
            children.computeIfAbsent(name.substring(0, slash), top -> new TreeSet<>())
                    .add(next < 0 ? name.substring(slash + 1) : name.substring(slash + 1, next));
        }
    }

    /** The top scopes, sorted. */
    Set<String> top() {
        return new TreeSet<>(children.keySet());
    }

    /** The names directly under a top scope (empty when it is none). */
    Set<String> under(String top) {
        return children.getOrDefault(top, Set.of());
    }
}
