package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.IrModel;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Outlining;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Loops;
import dev.tfir.convert.ops.Sources;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * TF1 conditionals (tf.cond's Switch and Merge), as the session's {@code ConditionalFlow} resolved them: a Switch
 * passes its data to both sides (a side a constant predicate never takes is never translated); a Merge gets the
 * inputs its plan reads.
 */
public final class ConditionalTranslators {
    private ConditionalTranslators() {}

    /** Switch: output 0 (false side) and output 1 (true side) are both the data. */
    public static List<TfTensor> switchOp(NodeContext node) {
        return List.of(node.tensor(0), node.tensor(0));
    }

    /**
     * Merge: one input, the live one (the other side is dead), or three, the predicate, the true side's value and
     * the false side's: then an If runs the side the predicate takes, as TensorFlow does, with each side's branch
     * copied into its body (what the side computes from values computed outside it). A side not taken is not
     * computed (its ops may fail on values it is not meant for: a window mask's indices out of range) and the
     * result has the shape of the side taken. Values of one static shape computed outside the branches (a side
     * that only passes a value on) go through a Select.
     */
    public static List<TfTensor> merge(NodeContext node) {
        if (node.inputCount() == 1) {
            return List.of(node.tensor(0));
        }
        Output predicate = node.input(0);
        Output then = node.input(1);
        Output otherwise = node.input(2);
        node.require(predicate.rank() == 0, "has a predicate of shape " + predicate.shape()
                + "; a tf.cond's predicate is a scalar");
        node.require(then.type() == otherwise.type(), "joins " + then.type().irName() + " and "
                + otherwise.type().irName() + " values; both sides of a tf.cond must have one element type");
        node.require(then.rank() == otherwise.rank(), "joins values of shapes " + then.shape() + " (true side) and "
                + otherwise.shape() + " (false side); an OpenVINO If's output keeps one rank: give that side's value "
                + "with --output, or freeze the predicate with --input");
        Predicate<Output> outsideThen = node.outsideBranch(true);
        Predicate<Output> outsideElse = node.outsideBranch(false);
        if (outsideThen.test(then) && outsideElse.test(otherwise) && then.shape().isFullyDefined()
                && then.shape().equals(otherwise.shape())) {
            return List.of(TfTensor.of(Elementwise.select(predicate, then, otherwise)));
        }
        Set<Output> inputs = new LinkedHashSet<>(Outlining.inputs(then, outsideThen));
        inputs.addAll(Outlining.inputs(otherwise, outsideElse));
        List<Output> values = List.copyOf(inputs);
        return List.of(TfTensor.of(Loops.ifElse(predicate, values, branch(then, values), branch(otherwise, values))
                .get(0)));
    }

    /** A body that takes {@code inputs} and computes {@code value} from them (a copy of its computation). */
    private static IrModel branch(Output value, List<Output> inputs) {
        Map<Output, Output> parameters = new LinkedHashMap<>();
        inputs.forEach(input -> parameters.put(input, Sources.parameter(input.type(), input.shape()).output(0)));
        Node result = Sources.result(Outlining.copy(value, parameters));
        return new IrModel("", parameters.values().stream().map(Output::node).toList(), List.of(result), Map.of());
    }
}
