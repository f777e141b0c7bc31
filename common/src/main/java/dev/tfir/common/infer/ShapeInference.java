package dev.tfir.common.infer;

import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.types.PartialShape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;

/**
 * Static dtype and shape inference for a TensorFlow graph, without TensorFlow: what TensorFlow's shape refiner
 * infers when the graph is imported, for the ops the supported networks use (convolutions, pooling, elementwise
 * and broadcasting ops, reductions, matmuls, batch norms, shape manipulation, variables, v1 control flow). Small
 * integer tensors (shapes, axes, paddings...) are folded, so that patterns like Shape→StridedSlice→Pack→Reshape
 * give the shapes TensorFlow gives.
 *
 * <p>All nodes are inferred once, in {@link TfGraph#importOrder()}. An op without a rule, a malformed attr or
 * contradictory inputs give unknown outputs ({@link TensorType#unknown()} or a known dtype with an unknown shape);
 * nothing here throws for them. A node's {@code _output_shapes} attr, where present, fills in what inference left
 * unknown. Where a node breaks a rule TensorFlow checks when it builds or runs the graph (a stride of 0, a
 * permutation that is none, a MatMul whose inner dims differ...), {@link #rejection} says which and why, so that a
 * converter refuses what TensorFlow refuses, with the same reasons as this inference.
 */
public final class ShapeInference {
    private static final String OUTPUT_SHAPES_ATTR = "_output_shapes";

    private final TfGraph graph;
    private final InferredNode[] inferred;

    private record InferredNode(List<TensorType> types, KnownValue[] values, TensorType[] handles,
                                String rejection) {}

    /** A rule's outputs, or why TensorFlow rejects the node (then the outputs are null: unknown). */
    private record Ruled(List<TensorType> types, String rejection) {}

    private ShapeInference(TfGraph graph, Map<String, PartialShape> inputShapes) {
        this.graph = graph;
        this.inferred = new InferredNode[graph.size()];
        int[] referencedPorts = referencedPortCounts(graph);
        for (NodeDef node : graph.importOrder()) {
            int index = graph.indexOf(node.getName());
            inferred[index] = infer(index, node, referencedPorts[index], inputShapes.get(node.getName()));
        }
    }

    /**
     * Infers every node of the graph.
     *
     * @throws dev.tfir.common.TfirException when the graph has a cycle that is not a while loop (see
     *     {@link TfGraph#importOrder()})
     */
    public static ShapeInference of(TfGraph graph) {
        return of(graph, Map.of());
    }

    /**
     * Infers every node of the graph, with the shape of output 0 of the named nodes (the graph's inputs, usually
     * Placeholders) replaced by the given shapes, as a converter's {@code --input_shape} or {@code -b} asks.
     *
     * @throws IllegalArgumentException when a name is not a node of the graph
     * @throws dev.tfir.common.TfirException when the graph has a cycle that is not a while loop
     */
    public static ShapeInference of(TfGraph graph, Map<String, PartialShape> inputShapes) {
        for (String name : inputShapes.keySet()) {
            if (graph.indexOf(name) < 0) {
                throw new IllegalArgumentException("no node is named '" + name + "'");
            }
        }
        return new ShapeInference(graph, Map.copyOf(inputShapes));
    }

    /**
     * The types of all outputs of the node. For an op without a rule, as many outputs as the graph reads (or its
     * {@code _output_shapes} lists), at least one.
     *
     * @throws IllegalArgumentException when no node has this name
     */
    public List<TensorType> outputs(String nodeName) {
        return inferred[requireIndex(nodeName)].types();
    }

    /** The type of one output of the node; unknown when the node has no such output. */
    public TensorType output(String nodeName, int port) {
        List<TensorType> types = outputs(nodeName);
        return port >= 0 && port < types.size() ? types.get(port) : TensorType.unknown();
    }

    /**
     * Why TensorFlow rejects the node: its attributes or the inferred shapes of its inputs break what the op
     * requires (one line, e.g. {@code strides [1, 0, 1, 1] holds 0; TensorFlow requires every stride >= 1}), or
     * null when nothing known is wrong with it. Only the first node of a bad chain is rejected: what it feeds sees
     * unknown shapes.
     *
     * @throws IllegalArgumentException when no node has this name
     */
    public String rejection(String nodeName) {
        return inferred[requireIndex(nodeName)].rejection();
    }

    private int requireIndex(String nodeName) {
        int index = graph.indexOf(nodeName);
        if (index < 0) {
            throw new IllegalArgumentException("no node is named '" + nodeName + "'");
        }
        return index;
    }

    private InferredNode infer(int index, NodeDef node, int referencedPorts, PartialShape override) {
        NodeContext context = contextOf(index, node);
        Ruled rule = applyRule(context);
        List<TensorType> ruled = rule.types();
        List<PartialShape> recorded = recordedShapes(context);
        int count = ruled != null ? ruled.size() : Math.max(1, Math.max(referencedPorts, recorded.size()));
        List<TensorType> types = new ArrayList<>(count);
        KnownValue[] values = new KnownValue[count];
        TensorType[] handles = new TensorType[count];
        for (int port = 0; port < count; port++) {
            TensorType type = ruled != null ? ruled.get(port) : TensorType.unknown();
            if (port < recorded.size()) {
                type = type.withShape(refine(type.shape(), recorded.get(port)));
            }
            if (port == 0 && override != null) {
                type = type.withShape(override);
            }
            types.add(type);
            TensorType known = type;
            int output = port;
            values[port] = unlessMalformed(() -> ConstantFolding.fold(context, output, known));
            handles[port] = type.dtype() == DataType.DT_RESOURCE
                    ? unlessMalformed(() -> VariableRules.handleData(context)) : null;
        }
        return new InferredNode(Collections.unmodifiableList(types), values, handles, rule.rejection());
    }

    /**
     * The rule's outputs; none for an op without a rule, or when the rule meets a malformed node: a
     * {@link CannotInfer} says what TensorFlow requires, other exceptions (data the rule did not expect) say
     * nothing.
     */
    private static Ruled applyRule(NodeContext context) {
        ShapeRule rule = RuleTable.forOp(context.op());
        if (rule == null) {
            return new Ruled(null, null);
        }
        try {
            return new Ruled(List.copyOf(rule.infer(context)), null);
        } catch (CannotInfer rejected) {
            return new Ruled(null, rejected.getMessage());
        } catch (RuntimeException malformed) {
            return new Ruled(null, null);
        }
    }

    private static List<PartialShape> recordedShapes(NodeContext context) {
        List<PartialShape> recorded = unlessMalformed(() -> context.attrs().shapes(OUTPUT_SHAPES_ATTR));
        return recorded == null ? List.of() : recorded;
    }

    /**
     * The step's result, or null when it fails: a rule that meets a malformed node (a {@link CannotInfer}, or an
     * index or arithmetic exception from data it did not expect) leaves the outputs unknown.
     */
    private static <T> T unlessMalformed(Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    /** The inferred shape with what it leaves unknown taken from the recorded one, where the two agree in rank. */
    private static PartialShape refine(PartialShape inferredShape, PartialShape recorded) {
        if (!inferredShape.hasRank()) {
            return recorded;
        }
        if (recorded.rank() != inferredShape.rank()) {
            return inferredShape;
        }
        long[] dims = inferredShape.dims();
        for (int i = 0; i < dims.length; i++) {
            dims[i] = Shapes.known(dims[i]) ? dims[i] : recorded.dim(i);
        }
        return PartialShape.of(dims);
    }

    private NodeContext contextOf(int index, NodeDef node) {
        int[] producers = graph.producers(index);
        List<TensorType> types = new ArrayList<>(producers.length);
        List<KnownValue> values = new ArrayList<>(producers.length);
        List<TensorType> handles = new ArrayList<>(producers.length);
        List<NodeDef> producerNodes = new ArrayList<>(producers.length);
        for (int k = 0; k < producers.length; k++) {
            TensorRef ref = TensorRef.parse(node.getInput(k));
            if (ref.control()) {
                continue;
            }
            InferredNode producer = inferred[producers[k]];
            boolean known = producer != null && ref.port() < producer.types().size();
            types.add(known ? producer.types().get(ref.port()) : TensorType.unknown());
            values.add(known ? producer.values()[ref.port()] : null);
            handles.add(known ? producer.handles()[ref.port()] : null);
            producerNodes.add(graph.node(producers[k]));
        }
        return new NodeContext(node, types, values, handles, producerNodes);
    }

    /** For each node, one more than the highest output port that any node reads (0 when none is read). */
    private static int[] referencedPortCounts(TfGraph graph) {
        int[] counts = new int[graph.size()];
        for (NodeDef node : graph.nodes()) {
            for (String input : node.getInputList()) {
                TensorRef ref = TensorRef.parse(input);
                int producer = graph.indexOf(ref.node());
                if (!ref.control() && producer >= 0) {
                    counts[producer] = Math.max(counts[producer], ref.port() + 1);
                }
            }
        }
        return counts;
    }
}
