package dev.tfir.convert.ops;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.IrModel;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ir.SubGraph;
import dev.tfir.convert.ir.SubGraph.BackEdge;
import dev.tfir.convert.ir.SubGraph.PortMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loop-5 and If-8, OpenVINO's control flow, as OpenVINO's TensorFlow frontend builds them from a TF2 While and If
 * ({@code create_loop_for_tf_while}, {@code if.cpp}).
 */
public final class Loops {
    private Loops() {}

    /**
     * One value a loop carries: its value before the first iteration, the body Parameter that holds it, and the
     * body value it takes for the next iteration; a Parameter that the body passes on unchanged is invariant.
     */
    public record Carried(Output initial, Node parameter, Output next) {
        boolean invariant() {
            return next.equals(parameter.output(0));
        }
    }

    /**
     * The Loop of a TF While: it runs while the condition holds (checked before the first iteration on the initial
     * values, and at the end of each on the next ones), at most {@code maximum_iterations} times where TensorFlow
     * gives it ({@link LoopLists#maximumIterations}; else the trip count is -1). Carried values are
     * back edges; invariant ones plain inputs; a list (a dense tensor [n, ...]) read one element per iteration at
     * the iteration counter becomes a sliced input, and one written one element per iteration a concatenated output
     * ({@link LoopLists}). Returns one output per carried value: its value after the last iteration (an invariant
     * one: its initial value).
     */
    public static List<Output> whileLoop(List<Carried> carried, Output firstCondition, Output nextCondition) {
        LoopLists lists = LoopLists.of(carried, nextCondition);
        List<PortMapping> inputs = new ArrayList<>();
        List<PortMapping> outputs = new ArrayList<>();
        List<BackEdge> backEdges = new ArrayList<>();
        List<Node> parameters = new ArrayList<>();
        List<Node> results = new ArrayList<>();
        List<Output> external = new ArrayList<>(List.of(Constants.of(ConstTensor.ofLongs(ElementType.I64,
                new long[0], lists.maximumIterations())), firstCondition));
        Node.Builder loop = Node.builder("Loop", "opset5");
        List<Integer> outputOf = new ArrayList<>();
        for (int i = 0; i < carried.size(); i++) {
            LoopLists.Role role = lists.role(i);
            Carried value = lists.carried(i);
            outputOf.add(-1);
            if (role == LoopLists.Role.DROPPED) {
                continue;
            }
            if (role == LoopLists.Role.FILLED_CONCATENATED || role == LoopLists.Role.FILLED_LAST) {
                Node result = Sources.result(lists.element(i));
                results.add(result);
                Map<String, String> attributes = role == LoopLists.Role.FILLED_CONCATENATED ? slicing() : Map.of();
                outputOf.set(i, outputs.size());
                outputs.add(new PortMapping(outputs.size(), result, attributes));
                loop.output(value.initial().type(), role == LoopLists.Role.FILLED_CONCATENATED
                        ? withFirst(lists.element(i).shape(), PartialShape.UNKNOWN_DIM) : lists.element(i).shape());
                continue;
            }
            if (value.initial().rank() != value.parameter().outputShape(0).rank()) {
                throw new ConversionException("loop value " + i + " is " + value.initial().shape() + " before the "
                        + "loop and " + value.parameter().outputShape(0) + " in it; a Loop cannot change its rank");
            }
            parameters.add(value.parameter());
            inputs.add(new PortMapping(external.size(), value.parameter(),
                    role == LoopLists.Role.SLICED ? slicing() : Map.of()));
            external.add(value.initial());
            if (!value.invariant()) {
                Node result = Sources.result(value.next());
                results.add(result);
                backEdges.add(new BackEdge(result, value.parameter()));
                outputOf.set(i, outputs.size());
                outputs.add(new PortMapping(outputs.size(), result, Map.of()));
                loop.output(value.initial().type(), value.parameter().outputShape(0));
            }
        }
        Node condition = Sources.result(nextCondition);
        results.add(condition);
        outputs.add(new PortMapping(-1, condition, Map.of("purpose", "execution_condition")));
        IrModel body = new IrModel("", parameters, results, Map.of());
        Node node = loop.inputs(external).subGraph(new SubGraph("body", "port_map", body, inputs, outputs, backEdges))
                .build();
        List<Output> values = new ArrayList<>();
        for (int i = 0; i < carried.size(); i++) {
            Output initial = carried.get(i).initial();
            int port = outputOf.get(i);
            boolean backEdge = port >= 0 && lists.role(i) != LoopLists.Role.FILLED_CONCATENATED
                    && lists.role(i) != LoopLists.Role.FILLED_LAST;
            values.add(port < 0 ? initial : backEdge ? orInitial(firstCondition, node.output(port), initial)
                    : node.output(port));
        }
        return values;
    }

    /**
     * A carried value after the loop, or its initial value when the loop runs no iteration: OpenVINO 2024.6's CPU
     * Loop then gives the memory of the body's result, never computed or left from an earlier run (fixed in 2026:
     * openvino#37247), so a loop whose condition fails at once (an inner loop on the outer loop's first iteration,
     * issue 17) gives garbage. A value of one static shape is a Select on the condition checked before the first
     * iteration; another (its shape may change in the loop) is {@link #either} of the two.
     */
    private static Output orInitial(Output firstCondition, Output after, Output initial) {
        if (firstCondition.isConstant() && firstCondition.constant().longs()[0] != 0) {
            return after;
        }
        Output ran = firstCondition.rank() == 0 ? firstCondition : Movement.reshape(firstCondition);
        if (initial.shape().isFullyDefined() && initial.shape().equals(after.shape())) {
            return Elementwise.select(ran, after, initial);
        }
        return either(ran, after, initial);
    }

    /**
     * {@code first} where {@code condition} (a boolean scalar) holds, else {@code second}, values of one type and
     * rank whose shapes may differ, without an If: both flattened end to end, the one chosen sliced out and given
     * its shape back. An If of the two is wrong in one runtime or the other inside a loop's body: OpenVINO 2026.4's
     * CPU If there gives zeros when its branches' results differ in shape, and 2024.6's, when they do not, keeps
     * one branch's result when the other runs ({@link #ifElse}).
     */
    static Output either(Output condition, Output first, Output second) {
        Output flatFirst = Movement.reshape(first, Constants.i64(-1), false);
        Output flatSecond = Movement.reshape(second, Constants.i64(-1), false);
        Output both = Movement.concat(List.of(flatFirst, flatSecond), 0);
        Output firstSize = Movement.shapeOf(flatFirst, ElementType.I64);
        Output start = Elementwise.select(condition, Constants.i64(0), firstSize);
        Output stop = Elementwise.select(condition, firstSize,
                Elementwise.add(firstSize, Movement.shapeOf(flatSecond, ElementType.I64)));
        Output chosen = Node.builder("Slice", "opset8").inputs(both, start, stop, Constants.i64(1), Constants.i64(0))
                .output(first.type(), PartialShape.of(PartialShape.UNKNOWN_DIM)).buildOutput();
        Output shape = Elementwise.select(condition, Movement.shapeOf(first, ElementType.I64),
                Movement.shapeOf(second, ElementType.I64));
        return Node.builder("Reshape", "opset1").attribute("special_zero", false).inputs(chosen, shape)
                .output(first.type(), merged(first.shape(), second.shape())).buildOutput();
    }

    /**
     * If-8: {@code condition} chooses the branch; each branch's Parameters take the inputs (pairwise), its Results
     * give the outputs (pairwise, of the then-branch's types; shapes where both branches agree).
     * <p>
     * An output whose shape is not static leaves each branch with a leading axis of a different size (the
     * then-branch's value unsqueezed, [1, ...]; the else-branch's twice, [2, ...]), and element 0 of that axis is
     * taken after the If. OpenVINO 2024.6's CPU If copies a branch's result out only as many elements as that branch
     * gave when it last resized the If's output: when the other branch ran last with a value of the same shape, it
     * copies nothing (its {@code PortMapHelper} keeps a size of 0, the If keeps the other branch's result, issue 17).
     * Shapes that differ between the branches make every branch resize the output when it follows the other.
     */
    public static List<Output> ifElse(Output condition, List<Output> inputs, IrModel thenBranch,
                                      IrModel elseBranch) {
        Node.Builder node = Node.builder("If", "opset8").inputs(condition).inputs(inputs);
        List<Node> thenResults = new ArrayList<>();
        List<Node> elseResults = new ArrayList<>();
        List<Boolean> marked = new ArrayList<>();
        for (int i = 0; i < thenBranch.results().size(); i++) {
            Output a = thenBranch.results().get(i).input(0);
            Output b = elseBranch.results().get(i).input(0);
            PartialShape shape = merged(a.shape(), b.shape());
            boolean mark = !shape.isFullyDefined();
            marked.add(mark);
            if (mark) {
                Output once = Movement.unsqueeze(b, 0);
                a = Movement.unsqueeze(a, 0);
                b = Movement.concat(List.of(once, once), 0);
                shape = merged(a.shape(), b.shape());
            }
            thenResults.add(Sources.result(a));
            elseResults.add(Sources.result(b));
            node.output(a.type(), shape);
        }
        node.subGraph(branch("then_body", "then_port_map", new IrModel("", thenBranch.parameters(), thenResults,
                Map.of())));
        node.subGraph(branch("else_body", "else_port_map", new IrModel("", elseBranch.parameters(), elseResults,
                Map.of())));
        Node conditional = node.build();
        List<Output> outputs = new ArrayList<>();
        for (int i = 0; i < marked.size(); i++) {
            Output output = conditional.output(i);
            outputs.add(marked.get(i) ? Movement.gather(output, Constants.i64Scalar(0), 0) : output);
        }
        return outputs;
    }

    private static SubGraph branch(String element, String portMap, IrModel graph) {
        List<PortMapping> inputs = new ArrayList<>();
        for (int i = 0; i < graph.parameters().size(); i++) {
            inputs.add(new PortMapping(i + 1, graph.parameters().get(i), Map.of()));
        }
        List<PortMapping> outputs = new ArrayList<>();
        for (int i = 0; i < graph.results().size(); i++) {
            outputs.add(new PortMapping(i, graph.results().get(i), Map.of()));
        }
        return new SubGraph(element, portMap, graph, inputs, outputs, null);
    }

    /**
     * The shape both values fit: equal dims kept, others unknown; a rank that differs cannot be held (a
     * ConversionException names both).
     */
    public static PartialShape merged(PartialShape a, PartialShape b) {
        if (a.rank() != b.rank()) {
            throw new ConversionException("a value of shape " + a + " in one place is of shape "
                    + b + " in another; a rank that changes cannot be held");
        }
        long[] dims = a.dims();
        for (int d = 0; d < dims.length; d++) {
            if (dims[d] != b.dim(d)) {
                dims[d] = PartialShape.UNKNOWN_DIM;
            }
        }
        return PartialShape.of(dims);
    }

    /** Slices of one element along axis 0, first to last (a sliced input, a concatenated output). */
    private static Map<String, String> slicing() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("axis", "0");
        attributes.put("start", "0");
        attributes.put("end", "-1");
        attributes.put("stride", "1");
        attributes.put("part_size", "1");
        return attributes;
    }

    private static PartialShape withFirst(PartialShape shape, long dim) {
        long[] dims = shape.dims();
        dims[0] = dim;
        return PartialShape.of(dims);
    }
}
