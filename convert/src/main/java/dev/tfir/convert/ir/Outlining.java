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
        walk(value, output -> outside.test(output) || output.node().type().equals("Parameter"), inputs::add,
                node -> { });
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

    private static void walk(Output value, Predicate<Output> stop, Consumer<Output> stopped, Consumer<Node> copied) {
        if (stop.test(value)) {
            stopped.accept(value);
        } else {
            PostOrder.walk(value.node(), new HashSet<>(), stop, stopped, copied);
        }
    }
}
