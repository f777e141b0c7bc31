package dev.tfir.convert.ops;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists a loop reads or writes one element per iteration, turned into Loop-5's sliced inputs and concatenated
 * outputs, as OpenVINO's {@code TensorListInLoopOptimization} does. A TensorFlow list is a dense tensor
 * {@code [n, ...]} here (TensorListGetItem a Gather on axis 0, TensorListSetItem a ScatterUpdate of one element);
 * the iteration counter is a carried value that starts at 0 and grows by 1 each iteration.
 * <ul>
 *   <li>An invariant list that the body only reads at the counter (Gathers on axis 0) is sliced along axis 0: the
 *       body gets element i at iteration i (its Parameter [1, ...], the Gathers become a Squeeze);
 *   <li>a carried list that the body only writes, at the counter, is the concatenation of the elements written
 *       (its initial value unused: a TensorListReserve), also where it grows to hold the element written (a Pad
 *       of axis 0 before the ScatterUpdate); a list of one element written at index 0, the element of the last
 *       iteration.
 * </ul>
 * Besides, an invariant value the body does not read, or a constant (a cell's weights), needs no input of the Loop.
 */
final class LoopLists {
    /** What a carried value becomes. */
    enum Role { PLAIN, SLICED, FILLED_CONCATENATED, FILLED_LAST, DROPPED }

    private record Use(Node consumer, int input) {}

    private final List<Loops.Carried> carried;
    private final Role[] roles;
    private final Output[] elements;
    private final Map<Node, List<Use>> uses = new HashMap<>();
    private Set<Node> counters = Set.of();
    private long maximumIterations;

    private LoopLists(List<Loops.Carried> carried) {
        this.carried = new ArrayList<>(carried);
        this.roles = new Role[carried.size()];
        this.elements = new Output[carried.size()];
        Arrays.fill(roles, Role.PLAIN);
    }

    static LoopLists of(List<Loops.Carried> carried, Output condition) {
        LoopLists lists = new LoopLists(carried);
        lists.indexUses(condition);
        lists.counters = lists.counters();
        lists.maximumIterations = lists.findMaximumIterations();
        for (int i = 0; i < carried.size(); i++) {
            if (carried.get(i).invariant()) {
                lists.slice(i, lists.counters);
            } else {
                lists.fill(i, lists.counters);
            }
        }
        for (int i = 0; i < carried.size(); i++) {
            if (lists.roles[i] == Role.PLAIN && carried.get(i).invariant()) {
                lists.dropInvariant(i);
            }
        }
        return lists;
    }

    /**
     * The trip count TensorFlow gives the loop, or -1: a While laid out as TF2's {@code while_v2} lays it out has
     * the iteration counter first and {@code maximum_iterations} second (passed on unchanged; -1 when not given),
     * and its cond then stops at the counter reaching it.
     */
    long maximumIterations() {
        return maximumIterations;
    }

    private long findMaximumIterations() {
        if (carried.size() < 2 || !counters.contains(carried.get(0).parameter()) || !carried.get(1).invariant()) {
            return -1;
        }
        Output limit = carried.get(1).initial();
        boolean scalar = limit.isConstant() && limit.type().isInteger() && limit.shape().rank() == 0;
        return scalar ? Math.max(-1, limit.constant().longs()[0]) : -1;
    }

    Role role(int i) {
        return roles[i];
    }

    /** The carried value as the Loop takes it (a sliced list with its new Parameter). */
    Loops.Carried carried(int i) {
        return carried.get(i);
    }

    /** The element a filled list gets each iteration, [1, ...]. */
    Output element(int i) {
        return elements[i];
    }

    /** Who reads each body node's outputs, from the body's values back to its Parameters. */
    private void indexUses(Output condition) {
        Deque<Node> work = new ArrayDeque<>();
        Set<Node> seen = new HashSet<>();
        carried.forEach(value -> work.add(value.next().node()));
        work.add(condition.node());
        while (!work.isEmpty()) {
            Node node = work.poll();
            if (!seen.add(node)) {
                continue;
            }
            for (int k = 0; k < node.inputs().size(); k++) {
                uses.computeIfAbsent(node.input(k).node(), n -> new ArrayList<>()).add(new Use(node, k));
                work.add(node.input(k).node());
            }
        }
    }

    /** The Parameters of iteration counters: start at 0, next = itself + 1. */
    private Set<Node> counters() {
        Set<Node> counters = new HashSet<>();
        for (Loops.Carried value : carried) {
            Node next = value.next().node();
            boolean startsAtZero = value.initial().isConstant() && value.initial().type().isInteger()
                    && value.initial().shape().rank() == 0 && value.initial().constant().longs()[0] == 0;
            boolean addsOne = next.type().equals("Add") && next.inputs().stream().anyMatch(
                    input -> input.equals(value.parameter().output(0)))
                    && next.inputs().stream().anyMatch(this::isOne);
            if (startsAtZero && addsOne && !value.invariant()) {
                counters.add(value.parameter());
            }
        }
        return counters;
    }

    /** A constant 1, or the Parameter of an invariant value that is (a range's delta that the loop passes on). */
    private boolean isOne(Output value) {
        Output one = carried.stream().filter(c -> c.invariant() && c.parameter().output(0).equals(value))
                .map(Loops.Carried::initial).findFirst().orElse(value);
        return one.isConstant() && one.constant().elementCount() == 1 && one.constant().longs()[0] == 1;
    }

    private List<Use> usesOf(Node node) {
        return uses.getOrDefault(node, List.of());
    }

    private void slice(int i, Set<Node> counters) {
        Node parameter = carried.get(i).parameter();
        List<Use> reads = usesOf(parameter);
        boolean atCounter = !reads.isEmpty() && reads.stream().allMatch(use -> use.input() == 0
                && use.consumer().type().equals("Gather") && isAxisZero(use.consumer().input(2))
                && isCounter(use.consumer().input(1), counters) && use.consumer().input(1).rank() == 0);
        if (!atCounter || parameter.outputShape(0).rank() == 0) {
            return;
        }
        long[] dims = parameter.outputShape(0).dims();
        dims[0] = 1;
        Node sliced = Sources.parameter(parameter.outputType(0), PartialShape.of(dims));
        sliced.setName(parameter.name());
        Output element = Movement.squeeze(sliced.output(0), 0);
        for (Use read : reads) {
            replace(read.consumer().output(0), element);
        }
        carried.set(i, new Loops.Carried(carried.get(i).initial(), sliced, sliced.output(0)));
        roles[i] = Role.SLICED;
    }

    private void fill(int i, Set<Node> counters) {
        Loops.Carried value = carried.get(i);
        Node write = value.next().node();
        boolean onlyWritten = write.type().equals("ScatterUpdate") && isAxisZero(write.input(3))
                && usesOf(write).isEmpty() && writesInto(write, value.parameter());
        if (!onlyWritten) {
            return;
        }
        Output index = write.input(1);
        if (index.node().type().equals("Unsqueeze") && isCounter(index.node().input(0), counters)) {
            roles[i] = Role.FILLED_CONCATENATED;
        } else if (index.isConstant() && index.constant().elementCount() == 1 && index.constant().longs()[0] == 0
                && value.initial().shape().dim(0) == 1) {
            roles[i] = Role.FILLED_LAST;
        } else {
            return;
        }
        elements[i] = write.input(2);
    }

    /**
     * Whether the body reads the Parameter only to make the list {@code write} (a ScatterUpdate) writes one element
     * into, as TensorListSetItem makes it: the Parameter itself, grown to hold the element (a Pad of its length), or
     * zeros of its length where its elements had no shape yet. The list's values are then never read: the
     * elements written are all the loop makes of it.
     */
    private boolean writesInto(Node write, Node parameter) {
        Set<Node> making = new HashSet<>();
        if (!reads(write.input(0).node(), parameter, making, new HashSet<>())) {
            return false;
        }
        making.add(write);
        return making.stream().filter(node -> node != write).allMatch(node -> usesOf(node).stream()
                .allMatch(use -> making.contains(use.consumer()) && (use.consumer() != write || use.input() == 0)));
    }

    /** Whether {@code node} reads the Parameter (is it, or an input of it does); those that do go to {@code found}. */
    private static boolean reads(Node node, Node parameter, Set<Node> found, Set<Node> seen) {
        if (found.contains(node) || node == parameter) {
            found.add(node);
            return true;
        }
        if (!seen.add(node)) {
            return false;
        }
        boolean any = false;
        for (Output input : node.inputs()) {
            any |= reads(input.node(), parameter, found, seen);
        }
        if (any) {
            found.add(node);
        }
        return any;
    }

    /** Whether the value is a counter's Parameter, or that converted to another integer type. */
    private static boolean isCounter(Output value, Set<Node> counters) {
        Node node = value.node();
        return counters.contains(node) || node.type().equals("Convert") && counters.contains(node.input(0).node());
    }

    /**
     * An invariant value the body does not read, or a constant (the weights of a Keras cell), needs no input: a
     * constant is put in the body, as OpenVINO's EliminateLoopInputsOutputs does.
     */
    private void dropInvariant(int i) {
        Loops.Carried value = carried.get(i);
        if (usesOf(value.parameter()).isEmpty()) {
            roles[i] = Role.DROPPED;
        } else if (value.initial().isConstant()) {
            replace(value.parameter().output(0), Constants.of(value.initial().constant()));
            roles[i] = Role.DROPPED;
        }
    }

    private static boolean isAxisZero(Output axis) {
        return axis.isConstant() && axis.constant().elementCount() == 1 && axis.constant().longs()[0] == 0;
    }

    /** Rewires every reader of {@code old} (and the carried values that are it) to {@code replacement}. */
    private void replace(Output old, Output replacement) {
        for (Use use : usesOf(old.node())) {
            if (use.consumer().input(use.input()).equals(old)) {
                use.consumer().replaceInput(use.input(), replacement);
            }
        }
        for (int j = 0; j < carried.size(); j++) {
            Loops.Carried value = carried.get(j);
            if (value.next().equals(old)) {
                carried.set(j, new Loops.Carried(value.initial(), value.parameter(), replacement));
            }
        }
    }
}
