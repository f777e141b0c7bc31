package dev.tfir.convert.translate;

import dev.tfir.common.TfirException;
import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.infer.CannotInfer;
import dev.tfir.common.infer.ShapeInference;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.weights.ConstantSource;
import dev.tfir.common.model.FunctionGraphs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.tensorflow.proto.NodeDef;

/**
 * Translates the part of a TensorFlow graph that the outputs need, from the inputs of a {@link Boundary}: first
 * every needed node is checked for a translator, and all unsupported op types are reported at once; then for what
 * TensorFlow would reject (common's shape inference tells: a zero stride, a MatMul whose inner dims differ...),
 * naming the first such node; then the nodes are translated in TensorFlow's import order (a topological order); the
 * IR node producing a TF node's outputs takes its name, and the outputs its tensor names.
 */
public final class TranslationSession {
    /**
     * The translated outputs, in the order of the boundary's outputs, how many TF nodes were translated, and what
     * was done with TF1 conditionals (null: the graph has none; see {@link ConditionalFlow#describe}).
     */
    public record Result(List<TfTensor> outputs, int translatedNodes, String conditionals) {}

    private final TfGraph graph;
    private final TranslatorRegistry table;
    private final ConstantSource constants;
    private final Boundary boundary;
    private final ShapeInference inference;
    private final FunctionCalls functions;
    private final List<List<TfTensor>> translated;
    private final ConditionalFlow flow;
    /** The branches each IR value a node gave lies in, as the first node that gave it. */
    private final Map<Output, List<ConditionalFlow.Branch>> firstGuards = new HashMap<>();

    private TranslationSession(TfGraph graph, TranslatorRegistry table, ConstantSource constants, Boundary boundary,
                               ShapeInference inference, FunctionCalls functions) {
        this.graph = graph;
        this.table = table;
        this.constants = constants;
        this.boundary = boundary;
        this.inference = inference;
        this.flow = ConditionalFlow.of(graph, boundary);
        this.functions = functions;
        this.translated = new ArrayList<>(graph.size());
        for (int i = 0; i < graph.size(); i++) {
            translated.add(null);
        }
    }

    /**
     * Translates what the boundary's outputs need.
     *
     * @param inference the graph's shape inference, which knows the nodes TensorFlow would reject
     * @throws UnsupportedOpsException when needed nodes, or nodes of the functions they run, have op types without
     *         a translator (all of them listed)
     * @throws ConversionException when a node is invalid or cannot be translated (naming the node)
     */
    public static Result run(TfGraph graph, TranslatorRegistry table, ConstantSource constants, Boundary boundary,
                             ShapeInference inference) {
        FunctionCalls functions = new FunctionCalls(graph.graphDef(), table);
        return new TranslationSession(graph, table, constants, boundary, inference, functions).run();
    }

    /**
     * Translates a function's graph (its op types already checked with the graph that runs it); its tensors get
     * no tensor names.
     */
    static Result runFunction(TfGraph graph, TranslatorRegistry table, ConstantSource constants, Boundary boundary,
                              FunctionCalls functions) {
        return new TranslationSession(graph, table, constants, boundary, null, functions).run();
    }

    private Result run() {
        for (TensorRef output : boundary.outputs()) {
            if (graph.indexOf(output.node()) >= 0 && flow.isDead(output)) {
                throw new ConversionException("output '" + output.node() + "' is never computed: it lies in a "
                        + "branch that a tf.cond's constant predicate never takes");
            }
        }
        boolean[] needed = NeededNodes.of(graph, boundary.outputs(), boundary.fedTensors(), boundary.fedEdges(),
                flow::isDead);
        if (!isFunction()) {
            checkSupported(needed);
        }
        checkValid(needed);
        int count = 0;
        for (NodeDef node : graph.importOrder()) {
            int index = graph.indexOf(node.getName());
            if (needed[index]) {
                List<TfTensor> outputs = translate(node);
                translated.set(index, outputs);
                for (TfTensor output : outputs) {
                    if (output != null) {
                        output.values().forEach(value -> firstGuards.putIfAbsent(value,
                                flow.branchesOf(node.getName())));
                    }
                }
                count++;
            }
        }
        List<TfTensor> outputs = new ArrayList<>();
        for (TensorRef output : boundary.outputs()) {
            TfTensor tensor = tensor(output.node(), output.port());
            if (tensor.isComplex()) {
                throw new ConversionException("output '" + output + "' is a complex tensor; OpenVINO models give real "
                        + "tensors: take its Real and Imag parts (or ComplexAbs) as the outputs");
            }
            outputs.add(tensor);
        }
        return new Result(outputs, count, flow.describe(needed));
    }

    private void checkSupported(boolean[] needed) {
        Map<String, List<String>> unsupported = new TreeMap<>();
        Set<String> functionsSeen = new HashSet<>();
        for (NodeDef node : graph.importOrder()) {
            if (!needed[graph.indexOf(node.getName())]) {
                continue;
            }
            if (!table.supports(node.getOp())) {
                unsupported.computeIfAbsent(node.getOp(), op -> new ArrayList<>()).add(node.getName());
            }
            for (String function : FunctionGraphs.calledBy(node)) {
                functions.collectUnsupported(function, node.getOp() + " '" + node.getName() + "'", unsupported,
                        functionsSeen);
            }
        }
        if (!unsupported.isEmpty()) {
            throw new UnsupportedOpsException(unsupported, table);
        }
    }

    /**
     * The first needed node (in import order) that has too few inputs for its translator, or that TensorFlow
     * rejects, named with the reason.
     */
    private void checkValid(boolean[] needed) {
        for (NodeDef node : graph.importOrder()) {
            if (!needed[graph.indexOf(node.getName())]) {
                continue;
            }
            String where = node.getOp() + " '" + node.getName() + "'";
            int inputs = 0;
            for (String input : node.getInputList()) {
                inputs += TensorRef.parse(input).control() ? 0 : 1;
            }
            int minInputs = table.get(node.getOp()).minInputs();
            if (inputs < minInputs) {
                throw new ConversionException(where + " has " + inputs + " inputs; " + node.getOp()
                        + " must have at least " + minInputs);
            }
            String rejection = inference == null ? null : inference.rejection(node.getName());
            if (rejection != null) {
                throw new ConversionException(where + ": " + rejection);
            }
        }
    }

    private List<TfTensor> translate(NodeDef node) {
        List<TfTensor> inputs = inputsOf(node);
        TranslatorRegistry.Entry entry = table.get(node.getOp());
        String where = node.getOp() + " '" + node.getName() + "'";
        if (!entry.takesComplex()) {
            for (int i = 0; i < inputs.size(); i++) {
                if (inputs.get(i) != null && inputs.get(i).isComplex()) {
                    throw new ConversionException(where + ": input " + i + " is a complex tensor, and convert "
                            + "computes on complex tensors only with " + String.join(", ", table.complexOpTypes())
                            + "; compute on its Real and Imag parts instead");
                }
            }
        }
        ConditionalFlow.MergePlan plan = flow.merge(node.getName());
        TensorRef predicate = plan == null ? null : plan.predicate();
        NodeContext context = new NodeContext(node, inputs, () -> constants.valueOf(node), functions,
                predicate == null ? null : side -> outside(new ConditionalFlow.Branch(predicate, side)));
        List<TfTensor> outputs;
        try {
            outputs = entry.translator().translate(context);
        } catch (ConversionException | CannotInfer e) {
            throw new ConversionException(where + ": " + e.getMessage());
        } catch (TfirException e) {
            throw e;
        } catch (RuntimeException bug) {
            throw new IllegalStateException("translating " + where + ": " + bug, bug);
        }
        for (int port = 0; port < outputs.size(); port++) {
            TfTensor output = outputs.get(port);
            if (output != null) {
                if (output.stored().node().name() == null) {
                    output.stored().node().setName(node.getName());
                }
                if (isFunction()) {
                    continue;
                }
                List<String> names = port == 0 ? List.of(node.getName(), node.getName() + ":0")
                        : List.of(node.getName() + ":" + port);
                output.addNames(names);
            }
        }
        return outputs;
    }

    /**
     * Whether an IR value is computed outside the branch: by a node translated so far that does not lie in it (the
     * first node that gave the value computed it; a pass-through op inside a branch gives it again).
     */
    private Predicate<Output> outside(ConditionalFlow.Branch branch) {
        return value -> {
            List<ConditionalFlow.Branch> guard = firstGuards.get(value);
            return guard != null && !guard.contains(branch);
        };
    }

    /** A function's graph, translated for a control-flow op: no shape inference of its own, no tensor names. */
    private boolean isFunction() {
        return inference == null;
    }

    /** The node's data inputs; a Merge's as its plan reads them (the predicate first when it selects). */
    private List<TfTensor> inputsOf(NodeDef node) {
        List<TfTensor> inputs = new ArrayList<>();
        for (String input : node.getInputList()) {
            TensorRef ref = TensorRef.parse(input);
            if (ref.control()) {
                continue;
            }
            TfTensor edge = boundary.boundEdge(node.getName(), inputs.size());
            inputs.add(edge != null ? edge : flow.isDead(ref) ? null : tensor(ref.node(), ref.port()));
        }
        ConditionalFlow.MergePlan plan = flow.merge(node.getName());
        if (plan == null) {
            return inputs;
        }
        if (plan.refusal() != null) {
            throw new ConversionException(node.getOp() + " '" + node.getName() + "' " + plan.refusal());
        }
        List<TfTensor> planned = new ArrayList<>();
        if (plan.predicate() != null) {
            planned.add(tensor(plan.predicate().node(), plan.predicate().port()));
        }
        plan.inputs().forEach(i -> planned.add(inputs.get(i)));
        return planned;
    }

    private TfTensor tensor(String node, int port) {
        TfTensor bound = boundary.boundTensor(node, port);
        if (bound != null) {
            return bound;
        }
        List<TfTensor> outputs = translated.get(graph.indexOf(node));
        TfTensor tensor = outputs != null && port < outputs.size() ? outputs.get(port) : null;
        if (tensor == null) {
            throw new ConversionException("output " + port + " of " + graph.node(graph.indexOf(node)).getOp()
                    + " '" + node + "' is used, but its translation does not produce it");
        }
        return tensor;
    }
}
