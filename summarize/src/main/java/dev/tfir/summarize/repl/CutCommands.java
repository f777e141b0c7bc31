package dev.tfir.summarize.repl;

import dev.tfir.common.AtomicFiles;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.infer.ShapeInference;
import dev.tfir.common.infer.TensorType;
import dev.tfir.common.model.Freezing;
import dev.tfir.common.model.VariableValues;
import dev.tfir.common.types.DTypes;
import dev.tfir.convert.translate.op.OpTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorShapeProto;

/**
 * cut (choose a subgraph by its inputs and outputs, and see what it holds) and save (write it as a .pb, frozen:
 * with the session's checkpoint, variables hold their values).
 */
final class CutCommands {
    private static final String CUT = "cut [--input A[,B]] [--output C[,D]]";
    private static final String SAVE = "save <file.pb>";

    private CutCommands() {}

    static List<ShellCommand> all() {
        return List.of(
                new SimpleCommand("cut", CUT, "the subgraph between inputs and outputs (default: the detected ones)",
                        ShellCommand.Completion.NODE, List.of("--input", "--output"), CutCommands::cut),
                new SimpleCommand("save", SAVE, "write the last cut as a binary GraphDef; cut inputs become Placeholders, "
                                + "variables Consts holding their checkpoint values",
                        ShellCommand.Completion.NONE, CutCommands::save));
    }

    private static void cut(List<String> args, ShellContext c) {
        List<String> inputs = c.session().summary().inputs().stream().map(i -> i.name()).toList();
        List<String> outputs = c.session().summary().outputNames();
        for (int i = 0; i < args.size(); i += 2) {
            if (i + 1 >= args.size() || !(args.get(i).equals("--input") || args.get(i).equals("--output"))) {
                throw new ShellException("usage: " + CUT);
            }
            List<String> names = Arrays.asList(args.get(i + 1).split(","));
            names.forEach(c.session()::require);
            if (args.get(i).equals("--input")) {
                inputs = names;
            } else {
                outputs = names;
            }
        }
        Cut cut = Cut.of(c.session().graph(), inputs, outputs);
        c.session().setCut(cut);
        describe(cut, c);
    }

    private static void describe(Cut cut, ShellContext c) {
        TfGraph graph = c.session().graph();
        Printer p = c.printer();
        Map<String, Integer> ops = new TreeMap<>();
        List<String> unfedPlaceholders = new ArrayList<>();
        long parameters = 0;
        for (int i = 0; i < graph.size(); i++) {
            if (!cut.nodes()[i]) {
                continue;
            }
            NodeDef node = graph.node(i);
            ops.merge(node.getOp(), 1, Integer::sum);
            parameters += SearchCommands.elements(node);
            if (node.getOp().equals("Placeholder") && !cut.inputs().contains(node.getName())) {
                unfedPlaceholders.add(node.getName());
            }
        }
        p.println(p.heading("cut") + ": " + cut.size() + " nodes, " + parameters + " parameters (constants and variables)");
        p.println("  inputs:  " + String.join(", ", cut.inputs()));
        p.println("  outputs: " + String.join(", ", cut.outputs()));
        p.println("  ops:     " + ops.entrySet().stream().map(e -> e.getValue() + " " + p.op(e.getKey()))
                .collect(Collectors.joining(", ")));
        var translators = OpTable.standard();
        List<String> unsupported = ops.keySet().stream().filter(op -> !translators.supports(op)).toList();
        p.println("  convert: " + (unsupported.isEmpty() ? "every op type is supported"
                : "unsupported op types: " + String.join(", ", unsupported)));
        if (!unfedPlaceholders.isEmpty()) {
            p.println("  also needs feeding: " + String.join(", ", unfedPlaceholders));
        }
    }

    private static void save(List<String> args, ShellContext c) {
        Path file = Path.of(SimpleCommand.oneArg(args, SAVE));
        Cut cut = c.session().cut();
        if (cut == null) {
            throw new ShellException("nothing to save yet: choose a subgraph with 'cut' first");
        }
        GraphDef graph = subgraph(c.session(), cut);
        if (c.session().source().checkpointPath() == null) {
            AtomicFiles.write(Map.of(file, AtomicFiles.stream(graph::writeTo)));
            c.printer().println("wrote " + file + " (" + graph.getNodeCount() + " nodes)");
            return;
        }
        try (VariableValues values = new VariableValues(c.session().source(), c.session().model())) {
            GraphDef structure = Freezing.freezeStructure(new TfGraph(graph, file.toString()),
                    graph.getNodeList().stream().map(NodeDef::getName).toList());
            int frozen = values.writeFrozen(structure, file);
            c.printer().println("wrote " + file + " (" + graph.getNodeCount() + " nodes, " + frozen
                    + " variable(s) frozen with their checkpoint values)");
        }
    }

    /** The cut's nodes in file order; each cut input that is not a Placeholder becomes one, typed by inference. */
    static GraphDef subgraph(GraphSession session, Cut cut) {
        TfGraph graph = session.graph();
        ShapeInference inference = session.inference();
        GraphDef.Builder out = graph.graphDef().toBuilder().clearNode();
        for (int i = 0; i < graph.size(); i++) {
            if (!cut.nodes()[i]) {
                continue;
            }
            NodeDef node = graph.node(i);
            if (cut.inputs().contains(node.getName()) && !node.getOp().equals("Placeholder")) {
                out.addNode(placeholder(node.getName(), inference.output(node.getName(), 0)));
            } else {
                out.addNode(node);
            }
        }
        return out.build();
    }

    private static NodeDef placeholder(String name, TensorType type) {
        if (type.dtype() == DataType.DT_INVALID) {
            throw new ShellException("cannot tell the type of '" + name + "' to make it an input; cut at another node");
        }
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        if (type.shape().hasRank()) {
            for (long dim : type.shape().dims()) {
                shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(dim));
            }
        } else {
            shape.setUnknownRank(true);
        }
        return NodeDef.newBuilder().setName(name).setOp("Placeholder")
                .putAttr("dtype", AttrValue.newBuilder().setType(DTypes.baseType(type.dtype())).build())
                .putAttr("shape", AttrValue.newBuilder().setShape(shape).build()).build();
    }
}
