package dev.tfir.convert.translate.op;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.ops.Reductions;
import dev.tfir.convert.ops.Scattering;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.OpTranslator;
import dev.tfir.convert.translate.TfTensor;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

/**
 * Ops that find or place elements by index: Where (one input: the coordinates of the true elements), ScatterNd and
 * the TensorScatter family, as ScatterNDUpdate-15 with the reduction TensorFlow applies to the addressed slices;
 * Unique; InvertPermutation; SparseToDense; UnravelIndex.
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

    /** Unique of a 1-D input: the unique elements in order of first occurrence, and each element's index in them. */
    public static List<TfTensor> unique(NodeContext node) {
        Node unique = uniqueNode(node);
        return List.of(TfTensor.of(unique.output(0)), TfTensor.of(unique.output(2)));
    }

    /** UniqueWithCounts: Unique's outputs and each unique element's count. */
    public static List<TfTensor> uniqueWithCounts(NodeContext node) {
        Node unique = uniqueNode(node);
        return List.of(TfTensor.of(unique.output(0)), TfTensor.of(unique.output(2)), TfTensor.of(unique.output(3)));
    }

    private static Node uniqueNode(NodeContext node) {
        node.require(node.inputShape(0).rank() == 1, "needs a 1-D input, not " + node.inputShape(0));
        ElementType indexType = node.type("out_idx");
        indexType = indexType == null ? ElementType.I32 : indexType;
        return Scattering.unique(node.input(0), indexType, indexType);
    }

    /**
     * ListDiff (setdiff1d) of 1-D x and y: the elements of x that y does not hold, in x's order, and their positions
     * in x (of type {@code out_idx}): x compared with every element of y, the positions of no match gathered.
     */
    public static List<TfTensor> listDiff(NodeContext node) {
        Output x = node.input(0);
        Output y = node.input(1);
        node.require(x.rank() == 1 && y.rank() == 1, "needs 1-D x and y, not " + x.shape() + " and " + y.shape());
        Output matches = Elementwise.binary("Equal", Movement.unsqueeze(x, 1), Movement.unsqueeze(y, 0));
        Output found = Reductions.reduce("ReduceLogicalOr", matches, new long[] {1}, false);
        Output kept = Movement.squeeze(Scattering.nonZeroCoordinates(Elementwise.unary("LogicalNot", "opset1", found)),
                1);
        ElementType indexType = node.type("out_idx");
        return List.of(TfTensor.of(Movement.gather(x, kept, 0)),
                TfTensor.of(Elementwise.convert(kept, indexType == null ? ElementType.I32 : indexType)));
    }

    /** InvertPermutation of a 1-D input of known length n: y[x[i]] = i, scattered into n zeros. */
    public static List<TfTensor> invertPermutation(NodeContext node) {
        Output x = node.input(0);
        node.require(x.shape().rank() == 1 && Shapes.known(x.shape().dim(0)), "needs a 1-D input of known length, not "
                + x.shape());
        long[] positions = LongStream.range(0, x.shape().dim(0)).toArray();
        Output zeros = Constants.of(ConstTensor.ofLongs(x.type(), x.shape().dims(), new long[positions.length]));
        return List.of(TfTensor.of(Scattering.scatterNd(zeros, Movement.unsqueeze(x, 1),
                Constants.of(ConstTensor.vector(x.type(), positions)), "none")));
    }

    /**
     * SparseToDense (sparse_indices, output_shape, sparse_values, default_value): the default broadcast to the shape,
     * the values (one each, or a scalar for all) at the indices ([N, rank], or [N] or a scalar into a vector).
     */
    public static List<TfTensor> sparseToDense(NodeContext node) {
        Output indices = node.input(0);
        Output shape = node.input(1);
        Output values = node.input(2);
        node.require(indices.rank() <= 2 && shape.rank() == 1 && Shapes.known(shape.shape().dim(0))
                && values.rank() <= 1, "needs indices of rank 0 to 2, a 1-D output_shape of known length and "
                + "values of rank 0 or 1, not " + indices.shape() + ", " + shape.shape() + ", " + values.shape());
        Output rows = indices.rank() == 2 ? indices : Movement.reshape(indices, -1, 1);
        Output dense = Movement.broadcast(node.input(3), shape, PartialShape.of(Arrays.stream(
                Constants.knownElements(shape)).map(d -> d >= 0 ? d : PartialShape.UNKNOWN_DIM).toArray()));
        if (values.rank() == 0) {
            long count = rows.shape().dim(0);
            values = Movement.broadcast(values, Movement.gather(Movement.shapeOf(rows, ElementType.I64),
                    Constants.i64(0), 0), PartialShape.of(count));
        }
        return List.of(TfTensor.of(Scattering.scatterNd(dense, rows, values, "none")));
    }

    /** UnravelIndex (indices, 0-D or 1-D; constant dims): [rank of dims] + the indices' shape, the coordinates. */
    public static List<TfTensor> unravelIndex(NodeContext node) {
        long[] dims = node.constantInput(1, "dims");
        Output indices = node.input(0);
        node.require(indices.rank() <= 1, "needs indices of rank 0 or 1, not " + indices.shape());
        long[] strides = new long[dims.length];
        for (int i = dims.length - 1, stride = 1; i >= 0; stride *= (int) dims[i], i--) {
            node.require(dims[i] > 0, "has dims " + Arrays.toString(dims) + "; TensorFlow requires positive dims");
            strides[i] = stride;
        }
        long[] column = new long[indices.rank() + 1];
        Arrays.fill(column, 1);
        column[0] = dims.length;
        Output quotients = Elementwise.binary("Divide", Movement.unsqueeze(indices, 0),
                Constants.of(ConstTensor.ofLongs(indices.type(), column, strides)));
        return List.of(TfTensor.of(Elementwise.binary("FloorMod", quotients,
                Constants.of(ConstTensor.ofLongs(indices.type(), column, dims)))));
    }
}
