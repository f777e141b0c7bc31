package dev.tfir.summarize.repl;

import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.model.CheckpointBinding;
import dev.tfir.common.types.DTypes;
import dev.tfir.common.types.PartialShape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.NodeDef;

/** Commands that search the graph: ls, find ({@link NamePattern}), ops, consts. */
final class SearchCommands {
    private static final String LS = "ls [scope] [depth]";
    private static final String FIND = "find <regex|glob>";
    private static final String CONSTS = "consts [--top N]";
    private static final int DEFAULT_TOP = 10;

    private SearchCommands() {}

    static List<ShellCommand> all() {
        return List.of(
                new SimpleCommand("ls", LS, "name scopes as a tree (depth levels, default 1), with node counts; functions too (ls <function>/)",
                        ShellCommand.Completion.SCOPE, SearchCommands::ls),
                new SimpleCommand("find", FIND, "nodes whose name matches (glob: whole name; regex: any part)",
                        ShellCommand.Completion.NODE, SearchCommands::find),
                new SimpleCommand("ops", "ops [OpType]", "nodes of an op type; without one, the op types with counts",
                        ShellCommand.Completion.OP_TYPE, SearchCommands::ops),
                new SimpleCommand("consts", CONSTS, "the largest constants and variables",
                        ShellCommand.Completion.NONE, List.of("--top"), SearchCommands::consts));
    }

    /** Levels of the scope tree under a scope: sub-scopes with their node counts, then the nodes directly in it. */
    private static void ls(List<String> args, ShellContext c) {
        if (args.size() > 2) {
            throw new ShellException("usage: " + LS);
        }
        String scope = args.isEmpty() || args.get(0).isEmpty() ? ""
                : args.get(0).endsWith("/") ? args.get(0) : args.get(0) + "/";
        int depth = Math.max(1, SimpleCommand.intArg(args, 1, 1, LS));
        List<String> lines = new ArrayList<>();
        FunctionDef function = c.session().functions().of(scope);
        if (function == null) {
            level(c, c.session().graph().nodes(), scope, depth, "", lines);
        } else {
            String inner = scope.substring(scope.indexOf('/') + 1);
            if (inner.isEmpty()) {
                lines.add(c.printer().muted("function " + FunctionBodies.signature(function)));
            }
            level(c, function.getNodeDefList(), inner, depth, "", lines);
        }
        if (scope.isEmpty()) {
            c.session().functions().all().forEach((name, body) -> lines.add(c.printer().heading(name + "/") + " "
                    + c.printer().muted("function, " + body.getNodeDefCount() + " nodes")));
        }
        if (lines.isEmpty()) {
            throw new ShellException("no scope '" + scope + "'; 'ls' lists the top level");
        }
        c.printer().list(lines);
    }

    private static void level(ShellContext c, List<NodeDef> all, String scope, int depth, String indent,
                              List<String> lines) {
        Map<String, Integer> subScopes = new TreeMap<>();
        List<String> nodes = new ArrayList<>();
        for (NodeDef node : all) {
            String name = node.getName();
            if (!name.startsWith(scope)) {
                continue;
            }
            int slash = name.indexOf('/', scope.length());
            if (slash < 0) {
                nodes.add(indent + c.printer().nodeWithOp(name.substring(scope.length()), node.getOp()));
            } else {
                subScopes.merge(name.substring(scope.length(), slash + 1), 1, Integer::sum);
            }
        }
        subScopes.forEach((sub, count) -> {
            lines.add(indent + c.printer().heading(sub) + " " + c.printer().muted(count + " nodes"));
            if (depth > 1) {
                level(c, all, scope + sub, depth - 1, indent + "  ", lines);
            }
        });
        lines.addAll(nodes);
    }

    private static void find(List<String> args, ShellContext c) {
        NamePattern pattern = NamePattern.of(SimpleCommand.oneArg(args, FIND));
        List<String> lines = new ArrayList<>();
        for (NodeDef node : c.session().graph().nodes()) {
            if (pattern.matches(node.getName())) {
                lines.add(c.printer().nodeWithOp(node.getName(), node.getOp()));
            }
        }
        report(c, lines, "no node matches '" + args.get(0) + "'");
    }

    private static void ops(List<String> args, ShellContext c) {
        if (args.isEmpty()) {
            Map<String, Integer> counts = new TreeMap<>();
            c.session().graph().nodes().forEach(n -> counts.merge(n.getOp(), 1, Integer::sum));
            List<String> lines = new ArrayList<>();
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> lines.add(String.format("%7d  %s", e.getValue(), c.printer().op(e.getKey()))));
            c.printer().list(lines);
            return;
        }
        String op = SimpleCommand.oneArg(args, "ops [OpType]");
        List<String> lines = new ArrayList<>();
        for (NodeDef node : c.session().graph().nodes()) {
            if (node.getOp().equals(op)) {
                lines.add(c.printer().node(node.getName()));
            }
        }
        report(c, lines, "no node has op type '" + op + "'; 'ops' lists the op types");
    }

    private static void consts(List<String> args, ShellContext c) {
        int top = DEFAULT_TOP;
        if (!args.isEmpty()) {
            if (!args.get(0).equals("--top") || args.size() != 2) {
                throw new ShellException("usage: " + CONSTS);
            }
            top = SimpleCommand.intArg(args, 1, DEFAULT_TOP, CONSTS);
        }
        TfGraph graph = c.session().graph();
        List<NodeDef> held = new ArrayList<>();
        for (NodeDef node : graph.nodes()) {
            if (elements(node) > 0) {
                held.add(node);
            }
        }
        held.sort(Comparator.comparingLong(SearchCommands::elements).reversed());
        List<String> lines = new ArrayList<>();
        for (NodeDef node : held.subList(0, Math.min(top, held.size()))) {
            AttrValue dtype = node.getAttrOrDefault("dtype", AttrValue.getDefaultInstance());
            long count = elements(node);
            lines.add(String.format("%12d  %-8s %s %s", count, DTypes.pythonName(dtype.getType()),
                    c.printer().nodeWithOp(node.getName(), node.getOp()),
                    c.printer().muted(shape(node).toSummaryString() + " " + count * DTypes.byteSize(dtype.getType())
                            + " bytes")));
        }
        report(c, lines, "no constants or variables with a known size");
    }

    /** Elements held by a Const (its value) or a variable (its shape); 0 for other nodes. */
    static long elements(NodeDef node) {
        boolean holder = node.getOp().equals("Const") || CheckpointBinding.VARIABLE_OPS.contains(node.getOp());
        return holder ? Math.max(0, shape(node).elementCount()) : 0;
    }

    private static PartialShape shape(NodeDef node) {
        if (node.getOp().equals("Const")) {
            return PartialShape.fromProto(node.getAttrOrDefault("value", AttrValue.getDefaultInstance())
                    .getTensor().getTensorShape());
        }
        return PartialShape.fromProto(node.getAttrOrDefault("shape", AttrValue.getDefaultInstance()).getShape());
    }

    private static void report(ShellContext c, List<String> lines, String none) {
        if (lines.isEmpty()) {
            c.printer().println(c.printer().muted(none));
        } else {
            c.printer().list(lines);
        }
    }
}
