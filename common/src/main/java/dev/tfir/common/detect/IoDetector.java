package dev.tfir.common.detect;

import dev.tfir.common.TfirException;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.types.PartialShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.NodeDef;

/**
 * Finds a graph's inputs and outputs the way OpenVINO's {@code summarize_graph.py} does, so that names match
 * what users of Model Optimizer already know:
 * <ul>
 *   <li>inputs are the {@code Placeholder} nodes ({@code PlaceholderWithDefault} has a value and is not one);
 *   <li>outputs are the nodes whose outputs nobody reads (control edges do not count), except op types that
 *       are unlikely outputs, also recognised by the last component of the node name;
 *   <li>both in the order TensorFlow's importer creates the nodes.
 * </ul>
 */
public final class IoDetector {
    /** summarize_graph.py's {@code unlikely_output_types}, matched against the op type and the name's tail. */
    public static final Set<String> UNLIKELY_OUTPUT_TYPES = Set.of("Const", "Assign", "NoOp", "Parameter", "Assert");

    private IoDetector() {}

    public static GraphSummary summarize(TfGraph graph) {
        List<InputInfo> inputs = new ArrayList<>();
        List<NodeDef> outputs = new ArrayList<>();
        for (NodeDef node : graph.importOrder()) {
            if (node.getOp().equals("Placeholder")) {
                AttrValue dtype = node.getAttrOrDefault("dtype", null);
                if (dtype == null) {
                    throw new TfirException("Placeholder '" + node.getName()
                            + "' has no 'dtype' attribute; the graph is malformed");
                }
                inputs.add(new InputInfo(node.getName(), dtype.getType(), declaredShape(node)));
            }
            if (graph.dataConsumers(graph.indexOf(node.getName())).isEmpty() && isLikelyOutput(node)) {
                outputs.add(node);
            }
        }
        return new GraphSummary(List.copyOf(inputs), List.copyOf(outputs));
    }

    static boolean isLikelyOutput(NodeDef node) {
        String name = node.getName();
        String tail = name.substring(name.lastIndexOf('/') + 1);
        return !UNLIKELY_OUTPUT_TYPES.contains(node.getOp()) && !UNLIKELY_OUTPUT_TYPES.contains(tail);
    }

    /** A Placeholder's {@code shape} attribute; absent means unknown rank (the op's default). */
    public static PartialShape declaredShape(NodeDef node) {
        AttrValue shape = node.getAttrOrDefault("shape", null);
        return shape == null ? PartialShape.unknownRank() : PartialShape.fromProto(shape.getShape());
    }
}
