package dev.tfir.summarize.view;

import dev.tfir.common.detect.GraphSummary;
import dev.tfir.common.detect.InputInfo;
import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.infer.ShapeInference;
import dev.tfir.common.infer.TensorType;
import dev.tfir.common.types.DTypes;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.weights.TensorProtos;
import dev.tfir.summarize.report.AttrFormat;
import dev.tfir.summarize.report.ConstantElements;
import dev.tfir.summarize.report.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;

/**
 * The graph as the page's data, one JSON object of parallel arrays (compact at 100,000 nodes): the name scopes
 * (index 0 the top level) with their parents; each node's name within its scope, op, scope, whether it is a
 * detected input (1) or output (2); the data edges as pairs of node indexes. Apart, each node's details (op,
 * attributes, output types, inputs; a constant's first values).
 */
final class ViewData {
    private static final int FIRST_VALUES = 6;

    private ViewData() {}

    static String json(TfGraph graph, GraphSummary summary, String title) {
        Map<String, Integer> scopes = new HashMap<>();
        List<String> scopeNames = new ArrayList<>(List.of(""));
        List<Integer> scopeParents = new ArrayList<>(List.of(-1));
        scopes.put("", 0);
        Set<String> inputs = new HashSet<>(summary.inputs().stream().map(InputInfo::name).toList());
        Set<String> outputs = new HashSet<>(summary.outputNames());
        Map<String, Integer> ops = new TreeMap<>();
        StringBuilder names = new StringBuilder();
        StringBuilder opIndexes = new StringBuilder();
        StringBuilder nodeScopes = new StringBuilder();
        StringBuilder flags = new StringBuilder();
        StringBuilder edges = new StringBuilder();
        List<String> opList = new ArrayList<>();
        for (int i = 0; i < graph.size(); i++) {
            NodeDef node = graph.node(i);
            String name = node.getName();
            int scope = scope(name.substring(0, name.lastIndexOf('/') + 1), scopes, scopeNames, scopeParents);
            Integer op = ops.get(node.getOp());
            if (op == null) {
                op = opList.size();
                ops.put(node.getOp(), op);
                opList.add(node.getOp());
            }
            String separator = i == 0 ? "" : ",";
            names.append(separator).append(Json.string(name.substring(name.lastIndexOf('/') + 1)));
            opIndexes.append(separator).append(op);
            nodeScopes.append(separator).append(scope);
            flags.append(separator).append((inputs.contains(name) ? 1 : 0) | (outputs.contains(name) ? 2 : 0));
            for (int consumer : graph.dataConsumers(i)) {
                edges.append(edges.length() == 0 ? "" : ",").append(i).append(',').append(consumer);
            }
        }
        return "{\"title\": " + Json.string(title)
                + ",\n\"scopes\": [" + scopeNames.stream().map(Json::string).collect(Collectors.joining(",")) + "]"
                + ",\n\"scopeParents\": " + scopeParents
                + ",\n\"ops\": [" + opList.stream().map(Json::string).collect(Collectors.joining(",")) + "]"
                + ",\n\"names\": [" + names + "],\n\"op\": [" + opIndexes + "],\n\"scope\": [" + nodeScopes
                + "],\n\"flags\": [" + flags + "],\n\"edges\": [" + edges + "]}";
    }

    /** Each node's details, a JSON array in node order, parsed by the page on the first click. */
    static String details(TfGraph graph) {
        ShapeInference inference = ShapeInference.of(graph);
        StringBuilder details = new StringBuilder("[");
        for (int i = 0; i < graph.size(); i++) {
            details.append(i == 0 ? "" : ",\n").append(Json.string(details(inference, graph.node(i))));
        }
        return details.append(']').toString();
    }

    /** The index of a scope ("a/b/"), adding it and its parents on first sight. */
    private static int scope(String scope, Map<String, Integer> scopes, List<String> names, List<Integer> parents) {
        Integer known = scopes.get(scope);
        if (known != null) {
            return known;
        }
        String parent = scope.substring(0, scope.lastIndexOf('/', scope.length() - 2) + 1);
        int parentIndex = scope(parent, scopes, names, parents);
        names.add(scope);
        parents.add(parentIndex);
        scopes.put(scope, names.size() - 1);
        return names.size() - 1;
    }

    private static String details(ShapeInference inference, NodeDef node) {
        StringBuilder text = new StringBuilder(node.getName()).append("\nop: ").append(node.getOp());
        new TreeMap<>(node.getAttrMap()).forEach((key, value) ->
                text.append("\nattr ").append(key).append(" = ").append(AttrFormat.format(value)));
        AttrValue value = node.getAttrMap().get("value");
        if (value != null && value.hasTensor()) {
            text.append(firstValues(value));
        }
        List<TensorType> types = inference.outputs(node.getName());
        for (int port = 0; port < types.size(); port++) {
            text.append("\noutput ").append(port).append(": ").append(type(types.get(port)));
        }
        for (int k = 0; k < node.getInputCount(); k++) {
            TensorRef ref = TensorRef.parse(node.getInput(k));
            text.append("\ninput ").append(k).append(": ").append(node.getInput(k));
            if (!ref.control()) {
                text.append("  ").append(type(inference.output(ref.node(), ref.port())));
            }
        }
        return text.toString();
    }

    private static String firstValues(AttrValue value) {
        try {
            ConstTensor tensor = TensorProtos.decode(value.getTensor());
            List<String> first = new ArrayList<>();
            var data = tensor.data();
            for (int i = 0; i < Math.min(FIRST_VALUES, tensor.elementCount()); i++) {
                first.add(String.format(java.util.Locale.ROOT, "%.6g",
                        ConstantElements.element(data, tensor.type(), i)));
            }
            return "\nvalues: " + String.join(", ", first) + (tensor.elementCount() > FIRST_VALUES ? ", ..." : "");
        } catch (ConversionException e) {
            return ""; // strings and damaged values: the attr line says what the tensor is
        }
    }

    private static String type(TensorType type) {
        return (type.dtype() == DataType.DT_INVALID ? "?" : DTypes.pythonName(type.dtype())) + " "
                + type.shape().toSummaryString();
    }
}
