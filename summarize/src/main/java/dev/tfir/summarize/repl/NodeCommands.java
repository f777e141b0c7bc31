package dev.tfir.summarize.repl;

import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.infer.TensorType;
import dev.tfir.common.types.DTypes;
import dev.tfir.convert.translate.ConditionalFlow;
import dev.tfir.summarize.report.AttrFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.NodeDef;

/** Commands about one node and its neighbourhood: show, in, out, path. */
final class NodeCommands {
    private static final String SHOW = "show <node>";
    private static final String IN = "in <node> [depth]";
    private static final String OUT = "out <node> [depth]";
    private static final String PATH = "path <from> <to>";
    private static final int DEFAULT_DEPTH = 2;

    private NodeCommands() {}

    static List<ShellCommand> all() {
        return List.of(
                new SimpleCommand("show", SHOW, "a node: op, device, attributes, output types, inputs, consumers, control edges",
                        ShellCommand.Completion.NODE, NodeCommands::show),
                new SimpleCommand("in", IN, "the producers feeding a node, as a tree",
                        ShellCommand.Completion.NODE, (args, c) -> tree(args, c, true)),
                new SimpleCommand("out", OUT, "the consumers of a node, as a tree",
                        ShellCommand.Completion.NODE, (args, c) -> tree(args, c, false)),
                new SimpleCommand("path", PATH, "a shortest chain of edges from one node to another",
                        ShellCommand.Completion.NODE, NodeCommands::path));
    }

    private static void show(List<String> args, ShellContext c) {
        TfGraph graph = c.session().graph();
        Printer p = c.printer();
        String name = SimpleCommand.oneArg(args, SHOW);
        NodeDef bodyNode = graph.indexOf(name) < 0 ? c.session().functions().node(name) : null;
        if (bodyNode != null) {
            showHeader(bodyNode, name, c);
            bodyNode.getInputList().forEach(input -> p.println("  input:     " + p.node(input)));
            return;
        }
        NodeDef node = graph.node(c.session().require(name));
        showHeader(node, node.getName(), c);
        showControlFlow(graph.indexOf(name), name, c);
        List<TensorType> outputs = c.session().inference().outputs(node.getName());
        for (int port = 0; port < outputs.size(); port++) {
            p.println("  output " + port + ":  " + typeText(outputs.get(port)));
        }
        List<String> controlIn = new ArrayList<>();
        for (int k = 0; k < node.getInputCount(); k++) {
            TensorRef ref = TensorRef.parse(node.getInput(k));
            NodeDef producer = graph.node(graph.indexOf(ref.node()));
            if (ref.control()) {
                controlIn.add(p.node(ref.node()));
            } else {
                p.println("  input " + k + ":   " + p.node(ref.toString()) + " " + p.muted("(" + producer.getOp() + ")")
                        + "  " + typeText(c.session().inference().output(ref.node(), ref.port())));
            }
        }
        int index = graph.indexOf(node.getName());
        Set<Integer> consumers = new LinkedHashSet<>(graph.dataConsumers(index));
        for (int consumer : consumers) {
            p.println("  consumer:  " + p.nodeWithOp(graph.node(consumer).getName(), graph.node(consumer).getOp()));
        }
        if (consumers.isEmpty()) {
            p.println("  consumer:  " + p.muted("none: nobody reads its outputs"));
        }
        if (!controlIn.isEmpty()) {
            p.println("  waits on:  " + String.join(", ", controlIn));
        }
        List<String> controlOut = graph.controlConsumers(index).stream().map(i -> p.node(graph.node(i).getName())).toList();
        if (!controlOut.isEmpty()) {
            p.println("  awaited by: " + String.join(", ", controlOut));
        }
    }

    /** Name, op, device, attributes and the functions the node calls (a While's cond and body, an If's branches). */
    private static void showHeader(NodeDef node, String name, ShellContext c) {
        Printer p = c.printer();
        p.println(p.node(name));
        p.println("  op:        " + p.op(node.getOp()));
        p.println("  device:    " + (node.getDevice().isEmpty() ? p.muted("(any)") : node.getDevice()));
        Map<String, AttrValue> attrs = new TreeMap<>(node.getAttrMap());
        attrs.forEach((key, value) -> p.println("  attr " + key + " = " + AttrFormat.format(value)));
        FunctionBodies.calledBy(node).forEach((attr, functions) -> functions.forEach(function -> {
            FunctionDef body = c.session().functions().all().get(function);
            p.println("  function " + attr + ": " + p.node(function) + " " + p.muted(body == null
                    ? "(not in the graph's library)"
                    : body.getNodeDefCount() + " nodes " + FunctionBodies.signature(body) + "; 'ls " + function
                    + "/' lists them"));
        }));
    }

    /**
     * Where a node runs in TF1 control flow: its while-loop frames, and the tf.cond branches it lies in (the side of
     * each predicate it needs), or that it never runs (a branch a constant predicate never takes).
     */
    private static void showControlFlow(int index, String name, ShellContext c) {
        Printer p = c.printer();
        List<String> frames = c.session().frames().of(index);
        if (!frames.isEmpty()) {
            p.println("  frame:     " + String.join(" > ", frames) + " " + p.muted("(TF1 while loop)"));
        }
        ConditionalFlow flow = c.session().conditionals();
        if (flow.isDead(name)) {
            p.println("  branch:    " + p.muted("never runs: it lies in a branch that a constant predicate never "
                    + "takes"));
        }
        for (ConditionalFlow.Branch branch : flow.branchesOf(name)) {
            p.println("  branch:    " + branch.side() + " side of " + p.node(branch.predicate().toString()));
        }
    }

    /** "float32 (-1,112,112,64)", with '?' for an unknown dtype. */
    private static String typeText(TensorType type) {
        return (type.dtype() == DataType.DT_INVALID ? "?" : DTypes.pythonName(type.dtype())) + " "
                + type.shape().toSummaryString();
    }

    /** Producers (in) or consumers (out) down to a depth, drawn as a tree; repeated nodes are not expanded. */
    private static void tree(List<String> args, ShellContext c, boolean producers) {
        String usage = producers ? IN : OUT;
        if (args.isEmpty() || args.size() > 2) {
            throw new ShellException("usage: " + usage);
        }
        int root = c.session().require(args.get(0));
        int depth = SimpleCommand.intArg(args, 1, DEFAULT_DEPTH, usage);
        List<String> lines = new ArrayList<>();
        TfGraph graph = c.session().graph();
        lines.add(c.printer().nodeWithOp(graph.node(root).getName(), graph.node(root).getOp()));
        branch(c, root, depth, producers, "", new LinkedHashSet<>(List.of(root)), lines);
        c.printer().list(lines);
    }

    private static void branch(ShellContext c, int node, int depth, boolean producers, String indent,
                               Set<Integer> seen, List<String> lines) {
        TfGraph graph = c.session().graph();
        List<Integer> next = producers ? distinct(graph.producers(node)) : new ArrayList<>(new LinkedHashSet<>(
                concat(graph.dataConsumers(node), graph.controlConsumers(node))));
        if (depth == 0) {
            if (!next.isEmpty()) {
                lines.add(indent + "└─ " + c.printer().muted("... " + next.size() + " more below (raise the depth)"));
            }
            return;
        }
        for (int i = 0; i < next.size(); i++) {
            int child = next.get(i);
            boolean last = i == next.size() - 1;
            boolean repeated = !seen.add(child);
            NodeDef childNode = graph.node(child);
            lines.add(indent + (last ? "└─ " : "├─ ") + c.printer().nodeWithOp(childNode.getName(), childNode.getOp())
                    + (repeated ? c.printer().muted(" (shown above)") : ""));
            if (!repeated) {
                branch(c, child, depth - 1, producers, indent + (last ? "   " : "│  "), seen, lines);
            }
        }
    }

    private static List<Integer> distinct(int[] items) {
        Set<Integer> unique = new LinkedHashSet<>();
        for (int item : items) {
            unique.add(item);
        }
        return new ArrayList<>(unique);
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Breadth-first along consumers (data and control) from one node to the other, in either direction. */
    private static void path(List<String> args, ShellContext c) {
        if (args.size() != 2) {
            throw new ShellException("usage: " + PATH);
        }
        int from = c.session().require(args.get(0));
        int to = c.session().require(args.get(1));
        List<Integer> chain = shortestPath(c.session().graph(), from, to);
        if (chain.isEmpty()) {
            chain = shortestPath(c.session().graph(), to, from);
            Collections.reverse(chain);
        }
        if (chain.isEmpty()) {
            c.printer().println(c.printer().muted("no path between '" + args.get(0) + "' and '" + args.get(1) + "'"));
            return;
        }
        TfGraph graph = c.session().graph();
        for (int i = 0; i < chain.size(); i++) {
            NodeDef node = graph.node(chain.get(i));
            c.printer().println((i == 0 ? "   " : " → ") + c.printer().nodeWithOp(node.getName(), node.getOp()));
        }
        c.printer().println(c.printer().muted((chain.size() - 1) + " edges"));
    }

    private static List<Integer> shortestPath(TfGraph graph, int from, int to) {
        int[] previous = new int[graph.size()];
        java.util.Arrays.fill(previous, -2);
        previous[from] = -1;
        Deque<Integer> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty() && previous[to] == -2) {
            int node = queue.poll();
            for (int next : concat(graph.dataConsumers(node), graph.controlConsumers(node))) {
                if (previous[next] == -2) {
                    previous[next] = node;
                    queue.add(next);
                }
            }
        }
        List<Integer> chain = new ArrayList<>();
        if (previous[to] == -2) {
            return chain;
        }
        for (int node = to; node != -1; node = previous[node]) {
            chain.add(0, node);
        }
        return chain;
    }
}
