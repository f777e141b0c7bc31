package dev.tfir.convert.translate.op;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.ops.Scattering;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.OpTranslator;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;

/**
 * Ops that find or place elements by index: Where (one input: the coordinates of the true elements), ScatterNd and
 * the TensorScatter family, as ScatterNDUpdate-15 with the reduction TensorFlow applies to the addressed slices.
 */
public final class ScatterTranslators {
    private ScatterTranslators() {}

    /** Where: [count, rank] int64 coordinates of the non-zero (true) elements, in row-major order. */
    public static List<TfTensor> where(NodeContext node) {
        node.require(node.inputShape(0).hasRank() && node.inputShape(0).rank() >= 1,
                "needs an input of known rank 1 or more, not " + node.inputShape(0));
        return List.of(TfTensor.of(Scattering.nonZeroCoordinates(node.input(0))));
    }

    /**
     * ScatterNd (indices, updates, shape): zeros of the shape, the updates added at their indices (duplicates sum,
     * as in TensorFlow).
     */
    public static List<TfTensor> scatterNd(NodeContext node) {
        Output updates = node.input(1);
        Output shape = node.input(2);
        node.require(shape.rank() == 1 && Shapes.known(shape.shape().dim(0)), "needs a 1-D shape (input 2) of known "
                + "length, not " + shape.shape());
        long[] known = Constants.valuesOf(shape);
        PartialShape dims = known != null ? PartialShape.of(known) : Shapes.unknownOfRank((int) shape.shape().dim(0));
        Output zeros = Movement.broadcast(Constants.scalar(updates.type(), 0), shape, dims);
        return List.of(TfTensor.of(Scattering.scatterNd(zeros, node.input(0), updates, "sum")));
    }

    /** TensorScatterUpdate, -Add, -Sub, -Max, -Min (tensor, indices, updates): reduction none, sum, sub, max, min. */
    public static OpTranslator tensorScatter(String reduction) {
        return node -> List.of(TfTensor.of(Scattering.scatterNd(node.input(0), node.input(1), node.input(2),
                reduction)));
    }
}
