package dev.tfir.convert.translate.op;

import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;

/** Const, and Placeholders that are not model inputs (a PlaceholderWithDefault not fed is an identity). */
public final class SourceTranslators {
    private SourceTranslators() {}

    public static List<TfTensor> constant(NodeContext node) {
        return List.of(TfTensor.of(Constants.of(node.constantValue())));
    }

    /** A Placeholder reached while translating is not fed: the user must name it as an input. */
    public static List<TfTensor> placeholder(NodeContext node) {
        throw node.error("is needed by the outputs but is not a model input; name it in --input");
    }
}
