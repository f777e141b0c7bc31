package dev.tfir.convert.translate.op;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Detection;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Indexing;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.ops.Reductions;
import dev.tfir.convert.ops.SegmentReduction;
import dev.tfir.convert.ops.Scattering;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Ops on sparse tensors, each given as its indices (nnz, rank), values (nnz) and dense shape (rank), as
 * {@code tf.sparse} passes them: SparseTensorDenseMatMul (graph convolutions), SparseTensorDenseAdd, and
 * SparseReshape and SparseFillEmptyRows, which {@code tf.nn.safe_embedding_lookup_sparse} (embedding columns) runs
 * before its SparseSegment reduction.
 */
public final class SparseTranslators {
    private SparseTranslators() {}

    /**
     * SparseTensorDenseMatMul: A (sparse, 2-D) times B (dense, 2-D), each adjoint (transposed) where its attr says;
     * every value of A times its row of B, summed into the rows of A's output (repeated indices add up).
     */
    public static List<TfTensor> denseMatMul(NodeContext node) {
        Output indices = Elementwise.convert(node.input(0), ElementType.I64);
        Output values = node.input(1);
        Output shape = Elementwise.convert(node.input(2), ElementType.I64);
        Output b = node.input(3);
        node.require(indices.rank() == 2 && values.rank() == 1 && b.rank() == 2, "needs a 2-D sparse A and a 2-D "
                + "B, not indices " + indices.shape() + ", values " + values.shape() + " and B " + b.shape());
        boolean adjointA = node.attrs().bool("adjoint_a", false);
        if (node.attrs().bool("adjoint_b", false)) {
            b = Movement.transpose(b, 1, 0);
        }
        Output rows = Detection.column(indices, adjointA ? 1 : 0);
        Output products = Elementwise.multiply(Movement.gather(b, Detection.column(indices, adjointA ? 0 : 1), 0),
                Movement.unsqueeze(values, 1));
        Output outputShape = Movement.concat(List.of(Movement.gather(shape, Constants.i64(adjointA ? 1 : 0), 0),
                Movement.gather(Movement.shapeOf(b, ElementType.I64), Constants.i64(1), 0)), 0);
        Output zeros = Movement.broadcast(Constants.scalar(b.type(), 0), outputShape,
                PartialShape.of(PartialShape.UNKNOWN_DIM, b.shape().dim(1)));
        return List.of(TfTensor.of(Scattering.scatterNd(zeros, Movement.unsqueeze(rows, 1), products, "sum")));
    }

    /** SparseTensorDenseAdd: B with each value of A added at its index (repeated indices add up). */
    public static List<TfTensor> denseAdd(NodeContext node) {
        Output indices = node.input(0);
        node.require(indices.rank() == 2, "needs indices (nnz, rank), not " + indices.shape());
        return List.of(TfTensor.of(Scattering.scatterNd(node.input(3), Elementwise.convert(indices, ElementType.I64),
                node.input(1), "sum")));
    }

    /**
     * SparseReshape: the indices of the same elements in the new shape (its one -1 inferred from the element
     * count), through each element's row-major offset; the shapes' lengths must be static.
     */
    public static List<TfTensor> reshape(NodeContext node) {
        Output indices = Elementwise.convert(node.input(0), ElementType.I64);
        Output inputShape = Elementwise.convert(node.input(1), ElementType.I64);
        Output newShape = Elementwise.convert(node.input(2), ElementType.I64);
        long rank = inputShape.shape().dim(0);
        long newRank = newShape.shape().dim(0);
        node.require(indices.rank() == 2 && rank >= 0 && newRank >= 0, "needs indices (nnz, rank) and shapes of "
                + "static lengths, not " + indices.shape() + ", " + inputShape.shape() + " and " + newShape.shape());
        Output unknown = Elementwise.binary("Equal", newShape, Constants.i64Scalar(-1));
        Output known = Reductions.reduce("ReduceProd", Elementwise.select(unknown, Constants.i64Scalar(1), newShape),
                new long[] {0}, false);
        Output count = Reductions.reduce("ReduceProd", inputShape, new long[] {0}, false);
        Output inferred = Elementwise.binary("Divide", count, Elementwise.binary("Maximum", known,
                Constants.i64Scalar(1)));
        Output outputShape = Elementwise.select(unknown, inferred, newShape);
        Output offsets = Reductions.reduce("ReduceSum", Elementwise.multiply(indices,
                Movement.unsqueeze(strides(inputShape, rank), 0)), new long[] {1}, true);
        Output outputIndices = Elementwise.binary("FloorMod", Elementwise.binary("Divide", offsets,
                Movement.unsqueeze(strides(outputShape, newRank), 0)), Movement.unsqueeze(outputShape, 0));
        return List.of(TfTensor.of(outputIndices), TfTensor.of(outputShape));
    }

    /** The row-major strides of a shape (a 1-D i64 tensor of {@code rank} elements): the products of later dims. */
    private static Output strides(Output shape, long rank) {
        List<Output> strides = new ArrayList<>();
        Output stride = Constants.i64(1);
        for (long axis = rank - 1; axis >= 0; axis--) {
            strides.add(0, stride);
            stride = Elementwise.multiply(stride, Movement.gather(shape, Constants.i64(axis), 0));
        }
        return rank == 0 ? Constants.i64(new long[0]) : Movement.concat(strides, 0);
    }

    /**
     * SparseFillEmptyRows of a 2-D sparse tensor: each row without a value gets one, default_value at column 0.
     * As TensorFlow orders them: the rows in order, each row's entries in their input order; empty_row_indicator and
     * reverse_index_map (each input entry's place in the output). An entry's place is its row's offset (the rows
     * before it, an empty one counted once) plus the entries of its row before it, found by a sort of the entries by
     * (row, input position).
     */
    public static List<TfTensor> fillEmptyRows(NodeContext node) {
        Output indices = Elementwise.convert(node.input(0), ElementType.I64);
        Output values = node.input(1);
        node.require(indices.rank() == 2 && values.rank() == 1, "needs indices (n, 2) and values (n), not "
                + indices.shape() + " and " + values.shape());
        Output denseRows = Movement.gather(Elementwise.convert(node.input(2), ElementType.I64), Constants.i64(0), 0);
        Output row = Detection.column(indices, 0);
        Output entryCount = Movement.gather(Movement.shapeOf(row, ElementType.I64), Constants.i64Scalar(0), 0);
        Output counts = SegmentReduction.scatter(Movement.broadcast(Constants.i64Scalar(0), denseRows,
                PartialShape.of(PartialShape.UNKNOWN_DIM)), row, Movement.broadcast(Constants.i64Scalar(1),
                Movement.reshape(entryCount, 1), row.shape()), 0, "sum");
        Output empty = Elementwise.binary("Equal", counts, Constants.i64Scalar(0));
        Output slots = Elementwise.binary("Maximum", counts, Constants.i64Scalar(1));
        Output rowOffset = Reductions.cumulativeSum(slots, 0, true, false);
        Output rowStart = Reductions.cumulativeSum(counts, 0, true, false);
        Output position = Movement.indices(entryCount);
        Output key = Elementwise.add(Elementwise.multiply(row, entryCount), position);
        Output sorted = Indexing.topK(Elementwise.unary("Negative", "opset1", key), entryCount, true,
                ElementType.I64).output(1);
        Output rank = SegmentReduction.scatter(Elementwise.multiply(position, Constants.i64Scalar(0)), sorted,
                position, 0, "sum");
        Output place = Elementwise.add(Movement.gather(rowOffset, row, 0), Elementwise.binary("Subtract", rank,
                Movement.gather(rowStart, row, 0)));
        Output total = Reductions.reduce("ReduceSum", slots, new long[] {0}, true);
        Output filledRows = Movement.indices(Movement.reshape(denseRows, new long[0]));
        Output emptyEntries = Movement.concat(List.of(Movement.unsqueeze(filledRows, 1),
                Movement.unsqueeze(Elementwise.multiply(filledRows, Constants.i64Scalar(0)), 1)), 1);
        Output base = Scattering.scatterNd(Movement.broadcast(Constants.i64Scalar(0), Movement.concat(List.of(total,
                Constants.i64(2)), 0), PartialShape.of(PartialShape.UNKNOWN_DIM, 2)), Movement.unsqueeze(rowOffset, 1),
                emptyEntries, "none");
        Output places = Movement.unsqueeze(place, 1);
        Output outputIndices = Scattering.scatterNd(base, places, indices, "none");
        Output outputValues = Scattering.scatterNd(Movement.broadcast(node.input(3), total,
                PartialShape.of(PartialShape.UNKNOWN_DIM)), places, values, "none");
        return List.of(TfTensor.of(outputIndices), TfTensor.of(outputValues), TfTensor.of(empty),
                TfTensor.of(place));
    }
}
