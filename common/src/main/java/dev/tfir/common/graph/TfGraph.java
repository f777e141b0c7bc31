package dev.tfir.common.graph;

import dev.tfir.common.TfirException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * A TensorFlow graph in memory: the nodes in file order, a name index, and for every node who consumes its
 * outputs (data edges) and who waits on it (control edges).
 */
public final class TfGraph {
    private final GraphDef graphDef;
    private final List<NodeDef> nodes;
    private final Map<String, Integer> indexByName;
    private final int[][] inputs;
    private final List<List<Integer>> dataConsumers;
    private final List<List<Integer>> controlConsumers;
    private List<NodeDef> importOrder;

    /**
     * Indexes the graph; fails when two nodes share a name or an input names a node that does not exist.
     *
     * @param origin where the graph came from, for error messages
     */
    public TfGraph(GraphDef graphDef, String origin) {
        this.graphDef = graphDef;
        this.nodes = graphDef.getNodeList();
        int n = nodes.size();
        this.indexByName = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            if (indexByName.putIfAbsent(nodes.get(i).getName(), i) != null) {
                throw new TfirException(origin + ": two nodes are named '" + nodes.get(i).getName()
                        + "'; node names must be unique in a TensorFlow graph");
            }
        }
        this.inputs = new int[n][];
        this.dataConsumers = emptyLists(n);
        this.controlConsumers = emptyLists(n);
        for (int i = 0; i < n; i++) {
            NodeDef node = nodes.get(i);
            int[] producers = new int[node.getInputCount()];
            for (int k = 0; k < producers.length; k++) {
                TensorRef ref = TensorRef.parse(node.getInput(k));
                Integer producer = indexByName.get(ref.node());
                if (producer == null) {
                    throw new TfirException(origin + ": node '" + node.getName() + "' has input '"
                            + node.getInput(k) + "', but no node is named '" + ref.node()
                            + "'; the graph is incomplete");
                }
                producers[k] = producer;
                (ref.control() ? controlConsumers : dataConsumers).get(producer).add(i);
            }
            inputs[i] = producers;
        }
    }

    private static List<List<Integer>> emptyLists(int n) {
        List<List<Integer>> lists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>(2));
        }
        return lists;
    }

    public GraphDef graphDef() {
        return graphDef;
    }

    /** The nodes in the order the file lists them. */
    public List<NodeDef> nodes() {
        return nodes;
    }

    public int size() {
        return nodes.size();
    }

    public NodeDef node(int index) {
        return nodes.get(index);
    }

    /** The index of the node with this name, or -1. */
    public int indexOf(String name) {
        Integer index = indexByName.get(name);
        return index == null ? -1 : index;
    }

    /** Producers of node {@code index}'s inputs, one per input entry (data and control), in input order. */
    public int[] producers(int index) {
        return inputs[index].clone();
    }

    /** Nodes that read an output of node {@code index} (one entry per reading input). */
    public List<Integer> dataConsumers(int index) {
        return Collections.unmodifiableList(dataConsumers.get(index));
    }

    /** Nodes that have a control input on node {@code index}. */
    public List<Integer> controlConsumers(int index) {
        return Collections.unmodifiableList(controlConsumers.get(index));
    }

    /**
     * The nodes in the order TensorFlow's {@code import_graph_def} creates them, which is the order
     * {@code Graph.as_graph_def()} lists them afterwards (see {@link ImportOrder}).
     */
    public synchronized List<NodeDef> importOrder() {
        if (importOrder == null) {
            importOrder = ImportOrder.of(this);
        }
        return importOrder;
    }
}
