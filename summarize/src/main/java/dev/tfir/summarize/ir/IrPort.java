package dev.tfir.summarize.ir;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A port of an IR layer: its id, element type (from the port's {@code precision}, or {@code element_type} where the
 * port has one), dims as written ({@code -1} for a dynamic dim) and tensor names ({@code names}, v11).
 */
public record IrPort(int id, String elementType, List<String> dims, List<String> names) {
    /** OpenVINO's partial shape text: "[?,224,224,3]", "-1" dims written as '?'. */
    public String shapeText() {
        return dims.stream().map(d -> d.equals("-1") ? "?" : d).collect(Collectors.joining(",", "[", "]"));
    }
}
