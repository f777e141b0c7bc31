package dev.tfir.convert.pipeline;

import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.infer.ShapeInference;
import dev.tfir.common.infer.TensorType;

/** The inferred dtypes and shapes of a graph's tensors (common's shape inference), inferred on first need. */
final class GraphTypes {
    private final TfGraph graph;
    private ShapeInference inference;

    GraphTypes(TfGraph graph) {
        this.graph = graph;
    }

    TensorType of(TensorRef tensor) {
        return inference().output(tensor.node(), tensor.port());
    }

    ShapeInference inference() {
        if (inference == null) {
            inference = ShapeInference.of(graph);
        }
        return inference;
    }
}
