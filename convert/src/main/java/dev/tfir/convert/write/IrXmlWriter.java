package dev.tfir.convert.write;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.IrModel;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ir.SubGraph;
import java.io.IOException;
import java.io.Writer;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes an {@link IrModel} as OpenVINO IR v11 XML, as OpenVINO's serializer lays it out: layers (with
 * {@code <data>}, {@code <rt_info>}, input and output ports with precision, tensor names and dims), then the edges,
 * then the model's {@code <rt_info>}. Port ids count the inputs first, then the outputs. A Loop's or an If's
 * bodies are written inside its layer, after its port maps, back edges and ports, as networks of their own (layer
 * ids counted from 0 in each), one tab further in.
 */
final class IrXmlWriter {
    private final Writer out;
    private final BinLayout bin;
    private final String indent;

    IrXmlWriter(Writer out, BinLayout bin) {
        this(out, bin, "");
    }

    private IrXmlWriter(Writer out, BinLayout bin, String indent) {
        this.out = out;
        this.bin = bin;
        this.indent = indent;
    }

    void write(IrModel model) throws IOException {
        out.write("<?xml version=\"1.0\"?>\n");
        out.write("<net name=\"" + XmlText.escape(model.name()) + "\" version=\"11\">\n");
        network(model);
        runtimeInfo(model.runtimeInfo(), "\t", "rt_info");
        out.write("</net>\n");
    }

    /** The layers and edges of a network, with the layer ids it gets. */
    private void network(IrModel model) throws IOException {
        List<Node> nodes = model.orderedNodes();
        Map<Node, Integer> ids = ids(nodes);
        out.write(indent + "\t<layers>\n");
        for (Node node : nodes) {
            layer(node, ids);
        }
        out.write(indent + "\t</layers>\n" + indent + "\t<edges>\n");
        for (Node node : nodes) {
            for (int i = 0; i < node.inputs().size(); i++) {
                Output from = node.input(i);
                out.write(indent + "\t\t<edge from-layer=\"" + ids.get(from.node()) + "\" from-port=\""
                        + (from.node().inputs().size() + from.port()) + "\" to-layer=\"" + ids.get(node)
                        + "\" to-port=\"" + i + "\" />\n");
            }
        }
        out.write(indent + "\t</edges>\n");
    }

    private void layer(Node node, Map<Node, Integer> ids) throws IOException {
        out.write(indent + "\t\t<layer id=\"" + ids.get(node) + "\" name=\"" + XmlText.escape(node.name())
                + "\" type=\"" + node.type() + "\" version=\"" + node.opset() + "\">\n");
        Map<String, String> data = node.attributes();
        if (node.value() != null) {
            data = new LinkedHashMap<>(data);
            data.put("offset", Long.toString(bin.offset(node)));
            data.put("size", Long.toString(node.value().byteSize()));
        }
        if (!data.isEmpty()) {
            out.write(indent + "\t\t\t<data");
            for (Map.Entry<String, String> attribute : data.entrySet()) {
                out.write(" " + attribute.getKey() + "=\"" + XmlText.escape(attribute.getValue()) + "\"");
            }
            out.write(" />\n");
        }
        if (!node.runtimeInfo().isEmpty()) {
            out.write(indent + "\t\t\t<rt_info>\n");
            for (String attribute : node.runtimeInfo()) {
                out.write(indent + "\t\t\t\t<attribute name=\"" + attribute + "\" version=\"0\" />\n");
            }
            out.write(indent + "\t\t\t</rt_info>\n");
        }
        portMaps(node);
        if (!node.inputs().isEmpty()) {
            out.write(indent + "\t\t\t<input>\n");
            for (int i = 0; i < node.inputs().size(); i++) {
                Output input = node.input(i);
                port(i, input.type().precision(), input.shape(), "");
            }
            out.write(indent + "\t\t\t</input>\n");
        }
        if (node.outputCount() > 0) {
            out.write(indent + "\t\t\t<output>\n");
            for (int port = 0; port < node.outputCount(); port++) {
                String names = node.tensorNames(port).stream().map(n -> n.replace(",", "\\,"))
                        .collect(Collectors.joining(","));
                port(node.inputs().size() + port, node.outputType(port).precision(), node.outputShape(port),
                        names.isEmpty() ? "" : " names=\"" + XmlText.escape(names) + "\"");
            }
            out.write(indent + "\t\t\t</output>\n");
        }
        for (SubGraph body : node.subGraphs()) {
            out.write(indent + "\t\t\t<" + body.element() + ">\n");
            new IrXmlWriter(out, bin, indent + "\t\t\t").network(body.graph());
            out.write(indent + "\t\t\t</" + body.element() + ">\n");
        }
        out.write(indent + "\t\t</layer>\n");
    }

    /**
     * The port maps of a Loop or an If (an output's external port id counts the node's inputs first, as OpenVINO's
     * serializer writes it), then a Loop's back edges; body layers are named by their ids in the body.
     */
    private void portMaps(Node node) throws IOException {
        String in = indent + "\t\t\t";
        for (SubGraph body : node.subGraphs()) {
            Map<Node, Integer> ids = ids(body.graph().orderedNodes());
            out.write(in + "<" + body.portMap() + ">\n");
            for (SubGraph.PortMapping input : body.inputs()) {
                mapping("input", input.index(), input, ids);
            }
            for (SubGraph.PortMapping output : body.outputs()) {
                mapping("output", output.index() < 0 ? -1 : node.inputs().size() + output.index(), output, ids);
            }
            out.write(in + "</" + body.portMap() + ">\n");
            if (body.backEdges() != null) {
                out.write(in + "<back_edges>\n");
                for (SubGraph.BackEdge edge : body.backEdges()) {
                    out.write(in + "\t<edge from-layer=\"" + ids.get(edge.from()) + "\" to-layer=\""
                            + ids.get(edge.to()) + "\" />\n");
                }
                out.write(in + "</back_edges>\n");
            }
        }
    }

    private void mapping(String element, int externalPort, SubGraph.PortMapping entry, Map<Node, Integer> ids)
            throws IOException {
        out.write(indent + "\t\t\t\t<" + element + " external_port_id=\"" + externalPort + "\" internal_layer_id=\""
                + ids.get(entry.internal()) + "\"");
        for (Map.Entry<String, String> attribute : entry.attributes().entrySet()) {
            out.write(" " + attribute.getKey() + "=\"" + XmlText.escape(attribute.getValue()) + "\"");
        }
        out.write(" />\n");
    }

    /** Layer ids: the nodes' positions in a network's order. */
    private static Map<Node, Integer> ids(List<Node> nodes) {
        Map<Node, Integer> ids = new IdentityHashMap<>();
        for (Node node : nodes) {
            ids.put(node, ids.size());
        }
        return ids;
    }

    private void port(int id, String precision, PartialShape shape, String names) throws IOException {
        out.write(indent + "\t\t\t\t<port id=\"" + id + "\" precision=\"" + precision + "\"" + names + ">\n");
        for (int d = 0; d < shape.rank(); d++) {
            out.write(indent + "\t\t\t\t\t<dim>" + shape.dim(d) + "</dim>\n");
        }
        out.write(indent + "\t\t\t\t</port>\n");
    }

    /** Nested entries: strings as {@code <key value="..."/>}, maps as elements holding their entries. */
    private void runtimeInfo(Map<String, Object> entries, String indent, String element) throws IOException {
        out.write(indent + "<" + element + ">\n");
        for (Map.Entry<String, Object> entry : entries.entrySet()) {
            if (entry.getValue() instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> children = (Map<String, Object>) nested;
                runtimeInfo(children, indent + "\t", entry.getKey());
            } else {
                out.write(indent + "\t<" + entry.getKey() + " value=\""
                        + XmlText.escape(String.valueOf(entry.getValue())) + "\" />\n");
            }
        }
        out.write(indent + "</" + element + ">\n");
    }
}
