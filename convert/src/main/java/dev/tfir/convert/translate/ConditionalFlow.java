package dev.tfir.convert.translate;

import dev.tfir.common.TfirException;
import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.weights.GraphConstants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.NodeDef;

/**
 * TF1 conditionals (tf.cond's Switch/Merge) as TensorFlow's executor runs them, worked out on the graph before
 * translation, as mo's control-flow inference and OpenVINO's {@code propagate_conditional_flow} do:
 * <ul>
 *   <li>A Switch whose predicate is constant (a Const, a PlaceholderWithDefault nobody feeds, or an input frozen
 *       with {@code --input name->value}, read through Identity-like ops, LogicalNot/And/Or and comparisons of
 *       one-element numbers, as mo's constant folding sees them) sends its data
 *       to one side only: the other side is dead, and so is every node with a dead input (data or control), except
 *       a Merge, which is dead only when all its inputs are. A Merge then takes its one live input.
 *   <li>Every other node carries a guard: the branches (predicate and side) it lies in, outermost first. A Merge
 *       whose two live inputs lie on the two sides of one runtime predicate closes that branch: an If of the
 *       predicate runs the side taken (the Merge's translator copies each side's branch, the nodes guarded by it,
 *       into a body).
 * </ul>
 * A Merge of any other form (a TF1 while loop's, one joining values of different conditionals, more than two live
 * inputs) gets a refusal that names it; it is raised only if the outputs need that Merge.
 */
public final class ConditionalFlow {
    /** One side of a conditional: the predicate tensor and the side (true: Switch output 1). */
    public record Branch(TensorRef predicate, boolean side) {}

    /**
     * How a needed Merge is translated: the data inputs to read, in the order its translator takes them (one: the
     * live input; two: the true side then the false side, selected by {@code predicate}); or a refusal.
     */
    public record MergePlan(List<Integer> inputs, TensorRef predicate, String refusal) {}

    private static final Set<String> PASS_THROUGH = Set.of("Identity", "Snapshot", "StopGradient",
            "PlaceholderWithDefault", "Switch");

    private final TfGraph graph;
    private final Boundary boundary;
    private final boolean[] dead;
    private final List<List<Branch>> guards;
    private final Map<Integer, Boolean> constantSwitches = new LinkedHashMap<>();
    private final Map<Integer, MergePlan> merges = new HashMap<>();
    private final Map<String, ConstTensor> constants = new HashMap<>();
    private final Map<String, String> frozenDefaults = new LinkedHashMap<>();

    private ConditionalFlow(TfGraph graph, Boundary boundary) {
        this.graph = graph;
        this.boundary = boundary;
        this.dead = new boolean[graph.size()];
        this.guards = new ArrayList<>(graph.size());
        for (int i = 0; i < graph.size(); i++) {
            guards.add(null);
        }
    }

    /** The conditionals of the graph, with the model inputs of {@code boundary} feeding it. */
    public static ConditionalFlow of(TfGraph graph, Boundary boundary) {
        ConditionalFlow flow = new ConditionalFlow(graph, boundary);
        for (NodeDef node : graph.importOrder()) {
            flow.visit(graph.indexOf(node.getName()), node);
        }
        return flow;
    }

    /** Whether the tensor is never computed: it lies in a branch a constant predicate never takes. */
    public boolean isDead(TensorRef tensor) {
        int index = graph.indexOf(tensor.node());
        if (dead[index]) {
            return true;
        }
        Boolean taken = constantSwitches.get(index);
        return taken != null && (tensor.port() == 1) != taken;
    }

    /** Whether the node never runs: it lies in a branch a constant predicate never takes. */
    public boolean isDead(String node) {
        return dead[graph.indexOf(node)];
    }

    /** The branches a node lies in, outermost first: empty outside conditionals, and for a dead node. */
    public List<Branch> branchesOf(String node) {
        List<Branch> guard = guards.get(graph.indexOf(node));
        return guard == null ? List.of() : guard;
    }

    /** The plan of a Merge node. */
    public MergePlan merge(String node) {
        return merges.get(graph.indexOf(node));
    }

    /**
     * What the conversion did with the conditionals the needed nodes hold, for the summary: the constant
     * predicates (the PlaceholderWithDefault nodes frozen to their default among them), the dead nodes left out,
     * the Merges computed by a Select; null when there are none.
     */
    public String describe(boolean[] needed) {
        long constant = constantSwitches.keySet().stream().filter(i -> needed[i]).count();
        long selects = merges.entrySet().stream().filter(e -> needed[e.getKey()] && e.getValue().predicate() != null)
                .count();
        if (constant == 0 && selects == 0) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (constant > 0) {
            int deadNodes = 0;
            for (boolean d : dead) {
                deadNodes += d ? 1 : 0;
            }
            parts.add(constant + " Switch" + (constant == 1 ? "" : "es") + " on a constant predicate, " + deadNodes
                    + " nodes of the branches never taken left out");
        }
        frozenDefaults.forEach((name, value) -> parts.add("PlaceholderWithDefault '" + name + "' is not an input: "
                + "frozen to its default " + value + ", as mo does (name it in --input to keep it an input)"));
        if (selects > 0) {
            parts.add(selects + " Merge" + (selects == 1 ? "" : "s") + " on a runtime predicate, an If of "
                    + (selects == 1 ? "its" : "their") + " two sides");
        }
        return String.join("; ", parts);
    }

    private void visit(int index, NodeDef node) {
        if (node.getOp().equals("Merge")) {
            visitMerge(index, node);
            return;
        }
        List<Branch> guard = List.of();
        for (String input : node.getInputList()) {
            TensorRef ref = TensorRef.parse(input);
            TensorRef data = new TensorRef(ref.node(), ref.port(), false);
            if (isDead(data)) {
                dead[index] = true;
                return;
            }
            if (guards.get(graph.indexOf(ref.node())) == null) {
                continue;
            }
            List<Branch> other = guardOf(data);
            guard = other.size() > guard.size() ? other : guard;
        }
        guards.set(index, guard);
        if (node.getOp().equals("Switch") && node.getInputCount() > 1) {
            Boolean taken = constant(TensorRef.parse(node.getInput(1)));
            if (taken != null) {
                constantSwitches.put(index, taken);
            }
        }
    }

    private void visitMerge(int index, NodeDef node) {
        List<Integer> live = new ArrayList<>();
        boolean loop = false;
        int data = 0;
        for (String input : node.getInputList()) {
            TensorRef ref = TensorRef.parse(input);
            if (ref.control()) {
                continue;
            }
            if (guards.get(graph.indexOf(ref.node())) == null && !dead[graph.indexOf(ref.node())]) {
                loop = true;
            } else if (!isDead(ref)) {
                live.add(data);
            }
            data++;
        }
        if (live.isEmpty() && !loop) {
            dead[index] = true;
            return;
        }
        String refusal = loop ? "a TF1 while loop's Merge (fed by a NextIteration): convert does not rebuild TF1 loops"
                : live.size() > 2 ? "joins " + live.size() + " live values; only the two sides of one tf.cond are "
                + "rebuilt" : null;
        TensorRef predicate = null;
        List<Branch> guard = live.isEmpty() ? List.of() : guardOf(inputRef(node, live.get(0)));
        if (refusal == null && live.size() == 2) {
            List<Branch> other = guardOf(inputRef(node, live.get(1)));
            predicate = closedPredicate(guard, other);
            if (predicate == null) {
                refusal = "joins values that are not the two sides of one tf.cond (a Switch's true and false "
                        + "outputs on one predicate); convert rebuilds only that form";
            } else {
                boolean firstIsTrue = guard.get(guard.size() - 1).side();
                live = firstIsTrue ? live : List.of(live.get(1), live.get(0));
                guard = guard.subList(0, guard.size() - 1);
            }
        }
        guards.set(index, guard);
        merges.put(index, new MergePlan(List.copyOf(live), predicate, refusal));
    }

    /** The predicate two guards differ by in their last branch only, on opposite sides; else null. */
    private static TensorRef closedPredicate(List<Branch> a, List<Branch> b) {
        if (a.isEmpty() || a.size() != b.size() || !a.subList(0, a.size() - 1).equals(b.subList(0, b.size() - 1))) {
            return null;
        }
        Branch lastA = a.get(a.size() - 1);
        Branch lastB = b.get(b.size() - 1);
        return lastA.predicate().equals(lastB.predicate()) && lastA.side() != lastB.side() ? lastA.predicate() : null;
    }

    private TensorRef inputRef(NodeDef node, int dataInput) {
        int data = 0;
        for (String input : node.getInputList()) {
            TensorRef ref = TensorRef.parse(input);
            if (!ref.control() && data++ == dataInput) {
                return ref;
            }
        }
        throw new IllegalArgumentException(node.getName() + " has no data input " + dataInput);
    }

    /**
     * The branches a tensor lies in: its node's, and a runtime Switch's output the side it gives (a TF1 while loop's
     * Switch, on its LoopCond, starts no branch: its sides are the next iteration and the exit).
     */
    private List<Branch> guardOf(TensorRef tensor) {
        int index = graph.indexOf(tensor.node());
        List<Branch> guard = guards.get(index);
        NodeDef node = graph.node(index);
        if (!node.getOp().equals("Switch") || constantSwitches.containsKey(index) || node.getInputCount() < 2) {
            return guard;
        }
        TensorRef predicate = TensorRef.parse(node.getInput(1));
        if (graph.node(graph.indexOf(predicate.node())).getOp().equals("LoopCond")) {
            return guard;
        }
        List<Branch> inner = new ArrayList<>(guard);
        inner.add(new Branch(new TensorRef(predicate.node(), predicate.port(), false), tensor.port() == 1));
        return List.copyOf(inner);
    }

    /** The value of a boolean scalar that is constant before any input is fed, or null. */
    private Boolean constant(TensorRef tensor) {
        ConstTensor value = scalar(tensor);
        return value != null && value.type() == ElementType.BOOLEAN ? value.longs()[0] != 0 : null;
    }

    /**
     * The value of a one-element tensor that is constant before any input is fed (a Const, an input frozen with a
     * value, through Identity-like ops and unfed PlaceholderWithDefaults, LogicalNot/And/Or and comparisons of
     * such values), or null.
     */
    private ConstTensor scalar(TensorRef tensor) {
        TfTensor fed = boundary.boundTensor(tensor.node(), tensor.port());
        if (fed != null) {
            return fed.stored().isConstant() && fed.stored().constant().elementCount() == 1
                    ? fed.stored().constant() : null;
        }
        String key = tensor.node() + ":" + tensor.port();
        if (!constants.containsKey(key)) {
            constants.put(key, null);
            constants.put(key, evaluate(graph.node(graph.indexOf(tensor.node()))));
        }
        return constants.get(key);
    }

    private ConstTensor evaluate(NodeDef node) {
        List<TensorRef> inputs = node.getInputList().stream().map(TensorRef::parse).filter(ref -> !ref.control())
                .toList();
        if (node.getOp().equals("Const")) {
            return constValue(node);
        }
        if (inputs.isEmpty()) {
            return null;
        }
        if (PASS_THROUGH.contains(node.getOp())) {
            ConstTensor value = scalar(inputs.get(0));
            if (value != null && node.getOp().equals("PlaceholderWithDefault")) {
                frozenDefaults.put(node.getName(), text(value));
            }
            return value;
        }
        Boolean first = constant(inputs.get(0));
        Boolean second = inputs.size() > 1 ? constant(inputs.get(1)) : null;
        Boolean result = switch (node.getOp()) {
            case "LogicalNot" -> first == null ? null : !first;
            case "LogicalAnd" -> Boolean.FALSE.equals(first) || Boolean.FALSE.equals(second) ? Boolean.FALSE
                    : first != null && second != null ? Boolean.TRUE : null;
            case "LogicalOr" -> Boolean.TRUE.equals(first) || Boolean.TRUE.equals(second) ? Boolean.TRUE
                    : first != null && second != null ? Boolean.FALSE : null;
            default -> inputs.size() == 2 ? compare(node.getOp(), scalar(inputs.get(0)), scalar(inputs.get(1)))
                    : null;
        };
        return result == null ? null : ConstTensor.ofLongs(ElementType.BOOLEAN, new long[0], result ? 1 : 0);
    }

    /** A comparison of two numbers of one element type (integers exactly); null for another op or other values. */
    private static Boolean compare(String op, ConstTensor a, ConstTensor b) {
        if (a == null || b == null || a.type() != b.type() || a.type() == ElementType.BOOLEAN) {
            return null;
        }
        double x = a.doubles()[0];
        double y = b.doubles()[0];
        int order = a.type().isFloating() ? Double.compare(x, y) : Long.compare(a.longs()[0], b.longs()[0]);
        boolean ordered = !Double.isNaN(x) && !Double.isNaN(y);
        return switch (op) {
            case "Equal" -> ordered && order == 0;
            case "NotEqual" -> !ordered || order != 0;
            case "Less" -> ordered && order < 0;
            case "LessEqual" -> ordered && order <= 0;
            case "Greater" -> ordered && order > 0;
            case "GreaterEqual" -> ordered && order >= 0;
            default -> null;
        };
    }

    /** A Const's value when it has one element; null for another (a malformed one is the translation's to report). */
    private static ConstTensor constValue(NodeDef node) {
        try {
            ConstTensor value = new GraphConstants().valueOf(node);
            return value.elementCount() == 1 ? value : null;
        } catch (TfirException malformed) {
            return null;
        }
    }

    private static String text(ConstTensor value) {
        if (value.type() == ElementType.BOOLEAN) {
            return String.valueOf(value.longs()[0] != 0);
        }
        return value.type().isFloating() ? String.valueOf(value.doubles()[0]) : String.valueOf(value.longs()[0]);
    }
}
