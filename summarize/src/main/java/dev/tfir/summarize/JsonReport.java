package dev.tfir.summarize;

import dev.tfir.common.detect.GraphSummary;
import dev.tfir.common.detect.InputInfo;
import dev.tfir.common.infer.ShapeInference;
import dev.tfir.common.infer.TensorType;
import dev.tfir.common.model.LoadedModel;
import dev.tfir.common.types.DTypes;
import dev.tfir.summarize.report.Json;
import dev.tfir.summarize.report.PreprocessingHint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;

/**
 * The detected inputs and outputs as one JSON document, for scripts: inputs with dtype and shape, outputs with
 * op type and, where static inference knows them, the dtype and shape of output 0 (null where unknown; -1 for
 * an unknown dim), and the preprocessing of a TF-Slim net or Keras application recognised from the node names
 * (PreprocessingHint; null when none is).
 */
final class JsonReport {
    private JsonReport() {}

    static String render(LoadedModel model, GraphSummary summary) {
        return render(model, summary, Map.of());
    }

    /** With further members ({@code name -> JSON value}) after the outputs. */
    static String render(LoadedModel model, GraphSummary summary, Map<String, String> more) {
        List<String> inputs = new ArrayList<>();
        for (InputInfo input : summary.inputs()) {
            inputs.add("{\"name\": " + Json.string(input.name()) + ", \"dtype\": "
                    + Json.string(DTypes.pythonName(input.dtype())) + ", \"shape\": " + Json.shape(input.shape()) + "}");
        }
        ShapeInference inference = ShapeInference.of(model.graph());
        List<String> outputs = new ArrayList<>();
        for (NodeDef output : summary.outputs()) {
            TensorType type = inference.output(output.getName(), 0);
            String dtype = type.dtype() == DataType.DT_INVALID ? "null" : Json.string(DTypes.pythonName(type.dtype()));
            outputs.add("{\"name\": " + Json.string(output.getName()) + ", \"op\": " + Json.string(output.getOp())
                    + ", \"dtype\": " + dtype + ", \"shape\": " + Json.shape(type.shape()) + "}");
        }
        return "{\n  \"format\": " + Json.string(model.form())
                + ",\n  \"inputs\": " + array(inputs) + ",\n  \"outputs\": " + array(outputs)
                + more.entrySet().stream().map(e -> ",\n  " + Json.string(e.getKey()) + ": " + e.getValue())
                        .collect(Collectors.joining()) + "\n}\n";
    }

    private static String array(List<String> items) {
        return items.isEmpty() ? "[]" : items.stream().collect(Collectors.joining(",\n    ", "[\n    ", "\n  ]"));
    }

    /** A list of dims with -1 for unknown ones, or null when the rank is unknown. */}
