package dev.tfir.convert.translate.op;

import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.ArrayList;
import java.util.List;

/** Ops that pass their inputs through unchanged at inference: the outputs are the inputs, with more names. */
public final class IdentityTranslators {
    private IdentityTranslators() {}

    /** The first input, unchanged. */
    public static List<TfTensor> first(NodeContext node) {
        return List.of(node.tensor(0));
    }

    /** IdentityN: every input, unchanged. */
    public static List<TfTensor> all(NodeContext node) {
        List<TfTensor> outputs = new ArrayList<>();
        for (int i = 0; i < node.inputCount(); i++) {
            outputs.add(node.tensor(i));
        }
        return outputs;
    }
}
