package dev.tfir.convert.pipeline;

import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.translate.Boundary;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tensorflow.proto.NodeDef;

/**
 * Places in the graph as mo's {@code --input} and {@code --output} name them: {@code node} (its output 0),
 * {@code node:port} (an output) or {@code port:node} (an input of the node).
 */
final class GraphPlaces {
    private static final Pattern OUTPUT_PORT = Pattern.compile("(.+):(\\d+)");
    private static final Pattern INPUT_PORT = Pattern.compile("(\\d+):(.+)");

    /** A place: an output tensor, or a node's data input (edge). Exactly one is set. */
    record Place(TensorRef tensor, Boundary.Edge edge) {}

    private GraphPlaces() {}

    static Place find(TfGraph graph, String name, String option) {
        if (graph.indexOf(name) >= 0) {
            return new Place(new TensorRef(name, 0, false), null);
        }
        Matcher output = OUTPUT_PORT.matcher(name);
        if (output.matches() && graph.indexOf(output.group(1)) >= 0) {
            return new Place(new TensorRef(output.group(1), Integer.parseInt(output.group(2)), false), null);
        }
        Matcher input = INPUT_PORT.matcher(name);
        if (input.matches() && graph.indexOf(input.group(2)) >= 0) {
            int port = Integer.parseInt(input.group(1));
            dataInput(graph, input.group(2), port, option);
            return new Place(null, new Boundary.Edge(input.group(2), port));
        }
        throw new ConversionException(option + " names '" + name + "', but the graph has no such node (give a node "
                + "name, node:output_port or input_port:node)");
    }

    /** The tensor a place stands for: itself, or what feeds the edge. */
    static TensorRef tensorOf(TfGraph graph, Place place) {
        return place.tensor() != null ? place.tensor()
                : dataInput(graph, place.edge().node(), place.edge().input(), "--input");
    }

    /** The tensor feeding data input {@code port} of {@code node}. */
    private static TensorRef dataInput(TfGraph graph, String node, int port, String option) {
        NodeDef def = graph.node(graph.indexOf(node));
        int data = 0;
        for (String input : def.getInputList()) {
            TensorRef ref = TensorRef.parse(input);
            if (!ref.control() && data++ == port) {
                return ref;
            }
        }
        throw new ConversionException(option + " names input " + port + " of '" + node + "', which has " + data
                + " data inputs");
    }
}
