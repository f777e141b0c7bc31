package dev.tfir.convert.translate.op;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.IrModel;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Loops;
import dev.tfir.convert.ops.Sources;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfFunction;
import dev.tfir.convert.translate.TfTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TF2's functional control flow: While and StatelessWhile as Loop-5, If and StatelessIf as If-8, their functions
 * translated as sub-graphs by the same translators (OpenVINO's TF frontend: {@code while.cpp}, {@code if.cpp}).
 */
public final class ControlFlowTranslators {
    /** How often a body is translated again with the shapes its carried values take. */
    private static final int SHAPE_ROUNDS = 4;

    private ControlFlowTranslators() {}

    /**
     * While: the {@code cond} function decides before the first iteration (on the inputs) and after each (on the
     * body's results, inside the body); the {@code body} function's results are the next iteration's values. A
     * carried value whose shape changes between iterations gets unknown dims where it does (a rank that changes:
     * the body's rank, which only a list the Loop fills can take).
     */
    public static List<TfTensor> whileLoop(NodeContext node) {
        TfFunction cond = node.function("cond");
        TfFunction body = node.function("body");
        List<Output> initial = new ArrayList<>();
        for (int i = 0; i < node.inputCount(); i++) {
            initial.add(node.input(i));
        }
        node.require(body.arity() == initial.size() && cond.arity() == initial.size(), "has " + initial.size()
                + " inputs, but its cond and body functions take " + cond.arity() + " and " + body.arity());
        Output first = condition(node, cond.call(tensors(initial)));
        List<PartialShape> shapes = initial.stream().map(Output::shape).toList();
        for (int round = 0; ; round++) {
            List<Node> parameters = parameters(initial, shapes);
            List<Output> next = outputs(body.call(tensors(parameters.stream().map(p -> p.output(0)).toList())));
            node.require(next.size() == initial.size(), "has " + initial.size() + " loop values, but its body "
                    + "function returns " + next.size());
            List<PartialShape> merged = new ArrayList<>();
            for (int i = 0; i < next.size(); i++) {
                node.require(next.get(i).type() == initial.get(i).type(), "loop value " + i + " is "
                        + initial.get(i).type().irName() + ", but the body makes it " + next.get(i).type().irName());
                PartialShape shape = shapes.get(i);
                PartialShape nextShape = next.get(i).shape();
                // a list reserved without an element shape takes the rank of its elements in the body
                merged.add(shape.rank() == nextShape.rank() ? Loops.merged(shape, nextShape) : nextShape);
            }
            if (merged.equals(shapes)) {
                Output again = condition(node, cond.call(tensors(next)));
                List<Loops.Carried> carried = new ArrayList<>();
                for (int i = 0; i < next.size(); i++) {
                    carried.add(new Loops.Carried(initial.get(i), parameters.get(i), next.get(i)));
                }
                return tensors(Loops.whileLoop(carried, first, again));
            }
            node.require(round < SHAPE_ROUNDS, "loop values keep changing shape: " + merged);
            shapes = merged;
        }
    }

    /** If: {@code cond} (input 0) chooses the {@code then_branch} or {@code else_branch} function of the others. */
    public static List<TfTensor> ifElse(NodeContext node) {
        List<Output> inputs = new ArrayList<>();
        for (int i = 1; i < node.inputCount(); i++) {
            inputs.add(node.input(i));
        }
        Output condition = node.input(0);
        node.require(condition.shape().elementCount() == 1, "needs a condition of one element, not "
                + condition.shape());
        if (condition.type() != ElementType.BOOLEAN) {
            condition = Elementwise.binary("NotEqual", condition,
                    Constants.scalar(condition.type(), 0));
        }
        IrModel thenBranch = branch(node, node.function("then_branch"), inputs);
        IrModel elseBranch = branch(node, node.function("else_branch"), inputs);
        node.require(thenBranch.results().size() == elseBranch.results().size(), "has branches of "
                + thenBranch.results().size() + " and " + elseBranch.results().size() + " results");
        return tensors(Loops.ifElse(condition, inputs, thenBranch, elseBranch));
    }

    private static IrModel branch(NodeContext node, TfFunction function, List<Output> inputs) {
        node.require(function.arity() == inputs.size(), "passes " + inputs.size() + " inputs to function '"
                + function.name() + "', which takes " + function.arity());
        List<Node> parameters = parameters(inputs, inputs.stream().map(Output::shape).toList());
        List<Output> values = outputs(function.call(tensors(parameters.stream().map(p -> p.output(0)).toList())));
        return new IrModel("", parameters, values.stream().map(Sources::result).toList(), Map.of());
    }

    private static Output condition(NodeContext node, List<TfTensor> results) {
        node.require(results.size() == 1, "has a cond function of " + results.size() + " results, not 1");
        Output condition = results.get(0).tfLayout();
        node.require(condition.type() == ElementType.BOOLEAN && condition.shape().elementCount() == 1,
                "has a cond function whose result is " + condition.type().irName() + condition.shape()
                        + ", not one boolean");
        return condition;
    }

    private static List<Node> parameters(List<Output> values, List<PartialShape> shapes) {
        List<Node> parameters = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            parameters.add(Sources.parameter(values.get(i).type(), shapes.get(i)));
        }
        return parameters;
    }

    private static List<TfTensor> tensors(List<Output> values) {
        return values.stream().map(TfTensor::of).toList();
    }

    private static List<Output> outputs(List<TfTensor> tensors) {
        return tensors.stream().map(TfTensor::tfLayout).toList();
    }
}
