package dev.tfir.convert.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.TfirException;
import dev.tfir.common.testing.TestData;
import dev.tfir.convert.Conversions;
import dev.tfir.convert.ir.IrModel;
import dev.tfir.convert.ir.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The IR files read back: layers, ports, edges and the constants' bytes in the .bin. */
class IrFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesWhatItHoldsAndReadsBack() throws Exception {
        IrModel model = Conversions.convert(TestData.repo().resolve("testdata/convert/ops_zoo.pb"), 1L).model();
        IrFiles.Written written = IrFiles.write(model, dir, "zoo");
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(written.xml().toFile());
        byte[] bin = Files.readAllBytes(written.bin());
        List<Node> nodes = model.orderedNodes();

        Element net = xml.getDocumentElement();
        assertEquals("11", net.getAttribute("version"));
        assertEquals("model", net.getAttribute("name"));
        NodeList layers = xml.getElementsByTagName("layer");
        assertEquals(nodes.size(), layers.getLength());
        assertEquals(bin.length, written.binSize());
        Map<String, Element> byId = new HashMap<>();
        for (int i = 0; i < layers.getLength(); i++) {
            Element layer = (Element) layers.item(i);
            byId.put(layer.getAttribute("id"), layer);
            Node node = nodes.get(i);
            assertEquals(node.type(), layer.getAttribute("type"));
            assertEquals(node.name(), layer.getAttribute("name"));
            if (node.value() != null) {
                Element data = (Element) layer.getElementsByTagName("data").item(0);
                int offset = Integer.parseInt(data.getAttribute("offset"));
                int size = Integer.parseInt(data.getAttribute("size"));
                byte[] expected = new byte[size];
                node.value().data().get(expected);
                assertArrayEquals(expected, Arrays.copyOfRange(bin, offset, offset + size), node.name());
            }
        }
        NodeList edges = xml.getElementsByTagName("edge");
        for (int i = 0; i < edges.getLength(); i++) {
            Element edge = (Element) edges.item(i);
            assertTrue(hasPort(byId.get(edge.getAttribute("from-layer")), "output", edge.getAttribute("from-port")));
            assertTrue(hasPort(byId.get(edge.getAttribute("to-layer")), "input", edge.getAttribute("to-port")));
        }
        assertEquals(1, xml.getElementsByTagName("conversion_parameters").getLength());
    }

    @Test
    void aFailureLeavesNoFiles() throws IOException {
        IrModel model = Conversions.convert(TestData.repo().resolve("testdata/convert/ops_zoo.pb"), 1L).model();
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        assertThrows(TfirException.class, () -> IrFiles.write(model, notADirectory, "zoo"));
        assertEquals(List.of(dir.resolve("file")), Files.list(dir).toList());
    }

    private static boolean hasPort(Element layer, String side, String id) {
        NodeList sides = layer.getElementsByTagName(side);
        if (sides.getLength() != 1) {
            return false;
        }
        NodeList ports = ((Element) sides.item(0)).getElementsByTagName("port");
        for (int i = 0; i < ports.getLength(); i++) {
            if (((Element) ports.item(i)).getAttribute("id").equals(id)) {
                return true;
            }
        }
        return false;
    }
}
