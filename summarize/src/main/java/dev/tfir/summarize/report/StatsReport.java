package dev.tfir.summarize.report;

import dev.tfir.common.model.CheckpointBinding;
import dev.tfir.common.types.DTypes;
import dev.tfir.common.types.PartialShape;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;

/**
 * Statistics of the graph as stored, in the manner of TensorFlow's C++ summarize_graph: parameters held by
 * constants and variables, control edges, devices, and the op types used with their counts (most used first),
 * function bodies included.
 */
public final class StatsReport {

    private StatsReport() {}

    public static String render(GraphDef graph) {
        long constParameters = 0;
        long variableParameters = 0;
        long variableBytes = 0;
        int variables = 0;
        int controlEdges = 0;
        Map<String, Integer> devices = new TreeMap<>();
        Map<String, Integer> opCounts = new TreeMap<>();
        for (NodeDef node : graph.getNodeList()) {
            controlEdges += (int) node.getInputList().stream().filter(in -> in.startsWith("^")).count();
            if (!node.getDevice().isEmpty()) {
                devices.merge(node.getDevice(), 1, Integer::sum);
            }
            opCounts.merge(node.getOp(), 1, Integer::sum);
            if (node.getOp().equals("Const")) {
                constParameters += Math.max(0, elementCount(node.getAttrOrDefault("value", null)));
            } else if (CheckpointBinding.VARIABLE_OPS.contains(node.getOp())) {
                variables++;
                long count = variableElements(node);
                variableParameters += Math.max(0, count);
                variableBytes += Math.max(0, count) * DTypes.byteSize(node.getAttrOrDefault("dtype",
                        AttrValue.getDefaultInstance()).getType());
            }
        }
        int functionNodes = 0;
        for (FunctionDef function : graph.getLibrary().getFunctionList()) {
            for (NodeDef node : function.getNodeDefList()) {
                opCounts.merge(node.getOp(), 1, Integer::sum);
                functionNodes++;
            }
        }
        StringBuilder text = new StringBuilder();
        text.append("Nodes: ").append(graph.getNodeCount());
        if (functionNodes > 0) {
            text.append(", and ").append(functionNodes).append(" in ").append(graph.getLibrary().getFunctionCount())
                    .append(" functions");
        }
        text.append('\n');
        text.append("Found ").append(constParameters).append(" (").append(humanReadable(constParameters))
                .append(") const parameters, ").append(variableParameters).append(" (")
                .append(humanReadable(variableParameters)).append(") variable parameters in ").append(variables)
                .append(" variables (").append(humanReadable(variableBytes)).append("B), and ")
                .append(controlEdges).append(" control_edges\n");
        devices.forEach((device, count) ->
                text.append(count).append(" nodes assigned to device '").append(device).append("'\n"));
        text.append("Op types used: ").append(sortedByCount(opCounts)).append('\n');
        return text.toString();
    }

    private static long elementCount(AttrValue value) {
        if (value == null || !value.hasTensor()) {
            return -1;
        }
        TensorProto tensor = value.getTensor();
        return PartialShape.fromProto(tensor.getTensorShape()).elementCount();
    }

    private static long variableElements(NodeDef node) {
        AttrValue shape = node.getAttrOrDefault("shape", null);
        return shape == null ? -1 : PartialShape.fromProto(shape.getShape()).elementCount();
    }

    /** "202 Const, 58 Conv2D, ...": by count, most first; equal counts by name. */
    private static String sortedByCount(Map<String, Integer> opCounts) {
        Map<String, Integer> sorted = opCounts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        return sorted.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    /**
     * TensorFlow's strings::HumanReadableNum: plain below 1000; else integer division by 1000 down to below a
     * million, then two decimals and k, M, B or T; three significant digits from 10^15 on.
     */
    public static String humanReadable(long value) {
        String sign = value < 0 ? "-" : "";
        long magnitude = Math.abs(value);
        if (magnitude < 1000) {
            return sign + magnitude;
        }
        if (magnitude >= 1_000_000_000_000_000L) {
            return sign + String.format(Locale.ROOT, "%.3G", (double) magnitude);
        }
        String units = "kMBT";
        int unit = 0;
        while (magnitude >= 1_000_000) {
            magnitude /= 1000;
            unit++;
        }
        return sign + String.format(Locale.ROOT, "%.2f%c", magnitude / 1000.0, units.charAt(unit));
    }
}
