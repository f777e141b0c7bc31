package dev.tfir.summarize;

import dev.tfir.common.detect.GraphSummary;
import dev.tfir.common.detect.InputInfo;
import dev.tfir.common.model.LoadedModel;
import dev.tfir.common.types.DTypes;
import dev.tfir.common.types.PartialShape;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.tensorflow.proto.NodeDef;

/** The detected inputs and outputs as one JSON document, for scripts. */
final class JsonReport {
    private JsonReport() {}

    static String render(LoadedModel model, GraphSummary summary) {
        List<String> inputs = new ArrayList<>();
        for (InputInfo input : summary.inputs()) {
            inputs.add("{\"name\": " + Json.string(input.name()) + ", \"dtype\": "
                    + Json.string(DTypes.pythonName(input.dtype())) + ", \"shape\": " + shape(input.shape()) + "}");
        }
        List<String> outputs = new ArrayList<>();
        for (NodeDef output : summary.outputs()) {
            outputs.add("{\"name\": " + Json.string(output.getName()) + ", \"op\": " + Json.string(output.getOp()) + "}");
        }
        return "{\n  \"format\": " + Json.string(model.form())
                + ",\n  \"inputs\": " + array(inputs) + ",\n  \"outputs\": " + array(outputs) + "\n}\n";
    }

    private static String array(List<String> items) {
        return items.isEmpty() ? "[]" : items.stream().collect(Collectors.joining(",\n    ", "[\n    ", "\n  ]"));
    }

    /** A list of dims with -1 for unknown ones, or null when the rank is unknown. */
    static String shape(PartialShape shape) {
        return !shape.hasRank() ? "null"
                : LongStream.of(shape.dims()).mapToObj(Long::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
