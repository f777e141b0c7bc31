package dev.tfir.common.detect;

import java.util.List;
import org.tensorflow.proto.NodeDef;

/** What the detector found: the inputs to feed and the outputs to fetch, in TensorFlow's import order. */
public record GraphSummary(List<InputInfo> inputs, List<NodeDef> outputs) {

    public List<String> outputNames() {
        return outputs.stream().map(NodeDef::getName).toList();
    }
}
