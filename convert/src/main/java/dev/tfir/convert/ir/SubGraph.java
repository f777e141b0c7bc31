package dev.tfir.convert.ir;

import java.util.List;
import java.util.Map;

/**
 * A sub-network of a Loop ({@code <body>}) or an If ({@code <then_body>}, {@code <else_body>}), with the port map
 * that ties the node's ports to the body's Parameters and Results, as OpenVINO's IR spec defines them (Loop-5,
 * If-8).
 *
 * @param element   the body's element: {@code body}, {@code then_body} or {@code else_body}
 * @param portMap   the port map's element: {@code port_map}, {@code then_port_map} or {@code else_port_map}
 * @param graph     the body: its Parameters and Results
 * @param inputs    the node's inputs that feed a body Parameter
 * @param outputs   the node's outputs that a body Result gives (and, for a Loop, the execution condition)
 * @param backEdges for a Loop: the Results whose value a Parameter takes in the next iteration; null for an If
 */
public record SubGraph(String element, String portMap, IrModel graph, List<PortMapping> inputs,
                       List<PortMapping> outputs, List<BackEdge> backEdges) {

    /**
     * One entry of a port map: the node's input or output index (-1 for a Loop's special ports), the body's
     * Parameter or Result, and further attributes in order ({@code axis}, {@code start}, ... of a sliced input
     * or concatenated output; {@code purpose} of a special port).
     */
    public record PortMapping(int index, Node internal, Map<String, String> attributes) {}

    /** A Loop's back edge: the body Result whose value the Parameter takes in the next iteration. */
    public record BackEdge(Node from, Node to) {}

    public SubGraph {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        backEdges = backEdges == null ? null : List.copyOf(backEdges);
    }
}
