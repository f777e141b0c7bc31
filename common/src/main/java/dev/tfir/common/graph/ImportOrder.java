package dev.tfir.common.graph;

import dev.tfir.common.TfirException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.tensorflow.proto.NodeDef;

/**
 * The node order TensorFlow's graph importer produces (tensorflow/core/common_runtime/graph_constructor.cc):
 * a topological sort that always takes the ready node listed first in the file. A Merge node fed by a
 * NextIteration (a while loop's back edge) is ready after its control inputs and any one data input.
 */
final class ImportOrder {
    private static final int CYCLE_NODES_SHOWN = 5;

    private ImportOrder() {}

    static List<NodeDef> of(TfGraph graph) {
        int n = graph.size();
        int[] pending = new int[n];
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            pending[i] = pendingCount(graph, i);
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<NodeDef> order = new ArrayList<>(n);
        boolean[] done = new boolean[n];
        while (!ready.isEmpty()) {
            int next = ready.poll();
            done[next] = true;
            order.add(graph.node(next));
            release(graph.dataConsumers(next), pending, ready);
            release(graph.controlConsumers(next), pending, ready);
        }
        if (order.size() < n) {
            String stuck = IntStream.range(0, n).filter(i -> !done[i]).limit(CYCLE_NODES_SHOWN)
                    .mapToObj(i -> "'" + graph.node(i).getName() + "'").collect(Collectors.joining(", "));
            throw new TfirException("the graph has a cycle that is not a while loop; " + (n - order.size())
                    + " nodes cannot be ordered, among them " + stuck);
        }
        return order;
    }

    private static void release(List<Integer> consumers, int[] pending, PriorityQueue<Integer> ready) {
        for (int consumer : consumers) {
            if (--pending[consumer] == 0) {
                ready.add(consumer);
            }
        }
    }

    private static int pendingCount(TfGraph graph, int index) {
        NodeDef node = graph.node(index);
        if (!isMerge(node.getOp())) {
            return node.getInputCount();
        }
        int[] producers = graph.producers(index);
        int controls = 0;
        boolean backEdge = false;
        for (int k = 0; k < node.getInputCount(); k++) {
            if (node.getInput(k).startsWith("^")) {
                controls++;
            } else if (isNextIteration(graph.node(producers[k]).getOp())) {
                backEdge = true;
            }
        }
        return backEdge ? controls + 1 : node.getInputCount();
    }

    private static boolean isMerge(String op) {
        return op.equals("Merge") || op.equals("RefMerge");
    }

    private static boolean isNextIteration(String op) {
        return op.equals("NextIteration") || op.equals("RefNextIteration");
    }
}
