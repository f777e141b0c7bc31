package dev.tfir.summarize.ir;

import dev.tfir.common.TextBytes;
import dev.tfir.common.TfirException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an OpenVINO IR ({@code .xml}, versions 10 and 11) with the JDK's DOM parser (no DTDs, no external
 * entities), checks that its edges join existing ports and that every Constant's bytes lie inside the
 * {@code .bin} beside it. Anything else is a {@link TfirException} naming the file and what is wrong.
 */
public final class IrReader {
    private static final Set<String> VERSIONS = Set.of("10", "11");
    private static final String WHAT_TO_PASS = "expected the .xml of an OpenVINO IR as mo, ovc or convert write it";

    private IrReader() {}

    /**
     * True for a file named {@code .xml}, or one whose text starts (after blanks) with {@code <?xml} or {@code <net}:
     * an IR, not a protobuf (a binary GraphDef may start with the byte '<').
     */
    public static boolean looksLikeIr(Path file) {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xml")) {
            return true;
        }
        try (var in = Files.newInputStream(file)) {
            byte[] first = in.readNBytes(256);
            // text (a binary GraphDef has control bytes at its start, and may hold "<net" in a name)
            if (!TextBytes.looksLikeText(ByteBuffer.wrap(first), first.length)) {
                return false;
            }
            String head = new String(first, java.nio.charset.StandardCharsets.ISO_8859_1)
                    .replaceFirst("^\\xEF\\xBB\\xBF", "").strip();
            return head.startsWith("<?xml") || head.matches("(?s)<net[\\s>].*");
        } catch (IOException e) {
            return false; // the model reader reports the file
        }
    }

    public static IrModel read(Path xml) {
        Element net = parse(xml).getDocumentElement();
        if (!net.getTagName().equals("net")) {
            throw new TfirException(xml + ": not an OpenVINO IR: the root element is <" + net.getTagName()
                    + ">, not <net>; " + WHAT_TO_PASS);
        }
        String version = net.getAttribute("version");
        if (!VERSIONS.contains(version)) {
            throw new TfirException(xml + ": OpenVINO IR version '" + version + "'; summarize-graph reads IR v10 "
                    + "and v11 (convert it again with a recent ovc or convert)");
        }
        List<IrLayer> layers = new ArrayList<>();
        for (Element layer : children(child(net, "layers", xml), "layer")) {
            layers.add(layer(layer, xml));
        }
        List<IrEdge> edges = new ArrayList<>();
        Element edgesElement = optionalChild(net, "edges");
        if (edgesElement != null) {
            for (Element edge : children(edgesElement, "edge")) {
                edges.add(new IrEdge(integer(edge, "from-layer", xml), integer(edge, "from-port", xml),
                        integer(edge, "to-layer", xml), integer(edge, "to-port", xml)));
            }
        }
        Map<String, String> rtInfo = new LinkedHashMap<>();
        Element rt = optionalChild(net, "rt_info");
        if (rt != null) {
            flatten(rt, "", rtInfo);
        }
        IrModel model = new IrModel(xml, Integer.parseInt(version), net.getAttribute("name"), layers, edges, rtInfo);
        checkEdges(model);
        checkWeights(model);
        return model;
    }

    /** The {@code .bin} beside the {@code .xml}: the same name with {@code .bin} for the extension. */
    public static Path binOf(Path xml) {
        String name = xml.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return xml.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".bin");
    }

    private static Document parse(Path xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(xml.toFile());
        } catch (SAXParseException e) {
            throw new TfirException(xml + ": not an OpenVINO IR: XML error at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage() + "; " + WHAT_TO_PASS, e);
        } catch (SAXException e) {
            throw new TfirException(xml + ": not an OpenVINO IR: " + e.getMessage() + "; " + WHAT_TO_PASS, e);
        } catch (IOException e) {
            throw new TfirException(xml + ": cannot read the file: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks secure processing", e);
        }
    }

    private static IrLayer layer(Element layer, Path xml) {
        int id = integer(layer, "id", xml);
        Map<String, String> data = new LinkedHashMap<>();
        Element dataElement = optionalChild(layer, "data");
        if (dataElement != null) {
            NamedNodeMap attributes = dataElement.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                data.put(attributes.item(i).getNodeName(), attributes.item(i).getNodeValue());
            }
        }
        String shape = data.get("shape");
        if (shape != null && layer.getAttribute("type").equals("Parameter") && IrDims.shape(shape) == null) {
            throw new TfirException(xml + ": Parameter '" + layer.getAttribute("name") + "' has shape=\"" + shape
                    + "\", not a shape; the IR is corrupt");
        }
        return new IrLayer(id, layer.getAttribute("name"), require(layer, "type", xml), layer.getAttribute("version"),
                data, ports(optionalChild(layer, "input"), xml), ports(optionalChild(layer, "output"), xml));
    }

    private static List<IrPort> ports(Element ports, Path xml) {
        List<IrPort> result = new ArrayList<>();
        if (ports == null) {
            return result;
        }
        for (Element port : children(ports, "port")) {
            List<String> dims = new ArrayList<>();
            for (Element dim : children(port, "dim")) {
                dims.add(dim(dim.getTextContent().trim(), xml));
            }
            String names = port.getAttribute("names");
            List<String> nameList = names.isEmpty() ? List.of() : TensorNames.split(names);
            String elementType = port.hasAttribute("element_type") ? port.getAttribute("element_type")
                    : ElementTypes.ofPrecision(port.getAttribute("precision"));
            result.add(new IrPort(integer(port, "id", xml), elementType, dims, nameList));
        }
        return result;
    }

    /** A port's dim in OpenVINO's text ("?" where the IR writes -1). */
    private static String dim(String text, Path xml) {
        String dim = IrDims.dim(text);
        if (dim == null) {
            throw new TfirException(xml + ": a port has <dim>" + text + "</dim>, not a size; the IR is corrupt");
        }
        return dim;
    }

    private static void flatten(Element element, String prefix, Map<String, String> into) {
        for (Element child : children(element, null)) {
            String key = prefix + child.getTagName() + (child.hasAttribute("name") ? "." + child.getAttribute("name") : "");
            if (child.hasAttribute("value")) {
                into.put(key, child.getAttribute("value"));
            }
            flatten(child, key + ".", into);
        }
    }

    private static void checkEdges(IrModel model) {
        Map<Integer, IrLayer> byId = model.byId();
        if (byId.size() != model.layers().size()) {
            throw new TfirException(model.xml() + ": two layers have the same id; the IR is corrupt");
        }
        for (IrEdge edge : model.edges()) {
            IrLayer from = byId.get(edge.fromLayer());
            IrLayer to = byId.get(edge.toLayer());
            if (from == null || to == null || from.outputIndex(edge.fromPort()) < 0
                    || to.inputIndex(edge.toPort()) < 0) {
                throw new TfirException(model.xml() + ": an edge from layer " + edge.fromLayer() + " port "
                        + edge.fromPort() + " to layer " + edge.toLayer() + " port " + edge.toPort()
                        + " joins no such port; the IR is corrupt");
            }
        }
    }

    /** Every Constant's {@code offset + size} must lie inside the {@code .bin}. */
    private static void checkWeights(IrModel model) {
        Path bin = binOf(model.xml());
        long binSize = -1;
        for (IrLayer layer : model.layers()) {
            if (!layer.type().equals("Const") && !layer.type().equals("Constant")) {
                continue;
            }
            long offset = number(layer, "offset", model.xml());
            long size = number(layer, "size", model.xml());
            if (size == 0) {
                continue;
            }
            if (binSize < 0) {
                try {
                    binSize = Files.size(bin);
                } catch (IOException e) {
                    throw new TfirException(bin + ": cannot read the weights of " + model.xml().getFileName()
                            + " (" + e.getMessage() + "); an IR's .bin must be beside its .xml, with the same name");
                }
            }
            if (offset < 0 || size < 0 || offset > binSize - size) {
                throw new TfirException(bin + ": Constant '" + layer.name() + "' reads bytes " + offset + ".."
                        + (offset + size) + " but the file has " + binSize + " bytes; the .bin is truncated or "
                        + "belongs to another .xml");
            }
        }
    }

    private static long number(IrLayer layer, String key, Path xml) {
        String text = layer.data().get(key);
        try {
            return text == null ? 0 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new TfirException(xml + ": layer '" + layer.name() + "' has " + key + "=\"" + text
                    + "\", not a number; the IR is corrupt");
        }
    }

    private static Element child(Element parent, String tag, Path xml) {
        Element child = optionalChild(parent, tag);
        if (child == null) {
            throw new TfirException(xml + ": not an OpenVINO IR: <" + parent.getTagName() + "> has no <" + tag
                    + ">; " + WHAT_TO_PASS);
        }
        return child;
    }

    private static Element optionalChild(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The child elements with this tag (all child elements for null), in order. */
    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && (tag == null || element.getTagName().equals(tag))) {
                found.add(element);
            }
        }
        return found;
    }

    private static String require(Element element, String attribute, Path xml) {
        if (!element.hasAttribute(attribute)) {
            throw new TfirException(xml + ": <" + element.getTagName() + "> without the attribute '" + attribute
                    + "'; the IR is corrupt");
        }
        return element.getAttribute(attribute);
    }

    private static int integer(Element element, String attribute, Path xml) {
        String text = require(element, attribute, xml);
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new TfirException(xml + ": <" + element.getTagName() + " " + attribute + "=\"" + text
                    + "\">: not an integer; the IR is corrupt");
        }
    }
}
