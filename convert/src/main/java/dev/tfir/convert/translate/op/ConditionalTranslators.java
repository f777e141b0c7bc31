package dev.tfir.convert.translate.op;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;
import java.util.stream.IntStream;

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
     * the false side's: then the predicate selects between them. That is what TensorFlow computes only when both
     * values have one shape (TF gives the shape of the side taken): shapes that differ where both are known are
     * refused; where a dimension is dynamic, the Select leaves broadcasting off, so that values of different shapes
     * fail at inference instead of giving a broadcast result.
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
        PartialShape shape = then.shape();
        node.require(compatible(shape, otherwise.shape()), "joins values of shapes " + shape + " (true side) and "
                + otherwise.shape() + " (false side): no Select computes what TensorFlow does (the shape of the "
                + "side taken); give that side's value with --output, or freeze the predicate with --input");
        if (shape.isFullyDefined() && otherwise.shape().isFullyDefined()) {
            return List.of(TfTensor.of(Elementwise.select(predicate, then, otherwise)));
        }
        Output mask = Node.builder("Broadcast", "opset3").attribute("mode", "numpy")
                .inputs(predicate, Movement.shapeOf(then, ElementType.I64))
                .output(ElementType.BOOLEAN, shape).buildOutput();
        return List.of(TfTensor.of(Node.builder("Select", "opset1").attribute("auto_broadcast", "none")
                .inputs(mask, then, otherwise).output(then.type(), shape).buildOutput()));
    }

    /** Same rank, and equal dimensions wherever both are known. */
    private static boolean compatible(PartialShape a, PartialShape b) {
        if (a.rank() != b.rank()) {
            return false;
        }
        long[] x = a.dims();
        long[] y = b.dims();
        return IntStream.range(0, x.length).allMatch(i -> x[i] < 0 || y[i] < 0 || x[i] == y[i]);
    }
}
