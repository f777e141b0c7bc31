package dev.tfir.convert.translate;

import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.convert.ir.ConversionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.tensorflow.proto.NodeDef;

/**
 * The nodes that outputs need: their producers over data edges, transitively, stopping where a model input
 * replaces a tensor or feeds one input edge of a node; and the lowered tf.cond pivots that branch constants hang on
 * by control edges (the Merge of such branches selects by the pivots' predicate).
 */
public final class NeededNodes {
    private NeededNodes() {}

    /**
     * Marks, by node index, what {@code outputs} need.
     *
     * @param fedTensors tensors a model input replaces (not walked past)
     * @param fedEdges   input edges a model input feeds (not walked past)
     */
    public static boolean[] of(TfGraph graph, List<TensorRef> outputs, Set<TensorRef> fedTensors,
                               Set<Boundary.Edge> fedEdges) {
        return of(graph, outputs, fedTensors, fedEdges, tensor -> false);
    }

    /** As above, not walking past the tensors {@code dead} holds never computed (a Merge's untaken side). */
    static boolean[] of(TfGraph graph, List<TensorRef> outputs, Set<TensorRef> fedTensors,
                        Set<Boundary.Edge> fedEdges, Predicate<TensorRef> dead) {
        boolean[] needed = new boolean[graph.size()];
        Deque<Integer> work = new ArrayDeque<>();
        for (TensorRef output : outputs) {
            int index = graph.indexOf(output.node());
            if (index < 0) {
                throw new ConversionException("no node is named '" + output.node() + "' (given as an output)");
            }
            if (!fedTensors.contains(data(output.node(), output.port())) && !needed[index]) {
                needed[index] = true;
                work.add(index);
            }
        }
        while (!work.isEmpty()) {
            NodeDef node = graph.node(work.poll());
            int data = 0;
            for (String input : node.getInputList()) {
                TensorRef ref = TensorRef.parse(input);
                if (ref.control()) {
                    for (int pivot : pivotsBehind(graph, graph.indexOf(ref.node()), new HashSet<>())) {
                        if (!needed[pivot] && !dead.test(data(graph.node(pivot).getName(), 0))) {
                            needed[pivot] = true;
                            work.add(pivot);
                        }
                    }
                    continue;
                }
                boolean fed = fedEdges.contains(new Boundary.Edge(node.getName(), data++))
                        || fedTensors.contains(data(ref.node(), ref.port()));
                int producer = graph.indexOf(ref.node());
                if (!fed && !needed[producer] && !dead.test(ref)) {
                    needed[producer] = true;
                    work.add(producer);
                }
            }
        }
        return needed;
    }

    /**
     * The lowered tf.cond pivots (switch_t, switch_f, pivot_t...: an Identity of a Switch output) a control edge
     * from node {@code index} hangs on, directly or through NoOps (a lowered function's input_control_node): a
     * branch's constants hang on them, and through them on the predicate the Merge of the branches selects by.
     */
    private static List<Integer> pivotsBehind(TfGraph graph, int index, Set<Integer> seen) {
        if (index < 0 || !seen.add(index)) {
            return List.of();
        }
        NodeDef node = graph.node(index);
        if (node.getOp().equals("NoOp")) {
            List<Integer> pivots = new ArrayList<>();
            for (String input : node.getInputList()) {
                pivots.addAll(pivotsBehind(graph, graph.indexOf(TensorRef.parse(input).node()), seen));
            }
            return pivots;
        }
        if (!node.getOp().equals("Identity") || node.getInputCount() == 0) {
            return List.of();
        }
        TensorRef input = TensorRef.parse(node.getInput(0));
        int producer = graph.indexOf(input.node());
        return !input.control() && producer >= 0 && graph.node(producer).getOp().equals("Switch")
                ? List.of(index) : List.of();
    }

    private static TensorRef data(String node, int port) {
        return new TensorRef(node, port, false);
    }
}
