package dev.tfir.convert.translate;

import dev.tfir.convert.ir.ConversionException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The model uses op types that no translator handles; the message lists every one with the nodes using it, and
 * why convert left nodes of op types it handles structurally (a variable: no checkpoint given).
 */
public final class UnsupportedOpsException extends ConversionException {
    private static final long serialVersionUID = 1L;
    private static final int NODES_SHOWN = 5;

    /** @param nodesByOpType the unsupported op types, each with the names of the nodes using it */
    UnsupportedOpsException(Map<String, List<String>> nodesByOpType, TranslatorRegistry table) {
        super(message(nodesByOpType, table));
    }

    private static String message(Map<String, List<String>> nodesByOpType, TranslatorRegistry table) {
        String list = nodesByOpType.entrySet().stream().map(e -> e.getKey() + " (" + nodes(e.getValue()) + ")")
                .collect(Collectors.joining(", "));
        int count = nodesByOpType.size();
        String reasons = nodesByOpType.keySet().stream().map(table::untranslatedBecause).filter(Objects::nonNull)
                .distinct().collect(Collectors.joining("; "));
        String hint = "; " + (reasons.isEmpty() ? "'convert --list-ops' lists the supported op types" : reasons);
        return "the model uses " + count + " op type" + (count == 1 ? "" : "s") + " that convert cannot translate: "
                + list + hint;
    }

    private static String nodes(List<String> names) {
        String shown = names.stream().limit(NODES_SHOWN).map(n -> "'" + n + "'").collect(Collectors.joining(", "));
        String more = names.size() > NODES_SHOWN ? " and " + (names.size() - NODES_SHOWN) + " more" : "";
        return (names.size() == 1 ? "node " : names.size() + " nodes: ") + shown + more;
    }
}
