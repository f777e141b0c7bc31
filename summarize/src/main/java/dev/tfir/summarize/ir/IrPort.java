package dev.tfir.summarize.ir;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A port of an IR layer: its id, element type (from the port's {@code precision}, or {@code element_type} where the
 * port has one), dims in OpenVINO's text ("?" for a dynamic dim, see {@link IrDims}) and tensor names ({@code names},
 * v11).
 */
public record IrPort(int id, String elementType, List<String> dims, List<String> names) {
    /** OpenVINO's partial shape text: "[?,224,224,3]". */
    public String shapeText() {
        return dims.stream().collect(Collectors.joining(",", "[", "]"));
    }
}
