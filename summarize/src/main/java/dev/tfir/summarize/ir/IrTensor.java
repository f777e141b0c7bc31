package dev.tfir.summarize.ir;

import java.util.List;

/**
 * An input or output of an IR as OpenVINO's {@code read_model} gives it.
 *
 * @param layer       the Parameter's or Result's name
 * @param names       the tensor names (the port's {@code names}; for IR v10 also the legacy names the runtime adds)
 * @param elementType the element type, e.g. "f32"
 * @param shape       the partial shape as OpenVINO prints it, e.g. "[?,224,224,3]"
 */
public record IrTensor(String layer, List<String> names, String elementType, String shape) {
    /** The first tensor name, else the layer's name. */
    public String name() {
        return names.isEmpty() ? layer : names.get(0);
    }
}
