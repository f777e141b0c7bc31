package dev.tfir.convert.translate.op;

import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.OpTable;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;

/** Const, and Placeholders that are not model inputs. */
public final class SourceTranslators {
    private SourceTranslators() {}

    public static void register(OpTable table) {
        table.add(0, node -> List.of(TfTensor.of(Constants.of(node.constantValue()))), "Const");
        table.add(0, node -> {
            throw node.error("is needed by the outputs but is not a model input; name it in --input");
        }, "Placeholder");
        // a PlaceholderWithDefault that is not fed is its default value
        table.add(1, node -> List.of(node.tensor(0)), "PlaceholderWithDefault");
    }
}
