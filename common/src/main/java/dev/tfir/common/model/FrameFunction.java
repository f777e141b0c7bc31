package dev.tfir.common.model;

import dev.tfir.common.graph.TensorRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;

/**
 * A function of a TF1 while frame's nodes, as while_v2 writes cond and body: arguments {@code loop_var_<i>} (the
 * frame's values read where {@code arguments} says: a Merge for cond, a Switch's true output for body), the frame
 * nodes the results need (copied with their names, inputs as {@code node:out_arg:index}, colocation dropped), and
 * Consts from outside the frame, which a frame may read without an Enter.
 */
final class FrameFunction {
    private final WhileFrame frame;
    private final Map<String, NodeDef> graph;
    private final Map<TensorRef, Integer> arguments;
    private final Set<String> routing;
    private final String where;
    private final Set<String> copied = new HashSet<>();
    private final Deque<NodeDef> pending = new ArrayDeque<>();

    FrameFunction(WhileFrame frame, Map<String, NodeDef> graph, Map<TensorRef, Integer> arguments, String where) {
        this.frame = frame;
        this.graph = graph;
        this.arguments = arguments;
        this.routing = frame.routing();
        this.where = where;
    }

    FunctionDef write(String name, List<DataType> types, List<String> results, List<DataType> resultTypes) {
        OpDef.Builder signature = OpDef.newBuilder().setName(name);
        for (int i = 0; i < types.size(); i++) {
            signature.addInputArg(OpDef.ArgDef.newBuilder().setName(argument(i)).setType(types.get(i)));
        }
        FunctionDef.Builder function = FunctionDef.newBuilder();
        for (int i = 0; i < results.size(); i++) {
            String result = "result_" + i;
            signature.addOutputArg(OpDef.ArgDef.newBuilder().setName(result).setType(resultTypes.get(i)));
            function.putRet(result, inFunction(results.get(i)));
        }
        while (!pending.isEmpty()) {
            NodeDef node = pending.pop();
            NodeDef.Builder copy = node.toBuilder().clearInput().clearDevice().removeAttr("_class");
            for (String input : node.getInputList()) {
                String read = inFunction(input);
                if (read != null) {
                    copy.addInput(read);
                }
            }
            function.addNodeDef(copy);
        }
        return function.setSignature(signature).build();
    }

    /** A graph input as the function reads it; null for a control input on the loop's routing. */
    private String inFunction(String input) {
        TensorRef ref = TensorRef.parse(input);
        if (ref.control()) {
            boolean onRouting = routing.contains(ref.node()) || arguments.keySet().stream()
                    .anyMatch(argument -> argument.node().equals(ref.node()));
            return onRouting ? null : "^" + copy(ref.node(), input);
        }
        Integer argument = arguments.get(ref);
        if (argument != null) {
            return argument(argument);
        }
        if (routing.contains(ref.node())) {
            throw WhileFrame.refusal(where, frame.name, "'" + input + "' is read where tfir expects only the "
                    + "loop's Merge (condition) or Switch (body) outputs");
        }
        NodeDef producer = graph.get(copy(ref.node(), input));
        return ref.node() + ":" + OpOutputs.argOf(producer, ref.port(), where);
    }

    private String copy(String name, String input) {
        NodeDef node = graph.get(name);
        if (node == null) {
            throw WhileFrame.refusal(where, frame.name, "it reads '" + input + "', which is no node of the graph");
        }
        if (!frame.members.contains(name) && !node.getOp().equals("Const")) {
            throw WhileFrame.refusal(where, frame.name, "it reads '" + input + "' from outside the loop without "
                    + "an Enter");
        }
        if (copied.add(name)) {
            pending.push(node);
        }
        return name;
    }

    private static String argument(int index) {
        return "loop_var_" + index;
    }
}
