package dev.tfir.summarize.repl;

import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.graph.TfGraph;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The part of a graph between chosen inputs and outputs: the outputs and everything they need, not looking past
 * the inputs. {@code nodes[i]} tells whether node {@code i} belongs to it.
 */
record Cut(List<String> inputs, List<String> outputs, boolean[] nodes) {

    static Cut of(TfGraph graph, List<String> inputs, List<String> outputs) {
        boolean[] keep = new boolean[graph.size()];
        boolean[] stop = new boolean[graph.size()];
        for (String input : inputs) {
            stop[index(graph, input)] = true;
        }
        Deque<Integer> work = new ArrayDeque<>();
        for (String output : outputs) {
            int index = index(graph, output);
            if (!keep[index]) {
                keep[index] = true;
                work.add(index);
            }
        }
        while (!work.isEmpty()) {
            int node = work.poll();
            if (stop[node]) {
                continue;
            }
            for (int producer : graph.producers(node)) {
                if (!keep[producer]) {
                    keep[producer] = true;
                    work.add(producer);
                }
            }
        }
        return new Cut(List.copyOf(inputs), List.copyOf(outputs), keep);
    }

    private static int index(TfGraph graph, String name) {
        int index = graph.indexOf(TensorRef.parse(name).node());
        if (index < 0) {
            throw new ShellException("no node named '" + name + "'");
        }
        return index;
    }

    int size() {
        int count = 0;
        for (boolean node : nodes) {
            count += node ? 1 : 0;
        }
        return count;
    }
}
