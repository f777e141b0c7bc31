package dev.tfir.common.model;

import dev.tfir.common.TfirException;
import dev.tfir.common.checkpoint.Checkpoint;
import dev.tfir.common.checkpoint.Tensor;
import dev.tfir.common.checkpoint.VariableInfo;
import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.graph.TfGraph;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Which checkpoint tensor holds the value of each variable of a graph, as TensorFlow's restore finds it:
 * <ol>
 *   <li>for a variable that a call in a TF2 SavedModel's graph captures, the value of the object-graph node the
 *       called function's bound inputs name for it (as TensorFlow's loader binds it: the SavedModel's object graph
 *       numbers its nodes as its checkpoint's);</li>
 *   <li>the key (and, for a partition, the slice) the graph's own save subgraph ({@code SaveV2}, {@code
 *       SaveSlices}, {@code Save}) writes the variable under, read from its {@code tensor_names} and {@code
 *       shape_and_slices} constants;</li>
 *   <li>else the variable's node name (a TF1 Saver's key), else its {@code shared_name};</li>
 *   <li>else the one variable saved under that name in a TF2 object-graph checkpoint;</li>
 *   <li>else, for a partition {@code var/part_N} of a graph without a save subgraph, its block of {@code var}:
 *       partitions split one axis in order, so the block follows from the shapes of {@code var/part_0..N-1}.</li>
 * </ol>
 * Values are read when asked for, one at a time.
 */
public final class CheckpointBinding {
    /** The ops that hold a variable (before freezing), and what they are frozen into. */
    public static final Set<String> VARIABLE_OPS = Set.of("VariableV2", "Variable", "VarHandleOp");

    /** The checkpoint tensor of a variable: a whole tensor ({@code start} null) or a block of it. */
    public record Target(String key, long[] start, long[] shape) {
        public boolean isSlice() {
            return start != null;
        }
    }

    private final Checkpoint checkpoint;
    private final Map<String, Integer> capturedObjects;
    private final Map<String, Target> saved;
    private final Map<String, long[]> declaredShapes;

    private CheckpointBinding(Checkpoint checkpoint, Map<String, Integer> capturedObjects, Map<String, Target> saved,
                              Map<String, long[]> declaredShapes) {
        this.checkpoint = checkpoint;
        this.capturedObjects = capturedObjects;
        this.saved = saved;
        this.declaredShapes = declaredShapes;
    }

    /**
     * Binds the variables of {@code stored} (the graph as its file holds it, save subgraph included); {@code
     * boundInputs}: of a TF2 SavedModel, the object-graph nodes its functions capture ({@link
     * LoadedModel#boundInputs}), else empty.
     */
    public static CheckpointBinding of(Checkpoint checkpoint, GraphDef stored, Map<String, List<Integer>> boundInputs) {
        TfGraph graph = new TfGraph(stored, checkpoint.path().toString());
        Map<String, long[]> shapes = new HashMap<>();
        for (NodeDef node : stored.getNodeList()) {
            if (VARIABLE_OPS.contains(node.getOp()) && node.containsAttr("shape")
                    && !node.getAttrOrThrow("shape").getShape().getUnknownRank()) {
                shapes.put(node.getName(), node.getAttrOrThrow("shape").getShape().getDimList().stream()
                        .mapToLong(d -> d.getSize()).toArray());
            }
        }
        return new CheckpointBinding(checkpoint, capturedObjects(graph, boundInputs), SaveSpecs.read(graph), shapes);
    }

    /**
     * The object-graph node of each variable that a call of a function with bound inputs captures: the call's last
     * inputs, in their order. A variable captured as two different nodes is left to the other rules.
     */
    private static Map<String, Integer> capturedObjects(TfGraph graph, Map<String, List<Integer>> boundInputs) {
        Map<String, Integer> objects = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (int n = 0; n < graph.size() && !boundInputs.isEmpty(); n++) {
            AttrValue function = graph.node(n).getAttrMap().get("f");
            List<Integer> bound = function == null ? List.of()
                    : boundInputs.getOrDefault(function.getFunc().getName(), List.of());
            List<String> inputs = bound.isEmpty() ? List.of()
                    : graph.node(n).getInputList().stream().filter(i -> !i.startsWith("^")).toList();
            for (int i = 0, first = inputs.size() - bound.size(); first >= 0 && i < bound.size(); i++) {
                NodeDef variable = variableBehind(graph, inputs.get(first + i));
                Integer earlier = variable == null ? null : objects.putIfAbsent(variable.getName(), bound.get(i));
                if (earlier != null && !earlier.equals(bound.get(i))) {
                    ambiguous.add(variable.getName());
                }
            }
        }
        objects.keySet().removeAll(ambiguous);
        return objects;
    }

    public Checkpoint checkpoint() {
        return checkpoint;
    }

    /** The checkpoint tensor of variable {@code node} (a variable op or its frozen Const), if there is one. */
    public Optional<Target> find(NodeDef node) {
        Integer object = capturedObjects.get(node.getName());
        Optional<String> restored = object == null ? Optional.empty()
                : checkpoint.objectValueKey(object).filter(key -> checkpoint.variable(key).isPresent());
        if (restored.isPresent()) {
            return Optional.of(new Target(restored.get(), null, null));
        }
        Target fromSaver = saved.get(node.getName());
        if (fromSaver != null) {
            return checkpoint.variable(fromSaver.key()).isPresent() ? Optional.of(fromSaver) : Optional.empty();
        }
        String sharedName = sharedName(node);
        for (String name : List.of(node.getName(), sharedName)) {
            if (!name.isEmpty() && checkpoint.variable(name).isPresent()) {
                return Optional.of(new Target(name, null, null));
            }
        }
        Set<VariableInfo> byName = new LinkedHashSet<>(checkpoint.variablesNamed(node.getName()));
        byName.addAll(checkpoint.variablesNamed(sharedName));
        if (byName.size() == 1) {
            return Optional.of(new Target(byName.iterator().next().name(), null, null));
        }
        return Partitions.block(node.getName(), declaredShapes, checkpoint);
    }

    /**
     * The value of variable {@code node}.
     *
     * @throws TfirException when the checkpoint has no tensor for it, or its data is damaged
     */
    public Tensor read(NodeDef node) {
        Target target = find(node).orElseThrow(() -> new TfirException(checkpoint.path() + ": the checkpoint has no"
                + " variable '" + node.getName() + "'; is it the checkpoint of this graph?"));
        return target.isSlice() ? checkpoint.readSlice(target.key(), target.start(), target.shape())
                : checkpoint.read(target.key());
    }

    /** The shape the graph declares for variable {@code name} (its {@code shape} attr), or null. */
    long[] declaredShape(String name) {
        long[] shape = declaredShapes.get(name);
        return shape == null ? null : shape.clone();
    }

    private static String sharedName(NodeDef node) {
        AttrValue shared = node.getAttrMap().get("shared_name");
        return shared == null ? "" : shared.getS().toStringUtf8();
    }

    /** The variable node a saved tensor comes from: through reads and identities, or null. */
    static NodeDef variableBehind(TfGraph graph, String input) {
        int index = graph.indexOf(TensorRef.parse(input).node());
        for (int hops = 0; index >= 0 && hops < 8; hops++) {
            NodeDef node = graph.node(index);
            if (VARIABLE_OPS.contains(node.getOp())) {
                return node;
            }
            if (!Set.of("Identity", "ReadVariableOp").contains(node.getOp()) || node.getInputCount() == 0) {
                return null;
            }
            index = graph.indexOf(TensorRef.parse(node.getInput(0)).node());
        }
        return null;
    }
}
