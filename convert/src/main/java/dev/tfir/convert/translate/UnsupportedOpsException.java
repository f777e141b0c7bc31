package dev.tfir.convert.translate;

import dev.tfir.common.model.CheckpointBinding;
import dev.tfir.convert.ir.ConversionException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The model uses op types that no translator handles; the message lists every one with the nodes using it. */
public final class UnsupportedOpsException extends ConversionException {
    private static final long serialVersionUID = 1L;
    private static final int NODES_SHOWN = 5;

    /** @param nodesByOpType the unsupported op types, each with the names of the nodes using it */
    UnsupportedOpsException(Map<String, List<String>> nodesByOpType) {
        super(message(nodesByOpType));
    }

    private static String message(Map<String, List<String>> nodesByOpType) {
        String list = nodesByOpType.entrySet().stream().map(e -> e.getKey() + " (" + nodes(e.getValue()) + ")")
                .collect(Collectors.joining(", "));
        int count = nodesByOpType.size();
        String hint = nodesByOpType.keySet().stream().anyMatch(CheckpointBinding.VARIABLE_OPS::contains)
                ? "; the graph has variables, so it is not frozen: give their checkpoint with --input_checkpoint"
                : "; 'convert --list-ops' lists the supported op types";
        return "the model uses " + count + " op type" + (count == 1 ? "" : "s") + " that convert cannot translate: "
                + list + hint;
    }

    private static String nodes(List<String> names) {
        String shown = names.stream().limit(NODES_SHOWN).map(n -> "'" + n + "'").collect(Collectors.joining(", "));
        String more = names.size() > NODES_SHOWN ? " and " + (names.size() - NODES_SHOWN) + " more" : "";
        return (names.size() == 1 ? "node " : names.size() + " nodes: ") + shown + more;
    }
}
