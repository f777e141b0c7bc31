package dev.tfir.convert.pipeline;

import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.translate.Boundary;
import java.util.List;

/**
 * One model input, resolved against the graph: where it feeds the graph (a tensor, or one input edge), the names
 * users find it by, its element type and final shape, and a frozen value (mo's {@code ->value}) if it has one.
 *
 * @param name        the name as the user gave it or the detector found it (node name for port 0)
 * @param tensor      the tensor it replaces, or null for an edge
 * @param edge        the input edge it feeds, or null for a tensor
 * @param type        the element type
 * @param shape       the shape (batch and --input_shape applied)
 * @param frozenValue the elements of a frozen value as text, or null for a Parameter
 */
public record ModelInput(String name, TensorRef tensor, Boundary.Edge edge, ElementType type, PartialShape shape,
                         List<String> frozenValue) {

    /** The tensor names of the Parameter: the node name and node:port for a tensor, the given name for an edge. */
    public List<String> tensorNames() {
        if (tensor == null) {
            return List.of(name);
        }
        String withPort = tensor.node() + ":" + tensor.port();
        return tensor.port() == 0 ? List.of(tensor.node(), withPort) : List.of(withPort);
    }

    /** True when {@code given} names this input (as a node, tensor or the given name). */
    public boolean isNamed(String given) {
        return given.equals(name) || tensorNames().contains(given);
    }
}
