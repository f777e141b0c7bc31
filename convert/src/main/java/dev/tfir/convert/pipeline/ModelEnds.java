package dev.tfir.convert.pipeline;

import dev.tfir.common.detect.GraphSummary;
import dev.tfir.common.detect.IoDetector;
import dev.tfir.common.graph.PipelineOps;
import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.TfTypes;
import dev.tfir.convert.translate.Boundary;
import dev.tfir.convert.translate.NeededNodes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;

/**
 * The model's inputs and outputs where the options leave them to the graph, chosen as mo and ovc choose them.
 * <ul>
 *   <li>Outputs, without {@code --output}: the detected ones (summarize-graph's) that can be IR outputs and that a
 *       model input reaches, except those that other nodes wait on (control edges: mo and ovc count them as
 *       consumed; a tf.cond's {@code switch_t}/{@code switch_f}/{@code pred_id}), unless all are. A sink no model
 *       input reaches has the same value whatever the inputs are: it serves
 *       training (an L2 regularization loss or a summary reading the weights, a global step's increment) and is
 *       left out, as mo leaves out outputs that fold to constants; when no output is reached, all stay, and so do the
 *       outputs a SavedModel's serving signature declares. They are
 *       ordered by node name (UTF-8 bytes) as mo (its sorted graph nodes) and ovc (a {@code std::set} of names)
 *       order them; {@code --output} gives its own order.
 *   <li>Inputs: the Placeholders the outputs need, in import order; a Placeholder nothing reads (TF2 freezing
 *       leaves {@code unused_control_flow_input_N}) is none. The outputs of an input pipeline that the outputs
 *       need ({@link PipelineOps}: a tf.data iterator's {@code IteratorGetNext:i}, a TF1 queue's dequeue) are inputs
 *       too, as mo and ovc make them. With
 *       {@code --input}: the places it names, then the Placeholders the outputs still need, which mo keeps as
 *       further inputs.
 * </ul>
 */
final class ModelEnds {
    private static final Comparator<String> NAME_BYTES = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    /**
     * The chosen ends.
     *
     * @param outputs       the outputs, in the IR's order
     * @param unreached     detected outputs no model input reaches, left out (none with {@code --output})
     * @param defaultInputs without {@code --input}: the Placeholders the outputs need, in import order
     * @param furtherInputs with {@code --input}: the Placeholders the outputs need besides, in import order
     * @param unneeded      without {@code --input}: the Placeholders the outputs do not need, left out
     */
    record Ends(List<TensorRef> outputs, List<NodeDef> unreached, List<String> defaultInputs,
                List<String> furtherInputs, List<String> unneeded) {}

    private ModelEnds() {}

    /** The ends; {@code declaredOutputs}: the graph's sinks are the outputs of a signature, all kept. */
    static Ends choose(TfGraph graph, GraphTypes types, ConversionRequest request, boolean declaredOutputs) {
        Set<TensorRef> fedTensors = new HashSet<>();
        Set<Boundary.Edge> fedEdges = new HashSet<>();
        for (var spec : request.inputs()) {
            GraphPlaces.Place place = GraphPlaces.find(graph, spec.name(), "--input");
            if (place.tensor() != null) {
                fedTensors.add(place.tensor());
            } else {
                fedEdges.add(place.edge());
            }
        }
        Set<TensorRef> pipelineTensors = request.inputs().isEmpty() ? pipelineOutputs(graph) : Set.of();
        fedTensors.addAll(pipelineTensors);
        List<NodeDef> unreached = new ArrayList<>();
        List<TensorRef> outputs = new ArrayList<>();
        if (request.outputs().isEmpty()) {
            detectedOutputs(graph, types, fedTensors, fedEdges, declaredOutputs, unreached).forEach(
                    node -> outputs.add(new TensorRef(node.getName(), 0, false)));
        }
        for (String name : request.outputs()) {
            outputs.add(GraphPlaces.tensorOf(graph, GraphPlaces.find(graph, name, "--output")));
        }
        boolean[] needed = NeededNodes.of(graph, outputs, fedTensors, fedEdges);
        Set<TensorRef> readPipelineOutputs = new HashSet<>();
        for (NodeDef node : pipelineTensors.isEmpty() ? List.<NodeDef>of() : graph.importOrder()) {
            if (needed[graph.indexOf(node.getName())]) {
                node.getInputList().stream().map(TensorRef::parse).filter(pipelineTensors::contains)
                        .forEach(readPipelineOutputs::add);
            }
        }
        List<String> neededPlaceholders = new ArrayList<>();
        List<String> unneeded = new ArrayList<>();
        for (NodeDef node : graph.importOrder()) {
            if (node.getOp().equals("Placeholder") && !fedTensors.contains(new TensorRef(node.getName(), 0, false))) {
                (needed[graph.indexOf(node.getName())] ? neededPlaceholders : unneeded).add(node.getName());
            } else if (PipelineOps.isPipelineOp(node.getOp())) {
                readPipelineOutputs.stream().filter(ref -> ref.node().equals(node.getName()))
                        .sorted(Comparator.comparingInt(TensorRef::port))
                        .forEach(ref -> neededPlaceholders.add(ref.node() + ":" + ref.port()));
            }
        }
        return request.inputs().isEmpty() ? new Ends(outputs, unreached, neededPlaceholders, List.of(), unneeded)
                : new Ends(outputs, unreached, List.of(), neededPlaceholders, List.of());
    }

    /**
     * The outputs of the input pipeline's nodes (tf.data iterators, TF1 queue dequeues) that any node reads: inputs,
     * as mo and ovc make them (a graph frozen with its input pipeline), when {@code --input} names none.
     */
    private static Set<TensorRef> pipelineOutputs(TfGraph graph) {
        Set<String> pipeline = new HashSet<>();
        for (NodeDef node : graph.importOrder()) {
            if (PipelineOps.isPipelineOp(node.getOp())) {
                pipeline.add(node.getName());
            }
        }
        Set<TensorRef> read = new HashSet<>();
        if (!pipeline.isEmpty()) {
            for (NodeDef node : graph.importOrder()) {
                node.getInputList().stream().filter(input -> !input.startsWith("^")).map(TensorRef::parse)
                        .filter(ref -> pipeline.contains(ref.node())).forEach(read::add);
            }
        }
        return read;
    }

    /** The detected outputs a model input reaches (see the class comment), by name; the others into unreached. */
    private static List<NodeDef> detectedOutputs(TfGraph graph, GraphTypes types, Set<TensorRef> fedTensors,
                                                 Set<Boundary.Edge> fedEdges, boolean declaredOutputs,
                                                 List<NodeDef> unreached) {
        GraphSummary detected = IoDetector.summarize(graph);
        List<NodeDef> valueOutputs = detected.valueOutputs().stream()
                .filter(node -> !unread(graph, node))
                .filter(node -> representable(types.of(new TensorRef(node.getName(), 0, false)).dtype()))
                .toList();
        List<NodeDef> notWaitedOn = valueOutputs.stream()
                .filter(node -> graph.controlConsumers(graph.indexOf(node.getName())).isEmpty()).toList();
        List<NodeDef> candidates = notWaitedOn.isEmpty() ? valueOutputs : notWaitedOn;
        if (candidates.isEmpty()) {
            throw new ConversionException("the graph has no outputs that can be model outputs; name them with "
                    + "--output");
        }
        boolean[] reached = declaredOutputs ? null : reached(graph, fedTensors, fedEdges);
        List<NodeDef> kept = new ArrayList<>();
        for (NodeDef node : candidates) {
            (declaredOutputs || reached[graph.indexOf(node.getName())] ? kept : unreached).add(node);
        }
        if (kept.isEmpty()) {
            kept.addAll(unreached);
            unreached.clear();
        }
        kept.sort(Comparator.comparing(NodeDef::getName, NAME_BYTES));
        return kept;
    }

    /** What the model inputs reach over data edges: from the read Placeholders and the places --input names. */
    private static boolean[] reached(TfGraph graph, Set<TensorRef> fedTensors, Set<Boundary.Edge> fedEdges) {
        boolean[] reached = new boolean[graph.size()];
        Deque<Integer> work = new ArrayDeque<>();
        for (int i = 0; i < graph.size(); i++) {
            if (graph.node(i).getOp().equals("Placeholder") && !unread(graph, graph.node(i))) {
                work.add(i);
            }
        }
        fedTensors.forEach(tensor -> work.add(graph.indexOf(tensor.node())));
        fedEdges.forEach(edge -> work.add(graph.indexOf(edge.node())));
        while (!work.isEmpty()) {
            int index = work.poll();
            if (!reached[index]) {
                reached[index] = true;
                work.addAll(graph.dataConsumers(index));
            }
        }
        return reached;
    }

    private static boolean unread(TfGraph graph, NodeDef node) {
        return node.getOp().equals("Placeholder") && graph.dataConsumers(graph.indexOf(node.getName())).isEmpty();
    }

    /** Unknown types may be fine; known ones must have an IR element type. */
    private static boolean representable(DataType dtype) {
        return dtype == DataType.DT_INVALID || TfTypes.elementType(dtype) != null;
    }
}
