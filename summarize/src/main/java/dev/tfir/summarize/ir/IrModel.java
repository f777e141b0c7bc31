package dev.tfir.summarize.ir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An OpenVINO IR read back: the {@code <net>} of its {@code .xml} (version 10 or 11) and where its {@code .bin} is.
 *
 * @param xml     the {@code .xml} file
 * @param version the IR version, 10 or 11
 * @param name    the net's name
 * @param layers  the layers, in file order
 * @param edges   the edges, in file order
 * @param rtInfo  the {@code <rt_info>} values, nested names joined with '.' (e.g. {@code conversion_parameters.input_model})
 */
public record IrModel(Path xml, int version, String name, List<IrLayer> layers, List<IrEdge> edges,
                      Map<String, String> rtInfo) {
    public IrModel {
        layers = List.copyOf(layers);
        edges = List.copyOf(edges);
        rtInfo = Map.copyOf(rtInfo);
    }

    /** "OpenVINO IR v11". */
    public String form() {
        return "OpenVINO IR v" + version;
    }

    /** The layers by id. */
    public Map<Integer, IrLayer> byId() {
        Map<Integer, IrLayer> byId = new HashMap<>();
        layers.forEach(layer -> byId.put(layer.id(), layer));
        return byId;
    }
}
