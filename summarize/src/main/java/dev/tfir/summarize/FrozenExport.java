package dev.tfir.summarize;

import dev.tfir.common.TfirException;
import dev.tfir.common.detect.GraphSummary;
import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.model.Freezing;
import dev.tfir.common.model.LoadedModel;
import dev.tfir.common.model.VariableValues;
import dev.tfir.summarize.report.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.tensorflow.proto.GraphDef;

/**
 * {@code --save_frozen}: the graph TensorFlow's {@code convert_variables_to_constants} makes for the chosen outputs
 * (by default the detected model outputs), variables given their checkpoint values, written atomically.
 */
final class FrozenExport {
    /** What was written. */
    record Written(Path file, int nodes, int variables, List<String> outputs) {
        String text() {
            return "\nFrozen graph: " + file + " (" + nodes + " nodes, " + variables + " variable(s) frozen)\n";
        }

        String json() {
            return "{\"path\": " + Json.string(file.toString()) + ", \"nodes\": " + nodes + ", \"variables\": "
                    + variables + ", \"outputs\": "
                    + outputs.stream().map(Json::string).collect(Collectors.joining(", ", "[", "]")) + "}";
        }
    }

    private FrozenExport() {}

    /** @param named the outputs to freeze; empty for the detected model outputs */
    static Written write(LoadedModel loaded, GraphSummary summary, List<String> named, VariableValues variables,
                         Path file) {
        if (loaded.form().contains("TF2")) {
            throw new TfirException(file + ": cannot freeze a TF2 SavedModel (its graph is a function call); "
                    + "--save_frozen takes a frozen graph, an inference graph with a checkpoint, a MetaGraph or a "
                    + "TF1 SavedModel");
        }
        for (String name : named) {
            if (loaded.graph().indexOf(TensorRef.parse(name).node()) < 0) {
                throw new TfirException("--output " + name + ": no such node in the graph");
            }
        }
        List<String> outputs = named.isEmpty() ? Freezing.modelOutputs(loaded.graph(), summary) : named;
        if (outputs.isEmpty()) {
            throw new TfirException(file + ": the graph has no model outputs to freeze; name them with --output");
        }
        GraphDef structure = Freezing.freezeStructure(loaded.graph(), outputs);
        int frozen = variables.writeFrozen(structure, file);
        return new Written(file, structure.getNodeCount(), frozen, outputs);
    }
}
