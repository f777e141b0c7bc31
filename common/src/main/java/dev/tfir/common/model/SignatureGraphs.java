package dev.tfir.common.model;

import dev.tfir.common.TfirException;
import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.graph.TfGraph;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorInfo;

/**
 * The graph Model Optimizer sees for a SavedModel: it loads the model with {@code tf.saved_model.load} and
 * freezes the {@code serving_default} signature's function. The names users then see follow from the
 * signature alone:
 * <ul>
 *   <li>TF2 (object-graph) SavedModels: one Placeholder per signature input, named by its key, in key order;
 *       one {@code Identity}, {@code Identity_1}, ... per output, in key order, reading the function call;
 *   <li>TF1 SavedModels: the original graph pruned to what the signature's outputs need, cut at its inputs,
 *       with variables frozen, so the original node names stay.
 * </ul>
 */
final class SignatureGraphs {
    private static final String FUNCTION_CALL = "StatefulPartitionedCall";

    private SignatureGraphs() {}

    /**
     * The frozen signature function of a TF2 SavedModel, reduced to its interface: the input Placeholders feed
     * one call node standing for the function body, whose outputs (typed and shaped by the signature) the
     * {@code Identity} outputs read.
     */
    static GraphDef tf2(Signature signature) {
        GraphDef.Builder graph = GraphDef.newBuilder();
        NodeDef.Builder call = NodeDef.newBuilder().setName(FUNCTION_CALL).setOp(FUNCTION_CALL);
        AttrValue.ListValue.Builder inputTypes = AttrValue.ListValue.newBuilder();
        new TreeMap<>(signature.inputs()).forEach((key, info) -> {
            graph.addNode(NodeDef.newBuilder().setName(key).setOp("Placeholder")
                    .putAttr("dtype", AttrValue.newBuilder().setType(info.getDtype()).build())
                    .putAttr("shape", AttrValue.newBuilder().setShape(info.getTensorShape()).build()));
            call.addInput(key);
            inputTypes.addType(info.getDtype());
        });
        AttrValue.ListValue.Builder outputTypes = AttrValue.ListValue.newBuilder();
        AttrValue.ListValue.Builder outputShapes = AttrValue.ListValue.newBuilder();
        List<NodeDef> identities = new ArrayList<>();
        for (TensorInfo output : new TreeMap<>(signature.outputs()).values()) {
            int port = identities.size();
            outputTypes.addType(output.getDtype());
            outputShapes.addShape(output.getTensorShape());
            identities.add(NodeDef.newBuilder().setName(identity(port)).setOp("Identity")
                    .addInput(port == 0 ? FUNCTION_CALL : FUNCTION_CALL + ":" + port)
                    .putAttr("T", AttrValue.newBuilder().setType(output.getDtype()).build()).build());
        }
        call.putAttr("Tin", AttrValue.newBuilder().setList(inputTypes).build())
                .putAttr("Tout", AttrValue.newBuilder().setList(outputTypes).build())
                .putAttr("_output_shapes", AttrValue.newBuilder().setList(outputShapes).build());
        return graph.addNode(call).addAllNode(identities).build();
    }

    /** The signature's keys of a TF2 signature graph's tensors: its input Placeholders and Identity outputs. */
    static Map<TensorRef, String> tf2Keys(Signature signature) {
        Map<TensorRef, String> keys = new HashMap<>();
        signature.inputs().keySet().forEach(key -> keys.put(new TensorRef(key, 0, false), key));
        List<String> outputs = List.copyOf(new TreeMap<>(signature.outputs()).keySet());
        for (int port = 0; port < outputs.size(); port++) {
            keys.put(new TensorRef(identity(port), 0, false), outputs.get(port));
        }
        return keys;
    }

    /** The signature's keys of a TF1 signature graph's tensors: those it names, which keep their names. */
    static Map<TensorRef, String> tf1Keys(Signature signature) {
        Map<TensorRef, String> keys = new HashMap<>();
        for (Map<String, TensorInfo> side : List.of(signature.inputs(), signature.outputs())) {
            side.forEach((key, info) -> keys.putIfAbsent(TensorRef.parse(info.getName()), key));
        }
        return keys;
    }

    private static String identity(int port) {
        return port == 0 ? "Identity" : "Identity_" + port;
    }

    /**
     * The TF2 signature with its function bodies: the same interface as {@link #tf2} (Placeholders named by the
     * input keys, {@code Identity}, {@code Identity_1}, ... per output in key order), and between them the
     * SavedModel's graph pruned to what the signature's outputs need, its function calls inlined
     * ({@link FunctionInlining}), without control edges (what they order, such as CheckNumerics and NoOps, computes
     * nothing the outputs need: dropping them leaves the outputs the only sinks) and its variables frozen (values
     * come from the SavedModel's checkpoint).
     */
    static GraphDef tf2Inlined(GraphDef full, Signature signature, Path dir) {
        TfGraph stored = new TfGraph(full, dir.toString());
        Map<String, String> renamed = new TreeMap<>();
        new TreeMap<>(signature.inputs()).forEach((key, info) -> {
            String node = stored.node(require(stored, info, "input", dir)).getName();
            if (renamed.put(node, key) != null) {
                throw new TfirException(dir + ": the serving signature feeds node '" + node + "' twice");
            }
        });
        List<TensorInfo> outputs = List.copyOf(new TreeMap<>(signature.outputs()).values());
        outputs.forEach(output -> require(stored, output, "output", dir));
        GraphDef pruned = Freezing.extractSubgraph(stored,
                outputs.stream().map(o -> TensorRef.parse(o.getName()).node()).toList());
        GraphDef.Builder graph = FunctionInlining.inline(pruned, dir.toString()).toBuilder();
        List<String> identities = new ArrayList<>();
        for (int port = 0; port < outputs.size(); port++) {
            identities.add(identity(port));
            graph.addNode(NodeDef.newBuilder().setName(identities.get(port)).setOp("Identity")
                    .addInput(outputs.get(port).getName())
                    .putAttr("T", AttrValue.newBuilder().setType(outputs.get(port).getDtype()).build()));
        }
        for (int i = 0; i < graph.getNodeCount(); i++) {
            NodeDef node = graph.getNode(i);
            if (renamed.containsKey(node.getName()) || node.getInputList().stream().anyMatch(input ->
                    input.startsWith("^") || renamed.containsKey(TensorRef.parse(input).node()))) {
                graph.setNode(i, withSignatureNames(node, renamed));
            }
        }
        return Freezing.freezeStructure(new TfGraph(graph.build(), dir.toString()), identities);
    }

    /** The node with the input keys' names for the renamed nodes, and without control inputs. */
    private static NodeDef withSignatureNames(NodeDef node, Map<String, String> renamed) {
        List<String> inputs = node.getInputList().stream().map(TensorRef::parse).filter(ref -> !ref.control())
                .map(ref -> {
                    String input = renamed.getOrDefault(ref.node(), ref.node());
                    return ref.port() == 0 ? input : input + ":" + ref.port();
                }).toList();
        return node.toBuilder().setName(renamed.getOrDefault(node.getName(), node.getName())).clearInput()
                .addAllInput(inputs).build();
    }

    /**
     * A TF1 SavedModel's graph pruned to the signature, in the order TensorFlow lifts it into the signature
     * function: the inputs in key order, then the outputs' ancestors depth first (post-order), the outputs taken
     * in key order, stopping at the inputs; variables frozen.
     */
    static GraphDef tf1(GraphDef full, Signature signature, Path dir) {
        TfGraph graph = new TfGraph(full, dir.toString());
        boolean[] placed = new boolean[graph.size()];
        GraphDef.Builder lifted = full.toBuilder().clearNode();
        for (TensorInfo input : new TreeMap<>(signature.inputs()).values()) {
            int index = require(graph, input, "input", dir);
            if (!placed[index]) {
                placed[index] = true;
                lifted.addNode(graph.node(index).toBuilder().clearInput());
            }
        }
        for (TensorInfo output : new TreeMap<>(signature.outputs()).values()) {
            liftPostOrder(graph, require(graph, output, "output", dir), placed, lifted);
        }
        GraphDef pruned = lifted.build();
        return Freezing.freezeStructure(new TfGraph(pruned, dir.toString()),
                pruned.getNodeList().stream().map(NodeDef::getName).toList());
    }

    private static int require(TfGraph graph, TensorInfo tensor, String role, Path dir) {
        int index = graph.indexOf(TensorRef.parse(tensor.getName()).node());
        if (index < 0) {
            throw new TfirException(dir + ": the serving signature names " + role + " '" + tensor.getName()
                    + "', which is not in the graph");
        }
        return index;
    }

    /** Adds a node after everything it needs (depth first, iteratively: graphs can be deep). */
    private static void liftPostOrder(TfGraph graph, int root, boolean[] placed, GraphDef.Builder lifted) {
        Deque<int[]> stack = new ArrayDeque<>();
        if (!placed[root]) {
            placed[root] = true;
            stack.push(new int[] {root, 0});
        }
        while (!stack.isEmpty()) {
            int[] frame = stack.peek();
            int[] producers = graph.producers(frame[0]);
            if (frame[1] < producers.length) {
                int next = producers[frame[1]++];
                if (!placed[next]) {
                    placed[next] = true;
                    stack.push(new int[] {next, 0});
                }
            } else {
                stack.pop();
                lifted.addNode(graph.node(frame[0]));
            }
        }
    }
}
