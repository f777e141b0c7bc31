package dev.tfir.common.model;

import dev.tfir.common.TfirException;
import dev.tfir.common.detect.IoDetector;
import dev.tfir.common.graph.TfGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;

/**
 * Replaces function calls ({@code PartitionedCall}, {@code StatefulPartitionedCall}, or a node whose op is a
 * function of the graph's library) by the function bodies, recursively, as TensorFlow's function inliner does:
 * each body node is named {@code <call node>/<body node>}, reads the call's inputs where the body reads its
 * arguments, and turns the body's {@code node:out_arg:index} inputs into flat output indices (by the op's output
 * arguments, {@link OpOutputs}). An {@code IdentityN} named as the call node takes the body's results, so that
 * {@code call:k} still names the call's k-th output. Control edges are kept (renamed).
 */
final class FunctionInlining {
    private static final Set<String> CALL_OPS = Set.of("PartitionedCall", "StatefulPartitionedCall");

    private final Map<String, FunctionDef> functions = new HashMap<>();
    private final String where;
    private final List<NodeDef> inlined = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    private FunctionInlining(GraphDef graph, String where) {
        graph.getLibrary().getFunctionList().forEach(f -> functions.put(f.getSignature().getName(), f));
        this.where = where;
    }

    /**
     * A stored graph (frozen GraphDef, inference graph, MetaGraph...) as conversion needs it: the graph itself when
     * it calls no function, else with every call inlined and pruned to the outputs the detector finds in the graph
     * as stored (so that body nodes the calls' results do not need add no outputs).
     */
    static GraphDef inlineCalls(GraphDef graph, String where) {
        FunctionInlining inlining = new FunctionInlining(graph, where);
        if (graph.getNodeList().stream().noneMatch(node -> inlining.calledFunction(node) != null)) {
            return graph;
        }
        List<String> outputs = IoDetector.summarize(new TfGraph(graph, where)).outputNames();
        return Freezing.extractSubgraph(new TfGraph(inline(graph, where), where), outputs);
    }

    /** {@code graph} with every function call inlined; the library is kept. */
    static GraphDef inline(GraphDef graph, String where) {
        FunctionInlining inlining = new FunctionInlining(graph, where);
        graph.getNodeList().forEach(inlining::emit);
        return graph.toBuilder().clearNode().addAllNode(inlining.inlined).build();
    }

    private void emit(NodeDef node) {
        FunctionDef function = calledFunction(node);
        if (function == null) {
            add(node);
            return;
        }
        OpDef signature = function.getSignature();
        String prefix = node.getName() + "/";
        Map<String, String> arguments = new HashMap<>();
        int data = 0;
        for (String input : node.getInputList()) {
            if (!input.startsWith("^")) {
                if (data >= signature.getInputArgCount()) {
                    throw new TfirException(where + ": call '" + node.getName() + "' passes more inputs than function '"
                            + signature.getName() + "' takes");
                }
                arguments.put(signature.getInputArg(data++).getName(), input);
            }
        }
        Map<String, NodeDef> body = new HashMap<>();
        function.getNodeDefList().forEach(n -> body.put(n.getName(), n));
        for (NodeDef bodyNode : function.getNodeDefList()) {
            NodeDef.Builder renamed = bodyNode.toBuilder().setName(prefix + bodyNode.getName()).clearInput().clearDevice();
            for (String input : bodyNode.getInputList()) {
                renamed.addInput(resolve(input, prefix, arguments, body, signature));
            }
            checkNoPlaceholders(renamed, signature);
            emit(renamed.build());
        }
        AttrValue.ListValue.Builder types = AttrValue.ListValue.newBuilder();
        NodeDef.Builder results = NodeDef.newBuilder().setName(node.getName()).setOp("IdentityN");
        for (var output : signature.getOutputArgList()) {
            String returned = function.getRetOrDefault(output.getName(), null);
            if (returned == null) {
                throw new TfirException(where + ": function '" + signature.getName() + "' returns nothing for '"
                        + output.getName() + "'");
            }
            results.addInput(resolve(returned, prefix, arguments, body, signature));
            types.addType(output.getType());
        }
        node.getInputList().stream().filter(input -> input.startsWith("^")).forEach(results::addInput);
        add(results.putAttr("T", AttrValue.newBuilder().setList(types).build()).build());
    }

    private void add(NodeDef node) {
        if (!names.add(node.getName())) {
            throw new TfirException(where + ": inlining the function calls gives two nodes named '" + node.getName()
                    + "' (a call's body node and another node of the same name); tfir cannot inline this model");
        }
        inlined.add(node);
    }

    private FunctionDef calledFunction(NodeDef node) {
        if (CALL_OPS.contains(node.getOp())) {
            String name = node.getAttrOrDefault("f", AttrValue.getDefaultInstance()).getFunc().getName();
            FunctionDef function = functions.get(name);
            if (function == null) {
                throw new TfirException(where + ": node '" + node.getName() + "' calls function '" + name
                        + "', which the graph's library does not have");
            }
            return function;
        }
        return functions.get(node.getOp());
    }

    /** A body input ({@code arg}, {@code node:out_arg:index}, {@code ^node}) as a graph input. */
    private String resolve(String input, String prefix, Map<String, String> arguments, Map<String, NodeDef> body,
                           OpDef signature) {
        boolean control = input.startsWith("^");
        String name = control ? input.substring(1) : input;
        String[] parts = name.split(":");
        String argument = arguments.get(parts[0]);
        if (argument != null && parts.length == 1) {
            return control ? "^" + argument.replaceFirst("^\\^", "").replaceFirst(":\\d+$", "") : argument;
        }
        NodeDef producer = body.get(parts[0]);
        if (producer == null) {
            throw new TfirException(where + ": function '" + signature.getName() + "' reads '" + input
                    + "', which is neither an argument nor a node of its body");
        }
        if (control) {
            return "^" + prefix + parts[0];
        }
        if (parts.length != 3) {
            throw new TfirException(where + ": function '" + signature.getName() + "' reads '" + input
                    + "'; a function body names outputs as node:output_arg:index");
        }
        int index = OpOutputs.flatIndex(producer, parts[1], Integer.parseInt(parts[2]), where);
        return prefix + parts[0] + (index == 0 ? "" : ":" + index);
    }

    private void checkNoPlaceholders(NodeDef.Builder node, OpDef signature) {
        node.getAttrMap().forEach((key, value) -> {
            if (!value.getPlaceholder().isEmpty()) {
                throw new TfirException(where + ": node '" + node.getName() + "' of function '" + signature.getName()
                        + "' takes attribute '" + key + "' from the call; tfir inlines only functions without "
                        + "attribute placeholders");
            }
        });
    }
}
