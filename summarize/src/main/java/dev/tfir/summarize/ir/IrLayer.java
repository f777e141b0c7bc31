package dev.tfir.summarize.ir;

import java.util.List;
import java.util.Map;

/** A {@code <layer>} of an IR: its attributes, {@code <data>} attributes and ports. */
public record IrLayer(int id, String name, String type, String opset, Map<String, String> data,
                      List<IrPort> inputs, List<IrPort> outputs) {
    /** The position among the output ports of the port with this id, or -1. */
    int outputIndex(int portId) {
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i).id() == portId) {
                return i;
            }
        }
        return -1;
    }

    /** The position among the input ports of the port with this id, or -1. */
    int inputIndex(int portId) {
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).id() == portId) {
                return i;
            }
        }
        return -1;
    }
}
