package dev.tfir.convert.translate;

import dev.tfir.common.graph.TensorRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where translation starts and stops: the model inputs (a TF tensor, {@code node:port}, or one input edge of a
 * node, {@code port:node}, replaced by an IR value, usually a Parameter with its preprocessing) and the TF tensors
 * that become the model outputs.
 */
public final class Boundary {
    /** One input edge of a node: the node and the index among its data inputs. */
    public record Edge(String node, int input) {}

    private final Map<TensorRef, TfTensor> tensors = new LinkedHashMap<>();
    private final Map<Edge, TfTensor> edges = new LinkedHashMap<>();
    private final List<TensorRef> outputs;

    public Boundary(List<TensorRef> outputs) {
        this.outputs = List.copyOf(outputs);
    }

    /** Feeds the tensor {@code ref} (every reader of it) from {@code value}. */
    public void bind(TensorRef ref, TfTensor value) {
        tensors.put(new TensorRef(ref.node(), ref.port(), false), value);
    }

    /** Feeds one input edge from {@code value}. */
    public void bind(Edge edge, TfTensor value) {
        edges.put(edge, value);
    }

    TfTensor boundTensor(String node, int port) {
        return tensors.get(new TensorRef(node, port, false));
    }

    TfTensor boundEdge(String node, int input) {
        return edges.get(new Edge(node, input));
    }

    Set<TensorRef> fedTensors() {
        return tensors.keySet();
    }

    Set<Edge> fedEdges() {
        return edges.keySet();
    }

    public List<TensorRef> outputs() {
        return outputs;
    }
}
