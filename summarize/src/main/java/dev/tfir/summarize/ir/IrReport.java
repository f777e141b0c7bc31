package dev.tfir.summarize.ir;

import dev.tfir.summarize.report.Json;
import dev.tfir.summarize.report.StatsReport;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * What summarize-graph prints for an IR: the inputs and outputs in summarize_graph.py's layout (names as the port's
 * {@code names} writes them, OpenVINO's element types and partial shapes), and with {@code --stats} the op types,
 * the constants' bytes by element type and the {@code rt_info} (conversion parameters, versions); or all as JSON.
 */
public final class IrReport {
    private IrReport() {}

    public static String text(IrModel model, boolean stats) {
        return stats ? text(model) + stats(model) : text(model);
    }

    /** The inputs and outputs, in summarize_graph.py's layout. */
    public static String text(IrModel model) {
        IrInterface io = IrInterface.of(model);
        StringBuilder text = new StringBuilder();
        text.append(io.inputs().size()).append(" input(s) detected:\n");
        io.inputs().forEach(input -> text.append(line(input)));
        text.append(io.outputs().size()).append(" output(s) detected:\n");
        io.outputs().forEach(output -> text.append(line(output)));
        return text.toString();
    }

    /** Layers, constant bytes by element type, op types, rt_info. */
    public static String stats(IrModel model) {
        StringBuilder text = new StringBuilder();
        text.append(model.form()).append(" '").append(model.name()).append("': ").append(model.layers().size())
                .append(" layers, ").append(model.edges().size()).append(" edges\n");
        Map<String, Long> bytes = constantBytes(model);
        long total = bytes.values().stream().mapToLong(Long::longValue).sum();
        text.append("Constants: ").append(total).append(" bytes (").append(StatsReport.humanReadable(total))
                .append("B)").append(bytes.isEmpty() ? "" : ": ").append(bytes.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))
                .append('\n');
        text.append("Op types used: ").append(opTypes(model).entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))).append('\n');
        model.rtInfo().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append("rt_info ").append(e.getKey()).append(" = ").append(e.getValue())
                        .append('\n'));
        return text.toString();
    }

    public static String json(IrModel model, boolean stats) {
        IrInterface io = IrInterface.of(model);
        StringBuilder json = new StringBuilder("{\n  \"format\": ").append(Json.string(model.form()))
                .append(",\n  \"name\": ").append(Json.string(model.name()))
                .append(",\n  \"inputs\": ").append(array(io.inputs().stream().map(IrReport::json).toList()))
                .append(",\n  \"outputs\": ").append(array(io.outputs().stream().map(IrReport::json).toList()));
        if (stats) {
            json.append(",\n  \"layers\": ").append(model.layers().size())
                    .append(",\n  \"op_types\": ").append(object(opTypes(model)))
                    .append(",\n  \"constant_bytes\": ").append(object(constantBytes(model)))
                    .append(",\n  \"rt_info\": ").append(object(new TreeMap<>(model.rtInfo().entrySet().stream()
                            .collect(Collectors.toMap(Map.Entry::getKey, e -> Json.string(e.getValue()))))));
        }
        return json.append("\n}\n").toString();
    }

    private static String line(IrTensor tensor) {
        return "Name: " + (tensor.names().isEmpty() ? tensor.layer() : String.join(",", tensor.names()))
                + ", type: " + tensor.elementType() + ", shape: " + tensor.shape() + "\n";
    }

    private static String json(IrTensor tensor) {
        return "{\"name\": " + Json.string(tensor.name()) + ", \"names\": "
                + tensor.names().stream().map(Json::string).collect(Collectors.joining(", ", "[", "]"))
                + ", \"layer\": " + Json.string(tensor.layer())
                + ", \"element_type\": " + Json.string(tensor.elementType())
                + ", \"shape\": " + dims(tensor.shape()) + ", \"partial_shape\": " + Json.string(tensor.shape()) + "}";
    }

    /** "[?,4]" as [-1, 4] (any dynamic dim, bounded or not, is -1); "[...]" (dynamic rank) as null. */
    private static String dims(String shape) {
        long[] sizes = IrDims.sizes(shape);
        return sizes == null ? "null"
                : LongStream.of(sizes).mapToObj(Long::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Op types with their counts, most used first, equal counts by name. */
    static Map<String, Long> opTypes(IrModel model) {
        Map<String, Long> counts = model.layers().stream()
                .collect(Collectors.groupingBy(IrLayer::type, TreeMap::new, Collectors.counting()));
        return sortedByCount(counts);
    }

    /** Bytes of the constants in the .bin by element type, largest first. */
    static Map<String, Long> constantBytes(IrModel model) {
        Map<String, Long> bytes = new TreeMap<>();
        for (IrLayer layer : model.layers()) {
            if (layer.type().equals("Const") || layer.type().equals("Constant")) {
                bytes.merge(layer.data().getOrDefault("element_type", "?"),
                        Long.parseLong(layer.data().getOrDefault("size", "0").trim()), Long::sum);
            }
        }
        return sortedByCount(bytes);
    }

    private static Map<String, Long> sortedByCount(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    private static String object(Map<String, ?> members) {
        return members.entrySet().stream().map(e -> Json.string(e.getKey()) + ": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String array(List<String> items) {
        return items.isEmpty() ? "[]" : items.stream().collect(Collectors.joining(",\n    ", "[\n    ", "\n  ]"));
    }
}
