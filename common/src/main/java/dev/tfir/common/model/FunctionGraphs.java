package dev.tfir.common.model;

import dev.tfir.common.TfirException;
import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.graph.TfGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;

/**
 * A function of a graph's library (the body or condition of a While, a branch of an If) as a graph of its own:
 * one Placeholder per argument, named as the argument, and the body inlined as {@link FunctionInlining} inlines a
 * call (nodes named {@code <function>/<body node>}, functions it calls inlined too), without control edges (what
 * they order, NoOps and asserts, computes nothing the results need, as in a SavedModel's signature), frozen as the
 * outer graph is
 * (a ReadVariableOp of a resource argument becomes an Identity: the argument carries the frozen variable's value).
 */
public final class FunctionGraphs {
    /**
     * @param graph     the function's graph, pruned to what its results need
     * @param arguments the Placeholders standing for the arguments, in order (pruned ones included by name)
     * @param results   the tensors the function returns, in order
     */
    public record FunctionGraph(TfGraph graph, List<String> arguments, List<TensorRef> results) {}

    private FunctionGraphs() {}

    /**
     * The named function of {@code library}'s library; a missing function is bad input.
     *
     * @param caller the node that runs the function, for messages (e.g. {@code StatelessWhile 'while'})
     */
    public static FunctionGraph of(GraphDef library, String function, String caller) {
        FunctionDef definition = library.getLibrary().getFunctionList().stream()
                .filter(f -> f.getSignature().getName().equals(function)).findFirst()
                .orElseThrow(() -> new TfirException(caller + " runs function '" + function
                        + "', which the graph's library does not have; the graph is incomplete"));
        String where = "function '" + function + "'";
        OpDef signature = definition.getSignature();
        GraphDef.Builder graph = GraphDef.newBuilder().setLibrary(library.getLibrary());
        NodeDef.Builder call = NodeDef.newBuilder().setName(function).setOp(function);
        List<String> arguments = new ArrayList<>();
        for (OpDef.ArgDef argument : signature.getInputArgList()) {
            graph.addNode(NodeDef.newBuilder().setName(argument.getName()).setOp("Placeholder")
                    .putAttr("dtype", AttrValue.newBuilder().setType(argument.getType()).build()));
            call.addInput(argument.getName());
            arguments.add(argument.getName());
        }
        graph.addNode(call);
        List<TensorRef> results = new ArrayList<>();
        for (int port = 0; port < signature.getOutputArgCount(); port++) {
            results.add(new TensorRef(function, port, false));
        }
        GraphDef.Builder inlined = FunctionInlining.inline(graph.build(), where).toBuilder();
        for (NodeDef.Builder node : inlined.getNodeBuilderList()) {
            List<String> data = node.getInputList().stream().filter(input -> !input.startsWith("^")).toList();
            node.clearInput().addAllInput(data);
        }
        GraphDef frozen = Freezing.freezeStructure(new TfGraph(inlined.build(), where), List.of(function));
        return new FunctionGraph(new TfGraph(frozen, where), arguments, results);
    }

    /** The names of the functions a node runs (its attributes naming a function: a While's cond and body...). */
    public static List<String> calledBy(NodeDef node) {
        Map<String, String> byAttribute = new TreeMap<>();  // in the order of the attributes' names
        for (Map.Entry<String, AttrValue> attr : node.getAttrMap().entrySet()) {
            if (attr.getValue().hasFunc()) {
                byAttribute.put(attr.getKey(), attr.getValue().getFunc().getName());
            }
        }
        return List.copyOf(byAttribute.values());
    }
}
