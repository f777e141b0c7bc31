package dev.tfir.convert.write;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.IrModel;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
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
 * then the model's {@code <rt_info>}. Port ids count the inputs first, then the outputs.
 */
final class IrXmlWriter {
    private final Writer out;
    private final List<Node> nodes;
    private final BinLayout bin;
    private final Map<Node, Integer> ids = new IdentityHashMap<>();

    IrXmlWriter(Writer out, List<Node> nodes, BinLayout bin) {
        this.out = out;
        this.nodes = nodes;
        this.bin = bin;
        for (Node node : nodes) {
            ids.put(node, ids.size());
        }
    }

    void write(IrModel model) throws IOException {
        out.write("<?xml version=\"1.0\"?>\n");
        out.write("<net name=\"" + XmlText.escape(model.name()) + "\" version=\"11\">\n\t<layers>\n");
        for (Node node : nodes) {
            layer(node);
        }
        out.write("\t</layers>\n\t<edges>\n");
        for (Node node : nodes) {
            for (int i = 0; i < node.inputs().size(); i++) {
                Output from = node.input(i);
                out.write("\t\t<edge from-layer=\"" + ids.get(from.node()) + "\" from-port=\""
                        + (from.node().inputs().size() + from.port()) + "\" to-layer=\"" + ids.get(node)
                        + "\" to-port=\"" + i + "\" />\n");
            }
        }
        out.write("\t</edges>\n");
        runtimeInfo(model.runtimeInfo(), "\t", "rt_info");
        out.write("</net>\n");
    }

    private void layer(Node node) throws IOException {
        out.write("\t\t<layer id=\"" + ids.get(node) + "\" name=\"" + XmlText.escape(node.name()) + "\" type=\""
                + node.type() + "\" version=\"" + node.opset() + "\">\n");
        Map<String, String> data = node.attributes();
        if (node.value() != null) {
            data = new LinkedHashMap<>(data);
            data.put("offset", Long.toString(bin.offset(node)));
            data.put("size", Long.toString(node.value().byteSize()));
        }
        if (!data.isEmpty()) {
            out.write("\t\t\t<data");
            for (Map.Entry<String, String> attribute : data.entrySet()) {
                out.write(" " + attribute.getKey() + "=\"" + XmlText.escape(attribute.getValue()) + "\"");
            }
            out.write(" />\n");
        }
        if (!node.runtimeInfo().isEmpty()) {
            out.write("\t\t\t<rt_info>\n");
            for (String attribute : node.runtimeInfo()) {
                out.write("\t\t\t\t<attribute name=\"" + attribute + "\" version=\"0\" />\n");
            }
            out.write("\t\t\t</rt_info>\n");
        }
        if (!node.inputs().isEmpty()) {
            out.write("\t\t\t<input>\n");
            for (int i = 0; i < node.inputs().size(); i++) {
                Output input = node.input(i);
                port(i, input.type().precision(), input.shape(), "");
            }
            out.write("\t\t\t</input>\n");
        }
        if (node.outputCount() > 0) {
            out.write("\t\t\t<output>\n");
            for (int port = 0; port < node.outputCount(); port++) {
                String names = node.tensorNames(port).stream().map(n -> n.replace(",", "\\,"))
                        .collect(Collectors.joining(","));
                port(node.inputs().size() + port, node.outputType(port).precision(), node.outputShape(port),
                        names.isEmpty() ? "" : " names=\"" + XmlText.escape(names) + "\"");
            }
            out.write("\t\t\t</output>\n");
        }
        out.write("\t\t</layer>\n");
    }

    private void port(int id, String precision, PartialShape shape, String names) throws IOException {
        out.write("\t\t\t\t<port id=\"" + id + "\" precision=\"" + precision + "\"" + names + ">\n");
        for (int d = 0; d < shape.rank(); d++) {
            out.write("\t\t\t\t\t<dim>" + shape.dim(d) + "</dim>\n");
        }
        out.write("\t\t\t\t</port>\n");
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
