package dev.tfir.common.detect;

import java.util.List;
import java.util.Set;
import org.tensorflow.proto.NodeDef;

/** What the detector found: the inputs to feed and the outputs to fetch, in TensorFlow's import order. */
public record GraphSummary(List<InputInfo> inputs, List<NodeDef> outputs) {
    /** Op types that have no outputs (they are run for their effect, like a Saver's SaveV2). */
    public static final Set<String> NO_OUTPUT_OPS = Set.of("SaveV2", "Save", "SaveSlices", "MergeV2Checkpoints",
            "NoOp", "Assert", "PrintV2");

    public List<String> outputNames() {
        return outputs.stream().map(NodeDef::getName).toList();
    }

    /** The detected outputs that produce a value: not the ops in {@link #NO_OUTPUT_OPS}. */
    public List<NodeDef> valueOutputs() {
        return outputs.stream().filter(node -> !NO_OUTPUT_OPS.contains(node.getOp())).toList();
    }
}
