package dev.tfir.summarize.report;

import dev.tfir.common.model.LoadedModel;
import dev.tfir.common.model.SignatureInfo;
import dev.tfir.common.types.DTypes;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A SavedModel's signatures with their inputs and outputs (key, dtype, shape, the graph tensor), as
 * {@code saved_model_cli show --all} lists them, and which one the model was read with.
 */
public final class SignaturesReport {
    private SignaturesReport() {}

    /** One signature a block: "classify (used)" then "  input  x: float32 (-1,4)  tensor classify_x:0" lines. */
    public static String text(LoadedModel model) {
        StringBuilder text = new StringBuilder();
        for (SignatureInfo signature : model.signatures()) {
            text.append(signature.name()).append(signature.name().equals(model.signature()) ? " (used)" : "")
                    .append('\n');
            signature.inputs().forEach(t -> text.append("  input  ").append(line(t)));
            signature.outputs().forEach(t -> text.append("  output ").append(line(t)));
        }
        return text.toString();
    }

    /** {@code "signature": "NAME", "signatures": [...]} members for --json. */
    public static String json(LoadedModel model) {
        return model.signatures().stream().map(s -> "{\"name\": " + Json.string(s.name()) + ", \"inputs\": "
                + tensors(s.inputs()) + ", \"outputs\": " + tensors(s.outputs()) + "}")
                .collect(Collectors.joining(",\n    ", "[\n    ", "\n  ]"));
    }

    private static String line(SignatureInfo.Tensor tensor) {
        return tensor.key() + ": " + DTypes.pythonName(tensor.dtype()) + " " + tensor.shape().toSummaryString()
                + (tensor.tensorName().isEmpty() ? "" : "  tensor " + tensor.tensorName()) + '\n';
    }

    private static String tensors(List<SignatureInfo.Tensor> tensors) {
        return tensors.stream().map(t -> "{\"key\": " + Json.string(t.key()) + ", \"dtype\": "
                + Json.string(DTypes.pythonName(t.dtype())) + ", \"shape\": " + Json.shape(t.shape())
                + ", \"tensor\": " + Json.string(t.tensorName()) + "}").collect(Collectors.joining(", ", "[", "]"));
    }
}
