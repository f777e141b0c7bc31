package dev.tfir;

import dev.tfir.common.detect.GraphSummary;
import dev.tfir.common.detect.InputInfo;
import dev.tfir.common.model.LoadedModel;
import dev.tfir.common.model.ModelSource;
import java.util.List;

/**
 * A model read and its inputs and outputs, as {@link Tfir#summarize} finds them.
 *
 * @param source   where the model was read from
 * @param model    the model read (the graph as Model Optimizer sees it, and as stored)
 * @param detected the inputs and outputs summarize_graph.py detects, in TensorFlow's import order
 */
public record ModelSummary(ModelSource source, LoadedModel model, GraphSummary detected) {
    /** The inputs: each Placeholder's name, dtype and declared shape. */
    public List<InputInfo> inputs() {
        return detected.inputs();
    }

    /** The names of the output nodes. */
    public List<String> outputs() {
        return detected.outputNames();
    }
}
