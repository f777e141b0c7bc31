package dev.tfir.convert.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Walks back over node inputs from a node, iteratively (graphs deeper than the thread's stack are no problem). */
final class PostOrder {
    private PostOrder() {}

    /**
     * Visits {@code start} and every node it reads, each after the nodes it reads, skipping the nodes in
     * {@code done} (and adding the visited ones to it); an input {@code stop} holds goes to {@code stopped}
     * instead of being walked past.
     */
    static void walk(Node start, Set<Node> done, Predicate<Output> stop, Consumer<Output> stopped,
                     Consumer<Node> visit) {
        if (!done.add(start)) {
            return;
        }
        List<Node> stack = new ArrayList<>();
        List<Integer> next = new ArrayList<>();
        stack.add(start);
        next.add(0);
        while (!stack.isEmpty()) {
            int top = stack.size() - 1;
            Node node = stack.get(top);
            int k = next.get(top);
            if (k < node.inputs().size()) {
                next.set(top, k + 1);
                Output input = node.input(k);
                if (stop.test(input)) {
                    stopped.accept(input);
                } else if (done.add(input.node())) {
                    stack.add(input.node());
                    next.add(0);
                }
            } else {
                visit.accept(node);
                stack.remove(top);
                next.remove(top);
            }
        }
    }
}
