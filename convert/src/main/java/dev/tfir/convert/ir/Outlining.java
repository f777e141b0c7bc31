package dev.tfir.convert.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The computation of a value copied out of the graph that computes it, into a body (a branch of an If): walking
 * back from the value, the walk stops at the outputs computed outside (and at Parameters), which become the body's
 * inputs; every node met before them is copied.
 */
public final class Outlining {
    private Outlining() {}

    /** The outputs the value's computation reads from outside ({@code outside}, or a Parameter's), first met first. */
    public static List<Output> inputs(Output value, Predicate<Output> outside) {
        Set<Output> inputs = new LinkedHashSet<>();
        walk(value, output -> outside.test(output) || output.node().type().equals("Parameter"), inputs::add, null);
        return List.copyOf(inputs);
    }

    /** A copy of the value's computation that reads {@code replacements}' values where it read their keys. */
    public static Output copy(Output value, Map<Output, Output> replacements) {
        Map<Node, Node> copies = new HashMap<>();
        walk(value, replacements::containsKey, input -> { }, node -> {
            List<Output> inputs = new ArrayList<>();
            for (Output input : node.inputs()) {
                Output replacement = replacements.get(input);
                inputs.add(replacement != null ? replacement : copies.get(input.node()).output(input.port()));
            }
            copies.put(node, node.copyReading(inputs));
        });
        Output replacement = replacements.get(value);
        return replacement != null ? replacement : copies.get(value.node()).output(value.port());
    }

    /**
     * Walks back from {@code value}: an output {@code stop} holds goes to {@code stopped}; a node that computes
     * what the value needs goes to {@code copied} (when not null), after every node it reads.
     */
    private static void walk(Output value, Predicate<Output> stop, Consumer<Output> stopped,
                             Consumer<Node> copied) {
        if (stop.test(value)) {
            stopped.accept(value);
            return;
        }
        Set<Node> seen = new HashSet<>();
        List<Node> stack = new ArrayList<>();
        List<Integer> next = new ArrayList<>();
        stack.add(value.node());
        next.add(0);
        seen.add(value.node());
        while (!stack.isEmpty()) {
            int top = stack.size() - 1;
            Node node = stack.get(top);
            int k = next.get(top);
            if (k < node.inputs().size()) {
                next.set(top, k + 1);
                Output input = node.input(k);
                if (stop.test(input)) {
                    stopped.accept(input);
                } else if (seen.add(input.node())) {
                    stack.add(input.node());
                    next.add(0);
                }
                continue;
            }
            stack.remove(top);
            next.remove(top);
            if (copied != null) {
                copied.accept(node);
            }
        }
    }
}
