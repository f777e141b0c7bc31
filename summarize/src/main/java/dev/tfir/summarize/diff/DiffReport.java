package dev.tfir.summarize.diff;

import dev.tfir.common.model.LoadedModel;
import dev.tfir.common.model.ModelSource;
import dev.tfir.summarize.report.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tensorflow.proto.NodeDef;

/** A {@link GraphDiff} for people (grouped by name scope, long lists cut) or as JSON (everything). */
public final class DiffReport {
    private static final int NAMES_PER_SCOPE = 8;

    private DiffReport() {}

    /** One side of the comparison, as the report names it. */
    public record Side(String path, String form, int nodes) {
        public static Side of(Object path, LoadedModel model) {
            return new Side(String.valueOf(path), model.form(), model.stored().getNodeCount());
        }

        String text() {
            return path + " (" + form + ", " + nodes + " nodes)";
        }

        String json() {
            return "{\"path\": " + Json.string(path) + ", \"form\": " + Json.string(form) + ", \"nodes\": " + nodes
                    + "}";
        }
    }

    /** The report of the model the command line names against the model at {@code other}, plain or JSON. */
    public static String models(ModelSource source, Path other, boolean json) {
        LoadedModel a = DiffInputs.load(source);
        LoadedModel b = DiffInputs.load(other);
        GraphDiff diff = GraphDiff.of(a.stored(), b.stored());
        Side sideA = Side.of(source.mainPath(), a);
        Side sideB = Side.of(other, b);
        return json ? json(diff, sideA, sideB) : text(diff, sideA, sideB);
    }

    public static String text(GraphDiff diff, Side a, Side b) {
        StringBuilder text = new StringBuilder("A: ").append(a.text()).append("\nB: ").append(b.text()).append('\n');
        if (diff.identical()) {
            return text.append("no difference: the same ").append(diff.same())
                    .append(" nodes (op, inputs, attributes, constant values)\n").toString();
        }
        nodes(text, "only in A", diff.onlyA());
        nodes(text, "only in B", diff.onlyB());
        text.append("changed: ").append(diff.changed().size()).append(" nodes\n");
        byScope(diff.changed(), NodeChange::name).forEach((scope, changes) -> {
            text.append("  ").append(scope).append('\n');
            changes.forEach(change -> text.append("    ").append(change.name().substring(scope.length()))
                    .append(": ").append(describe(change)).append('\n'));
        });
        return text.append("same: ").append(diff.same()).append(" nodes\n").toString();
    }

    public static String json(GraphDiff diff, Side a, Side b) {
        return "{\n  \"a\": " + a.json() + ",\n  \"b\": " + b.json() + ",\n  \"identical\": " + diff.identical()
                + ",\n  \"only_in_a\": " + nodesJson(diff.onlyA()) + ",\n  \"only_in_b\": " + nodesJson(diff.onlyB())
                + ",\n  \"changed\": " + scopes(byScope(diff.changed(), NodeChange::name), DiffReport::changeJson)
                + ",\n  \"same\": " + diff.same() + "\n}\n";
    }

    private static void nodes(StringBuilder text, String title, List<NodeDef> nodes) {
        text.append(title).append(": ").append(nodes.size()).append(" nodes\n");
        byScope(nodes, NodeDef::getName).forEach((scope, inScope) -> {
            text.append("  ").append(scope.isEmpty() ? "(top level)" : scope).append(" (").append(inScope.size())
                    .append("): ").append(inScope.stream().limit(NAMES_PER_SCOPE)
                            .map(n -> n.getName().substring(scope.length()) + " (" + n.getOp() + ")")
                            .collect(Collectors.joining(", ")))
                    .append(inScope.size() > NAMES_PER_SCOPE ? ", ..." : "").append('\n');
        });
    }

    /** "op VariableV2 -> Const; value: float32 (3,3) -> float32 (3,3), max abs diff 0.5; attr T: ... -> ...". */
    static String describe(NodeChange change) {
        List<String> parts = new ArrayList<>();
        if (!change.opA().equals(change.opB())) {
            parts.add("op " + change.opA() + " -> " + change.opB());
        }
        if (change.inputsA() != null) {
            parts.add("inputs " + change.inputsA() + " -> " + change.inputsB());
        }
        ConstantChange constant = change.constant();
        if (constant != null) {
            parts.add("value " + constant.dtypeA() + " " + constant.shapeA() + " -> " + constant.dtypeB() + " "
                    + constant.shapeB() + (Double.isNaN(constant.maxAbsDiff()) ? ", values differ"
                    : ", max abs diff " + constant.maxAbsDiff()));
        }
        change.attrs().forEach(attr -> parts.add("attr " + attr.name() + " " + (attr.a() == null ? "(none)" : attr.a())
                + " -> " + (attr.b() == null ? "(none)" : attr.b())));
        return String.join("; ", parts);
    }

    /** The items by the scope of their name (up to and with the last '/'; "" at the top level), scopes sorted. */
    private static <T> Map<String, List<T>> byScope(List<T> items, Function<T, String> name) {
        Map<String, List<T>> byScope = new TreeMap<>();
        for (T item : items) {
            String n = name.apply(item);
            byScope.computeIfAbsent(n.substring(0, n.lastIndexOf('/') + 1), k -> new ArrayList<>()).add(item);
        }
        return byScope;
    }

    private static String nodesJson(List<NodeDef> nodes) {
        return scopes(byScope(nodes, NodeDef::getName),
                n -> "{\"name\": " + Json.string(n.getName()) + ", \"op\": " + Json.string(n.getOp()) + "}");
    }

    private static <T> String scopes(Map<String, List<T>> byScope, Function<T, String> json) {
        if (byScope.isEmpty()) {
            return "{}";
        }
        Map<String, String> members = new LinkedHashMap<>();
        byScope.forEach((scope, items) -> members.put(scope,
                items.stream().map(json).collect(Collectors.joining(",\n      ", "[\n      ", "\n    ]"))));
        return members.entrySet().stream().map(e -> Json.string(e.getKey()) + ": " + e.getValue())
                .collect(Collectors.joining(",\n    ", "{\n    ", "\n  }"));
    }

    private static String changeJson(NodeChange change) {
        StringBuilder json = new StringBuilder("{\"name\": ").append(Json.string(change.name()))
                .append(", \"op\": ").append(pair(change.opA(), change.opB()));
        if (change.inputsA() != null) {
            json.append(", \"inputs\": {\"a\": ").append(list(change.inputsA())).append(", \"b\": ")
                    .append(list(change.inputsB())).append('}');
        }
        ConstantChange constant = change.constant();
        if (constant != null) {
            json.append(", \"constant\": {\"dtype\": ").append(pair(constant.dtypeA(), constant.dtypeB()))
                    .append(", \"shape\": ").append(pair(constant.shapeA(), constant.shapeB()))
                    .append(", \"max_abs_diff\": ")
                    .append(Double.isNaN(constant.maxAbsDiff()) ? "null" : Double.toString(constant.maxAbsDiff()))
                    .append('}');
        }
        if (!change.attrs().isEmpty()) {
            json.append(", \"attrs\": ").append(change.attrs().stream()
                    .map(attr -> Json.string(attr.name()) + ": {\"a\": " + nullable(attr.a()) + ", \"b\": "
                            + nullable(attr.b()) + "}")
                    .collect(Collectors.joining(", ", "{", "}")));
        }
        return json.append('}').toString();
    }

    private static String pair(String a, String b) {
        return a.equals(b) ? Json.string(a) : "[" + Json.string(a) + ", " + Json.string(b) + "]";
    }

    private static String nullable(String s) {
        return s == null ? "null" : Json.string(s);
    }

    private static String list(List<String> items) {
        return items.stream().map(Json::string).collect(Collectors.joining(", ", "[", "]"));
    }
}
