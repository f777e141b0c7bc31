package dev.tfir.common.model;

import dev.tfir.common.graph.TensorRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NameAttrList;
import org.tensorflow.proto.NodeDef;

/**
 * TF1 while loops (control_flow_v1 frames: Enter, Merge, Switch, LoopCond, NextIteration, Exit) rewritten as the
 * functional {@code While} TF2's while_v2 writes, innermost frame first: the loop variables, then the loop
 * invariants (the {@code is_constant} Enters, passed through unchanged), are the While's inputs and outputs; the
 * frame's nodes become two functions of the graph's library, {@code cond} (the loop variables to the LoopCond's
 * predicate) and {@code body} (the loop variables to the NextIterations' values); each Exit becomes an Identity of
 * the While's output. TensorArrays become TensorLists first ({@link TensorArrayLists}). A frame of another form is
 * refused, naming it.
 */
final class Tf1Loops {
    private final Map<String, NodeDef> graph = new LinkedHashMap<>();
    private final Set<String> functionNames = new HashSet<>();
    private final List<FunctionDef> functions = new ArrayList<>();
    private final String where;

    private Tf1Loops(List<NodeDef> nodes, GraphDef stored, String where) {
        nodes.forEach(node -> graph.put(node.getName(), node));
        stored.getLibrary().getFunctionList().forEach(f -> functionNames.add(f.getSignature().getName()));
        this.where = where;
    }

    /** {@code graph} with its TF1 while loops as functional Whiles; the graph itself when it has none. */
    static GraphDef rewrite(GraphDef stored, String where) {
        Set<String> frames = new LinkedHashSet<>();
        stored.getNodeList().stream().filter(node -> node.getOp().equals("Enter"))
                .forEach(enter -> frames.add(WhileFrame.frameOf(enter)));
        if (frames.isEmpty()) {
            return stored;
        }
        Tf1Loops loops = new Tf1Loops(TensorArrayLists.rewrite(stored.getNodeList(), where), stored, where);
        while (!frames.isEmpty()) {
            String innermost = null;
            for (String name : frames) {
                WhileFrame frame = WhileFrame.read(name, loops.graph, WhileFrame.consumers(loops.graph.values()),
                        where);
                if (frame.members.stream().map(loops.graph::get)
                        .noneMatch(node -> node.getOp().equals("Enter") && !WhileFrame.frameOf(node).equals(name))) {
                    loops.replace(frame);
                    innermost = name;
                    break;
                }
            }
            if (innermost == null) {
                throw WhileFrame.refusal(where, frames.iterator().next(), "its frames nest in an order tfir "
                        + "cannot follow");
            }
            frames.remove(innermost);
        }
        loops.removeOrphans(stored);
        return stored.toBuilder().clearNode().addAllNode(loops.graph.values())
                .setLibrary(stored.getLibrary().toBuilder().addAllFunction(loops.functions)).build();
    }

    /**
     * Removes what the rewrite left unread: a node read in {@code stored} that nothing reads now (the indices of a
     * TensorArray's unstack and stack, a TensorArray an unstack replaced), and so on up its inputs, so that it
     * does not become an output of the model.
     */
    private void removeOrphans(GraphDef stored) {
        Set<String> readBefore = new HashSet<>();
        stored.getNodeList().forEach(node -> node.getInputList()
                .forEach(input -> readBefore.add(TensorRef.parse(input).node())));
        Map<String, List<NodeDef>> consumers = WhileFrame.consumers(graph.values());
        List<String> work = new ArrayList<>(graph.keySet());
        while (!work.isEmpty()) {
            String name = work.remove(work.size() - 1);
            NodeDef node = graph.get(name);
            boolean orphan = node != null && readBefore.contains(name)
                    && consumers.getOrDefault(name, List.of()).stream().noneMatch(c -> graph.containsKey(c.getName()));
            if (orphan) {
                graph.remove(name);
                node.getInputList().forEach(input -> work.add(TensorRef.parse(input).node()));
            }
        }
    }

    private void replace(WhileFrame frame) {
        String whileName = unusedName(frame.loopCond.getName().replaceFirst("[^/]*$", "") + "While", frame);
        List<DataType> types = frame.types();
        FunctionDef cond = function(frame, whileName, false, types,
                List.of(frame.loopCond.getInput(0)), List.of(DataType.DT_BOOL));
        List<String> results = new ArrayList<>();
        frame.loopVars.forEach(var -> results.add(var.nextIteration().getInput(0)));
        frame.invariants.forEach(enter -> results.add(enter.getName()));
        FunctionDef body = function(frame, whileName, true, types, results, types);
        NodeDef.Builder loop = NodeDef.newBuilder().setName(whileName).setOp("While")
                .putAttr("T", AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder().addAllType(types))
                        .build())
                .putAttr("cond", function(cond)).putAttr("body", function(body))
                .putAttr("parallel_iterations", AttrValue.newBuilder().setI(frame.loopVars.get(0).enter()
                        .getAttrOrDefault("parallel_iterations", AttrValue.getDefaultInstance()).getI()).build());
        List<NodeDef> enters = new ArrayList<>();
        frame.loopVars.forEach(var -> enters.add(var.enter()));
        enters.addAll(frame.invariants);
        enters.forEach(enter -> loop.addInput(enter.getInput(0)));
        enters.stream().flatMap(enter -> enter.getInputList().stream()).filter(input -> input.startsWith("^"))
                .distinct().forEach(loop::addInput);
        frame.members.forEach(graph::remove);
        graph.put(whileName, loop.build());
        for (int i = 0; i < frame.loopVars.size(); i++) {
            NodeDef exit = frame.loopVars.get(i).exit();
            if (exit != null) {
                graph.put(exit.getName(), NodeDef.newBuilder().setName(exit.getName()).setOp("Identity")
                        .addInput(new TensorRef(whileName, i, false).toString())
                        .putAttr("T", AttrValue.newBuilder().setType(types.get(i)).build()).build());
            }
        }
        requireNoReadsInside(frame);
    }

    /** The cond or body function: the loop variables in, {@code results} (graph inputs inside the frame) out. */
    private FunctionDef function(WhileFrame frame, String whileName, boolean isBody, List<DataType> types,
                                 List<String> results, List<DataType> resultTypes) {
        FrameFunction written = new FrameFunction(frame, graph, frame.argumentsReadAs(isBody), where);
        String name = whileName.replaceAll("[^A-Za-z0-9_]", "_") + (isBody ? "_body" : "_cond");
        for (int n = 1; !functionNames.add(name); n++) {
            name = name.replaceFirst("(_\\d+)?$", "_" + n);
        }
        FunctionDef function = written.write(name, types, results, resultTypes);
        functions.add(function);
        return function;
    }

    private static AttrValue function(FunctionDef function) {
        return AttrValue.newBuilder().setFunc(NameAttrList.newBuilder().setName(function.getSignature().getName()))
                .build();
    }

    private String unusedName(String name, WhileFrame frame) {
        String unused = name;
        for (int n = 1; graph.containsKey(unused) && !frame.members.contains(unused); n++) {
            unused = name + "_" + n;
        }
        return unused;
    }

    /** Outside the frame, only its Exits (now the While's outputs) may be read. */
    private void requireNoReadsInside(WhileFrame frame) {
        for (NodeDef node : graph.values()) {
            for (String input : node.getInputList()) {
                String producer = TensorRef.parse(input).node();
                if (frame.members.contains(producer) && !graph.containsKey(producer)) {
                    throw WhileFrame.refusal(where, frame.name, "node '" + node.getName() + "' reads '" + input
                            + "' inside the loop other than through an Exit");
                }
            }
        }
    }
}
