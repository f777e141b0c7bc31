package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Indexing;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.ops.Reductions;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Ops that pick or place elements by index: GatherNd, OneHot, TopKV2, InTopKV2, ReverseV2/Reverse, Roll,
 * ReverseSequence.
 */
public final class IndexTranslators {
    private IndexTranslators() {}

    /**
     * GatherNd: indices whose last axis (static) is no longer than the params' rank; the other dims of both may be
     * known only at run time (the boxes Where or TopKV2 picks).
     */
    public static List<TfTensor> gatherNd(NodeContext node) {
        Output params = node.input(0);
        Output indices = node.input(1);
        node.require(indices.rank() >= 1, "needs indices of rank 1 or more, not " + indices.shape());
        long depth = indices.shape().dim(indices.rank() - 1);
        node.require(depth > 0 && depth <= params.rank(), "needs indices of a known depth (last dim) of 1 to the "
                + "params' rank " + params.rank() + ", not " + indices.shape());
        return List.of(TfTensor.of(Indexing.gatherNd(params, indices)));
    }

    /** OneHot: constant depth; axis -1 (the new last axis) or an axis of the output. */
    public static List<TfTensor> oneHot(NodeContext node) {
        long[] depth = node.constantInput(1, "depth");
        int rank = node.inputShape(0).rank() + 1;
        long axis = node.attrs().integer("axis", -1);
        node.require(axis >= -1 && axis < rank, "has axis " + axis + "; -1 or 0.." + (rank - 1) + " are valid");
        return List.of(TfTensor.of(Indexing.oneHot(node.input(0), depth[0], node.input(2), node.input(3),
                (int) (axis < 0 ? rank - 1 : axis))));
    }

    /** TopKV2: the k largest along the last axis, values and int32 indices; k may be known only at run time. */
    public static List<TfTensor> topK(NodeContext node) {
        Output x = node.input(0);
        node.require(x.rank() >= 1, "needs an input of rank 1 or more");
        boolean sorted = node.attrs().bool("sorted", true);
        Output k = node.input(1);
        if (!k.isConstant()) {
            node.require(k.rank() == 0, "needs a scalar k, not one of shape " + k.shape());
            Node topK = Indexing.topK(x, k, sorted, ElementType.I32);
            return List.of(TfTensor.of(topK.output(0)), TfTensor.of(topK.output(1)));
        }
        long[] values = k.constant().longs();
        long last = x.shape().dim(x.rank() - 1);
        node.require(values.length == 1 && values[0] >= 0 && (last < 0 || values[0] <= last),
                "has k " + Arrays.toString(values) + " for a last axis of " + last);
        Node topK = Indexing.topK(x, values[0], sorted, ElementType.I32);
        return List.of(TfTensor.of(topK.output(0)), TfTensor.of(topK.output(1)));
    }

    /**
     * InTopKV2 (k: input 2) and InTopK (k: an attr): whether each row's target class is among its k largest
     * predictions, as TensorFlow decides it: fewer than k predictions are larger than the target's (ties count for
     * it); false for a target out of range or a row with a value that is not finite.
     */
    public static List<TfTensor> inTopK(NodeContext node) {
        Output targets = node.input(1);
        return List.of(TfTensor.of(inTopK(node, node.input(0), targets,
                Elementwise.convert(node.input(2), targets.type()))));
    }

    /** InTopK: InTopKV2 of the k its attr gives. */
    public static List<TfTensor> inTopKOfAttr(NodeContext node) {
        Output targets = node.input(1);
        return List.of(TfTensor.of(inTopK(node, node.input(0), targets,
                Constants.scalar(targets.type(), node.attrs().integer("k", 1)))));
    }

    private static Output inTopK(NodeContext node, Output predictions, Output targets, Output k) {
        node.require(predictions.rank() == 2 && targets.rank() == 1, "needs predictions [batch, classes] and targets "
                + "[batch], not " + predictions.shape() + " and " + targets.shape());
        Output classes = Movement.gather(Movement.shapeOf(predictions, targets.type()), Constants.i64Scalar(1), 0);
        Output inRange = Elementwise.binary("LogicalAnd",
                Elementwise.binary("GreaterEqual", targets, Constants.scalar(targets.type(), 0)),
                Elementwise.binary("Less", targets, classes));
        Output safeTargets = Elementwise.select(inRange, targets, Constants.scalar(targets.type(), 0));
        Output target = Movement.unsqueeze(Movement.gather(predictions, safeTargets, 1, 1), 1);
        Output larger = Reductions.reduce("ReduceSum", Elementwise.convert(Elementwise.binary("Greater", predictions,
                target), targets.type()), new long[] {1}, false);
        Output finite = Reductions.reduce("ReduceLogicalAnd", Elementwise.classify("IsFinite", predictions),
                new long[] {1}, false);
        return Elementwise.binary("LogicalAnd", Elementwise.binary("LogicalAnd", inRange, finite),
                Elementwise.binary("Less", larger, k));
    }

    /** ReverseV2 along the constant axes (input 1), several or negative. */
    public static List<TfTensor> reverse(NodeContext node) {
        return reverse(node, node.constantInput(1, "axis"));
    }

    /** Reverse (v1): a constant bool per axis (input 1), true where the axis is reversed. */
    public static List<TfTensor> reverseByMask(NodeContext node) {
        long[] dims = node.constantInput(1, "dims");
        int rank = node.inputShape(0).rank();
        node.require(dims.length == rank, "has " + dims.length + " dims for a rank-" + rank + " input");
        long[] axes = IntStream.range(0, rank).filter(i -> dims[i] != 0).asLongStream().toArray();
        return axes.length == 0 ? List.of(node.tensor(0)) : reverse(node, axes);
    }

    private static List<TfTensor> reverse(NodeContext node, long[] axes) {
        int rank = node.inputShape(0).rank();
        for (long axis : axes) {
            node.require(axis >= -rank && axis < rank, "has axis " + axis + " for a rank-" + rank + " input");
        }
        return List.of(TfTensor.of(Indexing.reverse(node.input(0), axes)));
    }

    /** Roll: shift and axis (scalars or 1-D of as many values), also computed. */
    public static List<TfTensor> roll(NodeContext node) {
        node.require(node.inputShape(1).rank() <= 1 && node.inputShape(1).equals(node.inputShape(2)),
                "needs shift and axis of the same shape, scalars or 1-D, not " + node.inputShape(1) + " and "
                        + node.inputShape(2));
        return List.of(TfTensor.of(Indexing.roll(node.input(0), node.input(1), node.input(2))));
    }

    /** ReverseSequence: the seq_lengths (input 1) first elements along seq_dim of each batch along batch_dim. */
    public static List<TfTensor> reverseSequence(NodeContext node) {
        int rank = node.inputShape(0).rank();
        long seq = node.attrs().integer("seq_dim", 0);
        long batch = node.attrs().integer("batch_dim", 0);
        node.require(seq >= 0 && seq < rank && batch >= 0 && batch < rank && seq != batch, "has seq_dim " + seq
                + " and batch_dim " + batch + " for a rank-" + rank + " input; two different axes are needed");
        return List.of(TfTensor.of(Indexing.reverseSequence(node.input(0), node.input(1), (int) batch, (int) seq)));
    }
}
