package dev.tfir.common.model;

import dev.tfir.common.TfirException;
import dev.tfir.common.graph.TensorRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;

/**
 * One TF1 while frame (control_flow_v1: the {@code Enter}s of one {@code frame_name}), read from a graph: per loop
 * variable its Enter, Merge, Switch and NextIteration (and Exit, when something reads the final value), the
 * shared LoopCond, the loop-invariant Enters ({@code is_constant=true}) and the nodes of the frame (all that the
 * Enters reach before the Exits).
 */
final class WhileFrame {
    /**
     * One loop variable: its Enter, Merge, NextIteration, Switch (null when the body does not read it: a frozen
     * graph may lack it) and Exit (null when nothing reads the final value).
     */
    record LoopVar(NodeDef enter, NodeDef merge, NodeDef nextIteration, NodeDef loopSwitch, NodeDef exit) {
        DataType type() {
            return enter.getAttrOrThrow("T").getType();
        }
    }

    final String name;
    final List<LoopVar> loopVars = new ArrayList<>();
    final List<NodeDef> invariants = new ArrayList<>();
    final NodeDef loopCond;
    /** The frame's nodes: what its Enters reach (data or control) up to its Exits, Exits included. */
    final Set<String> members = new HashSet<>();

    private WhileFrame(String name, NodeDef loopCond) {
        this.name = name;
        this.loopCond = loopCond;
    }

    /** The frame {@code name} of {@code graph}; refused, naming it, unless it has the form tf.while_loop writes. */
    static WhileFrame read(String name, Map<String, NodeDef> graph, Map<String, List<NodeDef>> consumers,
                           String where) {
        List<NodeDef> enters = graph.values().stream().filter(node -> node.getOp().equals("Enter")
                && frameOf(node).equals(name)).toList();
        NodeDef loopCond = null;
        List<LoopVar> vars = new ArrayList<>();
        List<NodeDef> invariants = new ArrayList<>();
        for (NodeDef enter : enters) {
            if (enter.getInputCount() == 0 || enter.getInput(0).startsWith("^")) {
                throw refusal(where, name, "Enter '" + enter.getName() + "' has no data input");
            }
            if (enter.getAttrOrDefault("is_constant", AttrValue.getDefaultInstance()).getB()) {
                invariants.add(enter);
                continue;
            }
            NodeDef merge = single(consumers, enter.getName(), 0, "Merge");
            NodeDef next = merge == null ? null : otherInput(merge, enter.getName(), graph);
            NodeDef loopSwitch = merge == null ? null : single(consumers, merge.getName(), 0, "Switch");
            if (next == null || !next.getOp().equals("NextIteration") || next.getInputCount() == 0) {
                throw refusal(where, name, "Enter '" + enter.getName() + "' does not start a Merge and "
                        + "NextIteration as tf.while_loop writes");
            }
            if (loopSwitch == null) { // the body and the graph do not read it (the Switch was pruned)
                vars.add(new LoopVar(enter, merge, next, null, null));
                continue;
            }
            NodeDef cond = loopSwitch.getInputCount() < 2 ? null
                    : graph.get(TensorRef.parse(loopSwitch.getInput(1)).node());
            if (cond == null || !cond.getOp().equals("LoopCond") || loopCond != null && cond != loopCond) {
                throw refusal(where, name, "Switch '" + loopSwitch.getName() + "' is not switched by the frame's "
                        + "one LoopCond");
            }
            loopCond = cond;
            vars.add(new LoopVar(enter, merge, next, loopSwitch, single(consumers, loopSwitch.getName(), 0, "Exit")));
        }
        if (loopCond == null || loopCond.getInputCount() == 0) {
            throw refusal(where, name, loopCond == null ? "has no loop variable" : "its LoopCond has no input");
        }
        WhileFrame frame = new WhileFrame(name, loopCond);
        frame.loopVars.addAll(vars);
        frame.invariants.addAll(invariants);
        frame.collectMembers(enters, consumers);
        return frame;
    }

    private void collectMembers(List<NodeDef> enters, Map<String, List<NodeDef>> consumers) {
        List<NodeDef> work = new ArrayList<>(enters);
        while (!work.isEmpty()) {
            NodeDef node = work.remove(work.size() - 1);
            if (members.add(node.getName()) && !node.getOp().equals("Exit")) {
                work.addAll(consumers.getOrDefault(node.getName(), List.of()));
            }
        }
    }

    static String frameOf(NodeDef enter) {
        return enter.getAttrOrDefault("frame_name", AttrValue.getDefaultInstance()).getS().toStringUtf8();
    }

    /** The loop-carried and loop-invariant values by the node output each is read from inside the frame. */
    Map<TensorRef, Integer> argumentsReadAs(boolean inBody) {
        Map<TensorRef, Integer> arguments = new LinkedHashMap<>();
        for (int i = 0; i < loopVars.size(); i++) {
            LoopVar var = loopVars.get(i);
            if (!inBody) {
                arguments.put(new TensorRef(var.merge().getName(), 0, false), i);
            } else if (var.loopSwitch() != null) {
                arguments.put(new TensorRef(var.loopSwitch().getName(), 1, false), i);
            }
        }
        for (int i = 0; i < invariants.size(); i++) {
            arguments.put(new TensorRef(invariants.get(i).getName(), 0, false), loopVars.size() + i);
        }
        return arguments;
    }

    /** The frame's nodes that only route values (Enter, Merge, Switch, NextIteration, LoopCond, Exit). */
    Set<String> routing() {
        Set<String> routing = new HashSet<>();
        routing.add(loopCond.getName());
        invariants.forEach(enter -> routing.add(enter.getName()));
        for (LoopVar var : loopVars) {
            for (NodeDef node : new NodeDef[] {var.enter(), var.merge(), var.loopSwitch(), var.nextIteration()}) {
                if (node != null) {
                    routing.add(node.getName());
                }
            }
        }
        return routing;
    }

    List<DataType> types() {
        List<DataType> types = new ArrayList<>();
        loopVars.forEach(var -> types.add(var.type()));
        invariants.forEach(enter -> types.add(enter.getAttrOrThrow("T").getType()));
        return types;
    }

    /** The one consumer of {@code name}'s output {@code port} whose op is {@code op}; null when none. */
    private static NodeDef single(Map<String, List<NodeDef>> consumers, String name, int port, String op) {
        NodeDef found = null;
        for (NodeDef consumer : consumers.getOrDefault(name, List.of())) {
            boolean reads = consumer.getOp().equals(op) && consumer.getInputList().stream()
                    .map(TensorRef::parse).anyMatch(ref -> !ref.control() && ref.node().equals(name)
                            && ref.port() == port);
            if (reads) {
                if (found != null) {
                    return null;
                }
                found = consumer;
            }
        }
        return found;
    }

    private static NodeDef otherInput(NodeDef merge, String enter, Map<String, NodeDef> graph) {
        List<String> data = merge.getInputList().stream().filter(input -> !input.startsWith("^")).toList();
        if (data.size() != 2) {
            return null;
        }
        String other = TensorRef.parse(data.get(0)).node().equals(enter) ? data.get(1) : data.get(0);
        return graph.get(TensorRef.parse(other).node());
    }

    static TfirException refusal(String where, String frame, String what) {
        return new TfirException(where + ": TF1 while loop '" + frame + "': " + what + "; tfir cannot rewrite it "
                + "as a functional While (export the loop with TF2 control flow, a tf.function's tf.while_loop)");
    }

    /** The nodes reading each node (by its name), for {@link #read}. */
    static Map<String, List<NodeDef>> consumers(Iterable<NodeDef> graph) {
        Map<String, List<NodeDef>> consumers = new HashMap<>();
        for (NodeDef node : graph) {
            for (String input : node.getInputList()) {
                List<NodeDef> list = consumers.computeIfAbsent(TensorRef.parse(input).node(), k -> new ArrayList<>());
                if (list.isEmpty() || list.get(list.size() - 1) != node) {
                    list.add(node);
                }
            }
        }
        return consumers;
    }
}
