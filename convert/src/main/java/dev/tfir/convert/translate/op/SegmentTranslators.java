package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Arithmetic;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Detection;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.ops.Reductions;
import dev.tfir.convert.ops.SegmentReduction;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.OpTranslator;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;

/**
 * Segment reductions as ScatterElementsUpdate with a reduction, data taken as (rows, rest) with the ids flattened
 * (the rest of data's shape must be static). UnsortedSegmentSum, Prod, Max, Min: num_segments (a constant)
 * segments starting from the reduction's identity (0, 1, the lowest, the highest value: TensorFlow's output for an
 * empty segment); a negative id drops its row, as in TensorFlow (the row becomes the identity, added to segment 0).
 * SegmentSum, Prod, Max, Min, Mean (sorted ids): as many segments as the largest id + 1 (a dynamic dim), an empty
 * segment 0 (1 for Prod), as TensorFlow. SparseSegmentSum, Mean, SqrtN (the embedding bags of
 * {@code tf.nn.embedding_lookup_sparse} and feature columns): the same of data's rows gathered by indices, with or
 * without num_segments.
 */
public final class SegmentTranslators {
    private SegmentTranslators() {}

    /** The unsorted segment reduction {@code reduction} (sum, prod, max, min). */
    public static OpTranslator unsorted(String reduction) {
        return node -> {
            Rows rows = Rows.of(node, node.input(0), node.input(1));
            long[] segments = node.constantInput(2, "num_segments");
            node.require(segments.length == 1, "needs one num_segments, not " + segments.length);
            Output identity = identity(rows.data.type(), reduction);
            Output dropped = Elementwise.binary("Less", rows.ids, Constants.scalar(rows.ids.type(), 0));
            Output reduced = SegmentReduction.scatter(Detection.broadcast(identity, Constants.i64(segments[0],
                    rows.size)), rows.spread(Elementwise.select(dropped, Constants.scalar(rows.ids.type(), 0),
                    rows.ids)), Elementwise.select(dropped, identity, rows.data), 0, reduction);
            return List.of(TfTensor.of(Movement.reshape(reduced, rows.shape(Constants.i64(segments[0])), false)));
        };
    }

    /**
     * Bincount and DenseBincount ({@code tf.math.bincount}): for each value v in [0, size) of arr, the sum of the
     * weights at its places, or their count where the weights are empty; values out of that range are dropped, as
     * in TensorFlow. A segment sum of size segments; DenseBincount counts each row of a 2-D arr apart (size segments
     * a row), and its binary_output gives 1 where a value occurs at all, whatever the weights.
     */
    public static OpTranslator bincount(boolean dense) {
        return node -> bincount(node, dense);
    }

    private static List<TfTensor> bincount(NodeContext node, boolean dense) {
        Output arr = node.input(0);
        Output weights = node.input(2);
        ElementType type = node.type("T");
        node.require(type != null, "has no T attribute");
        node.require(!dense || arr.rank() == 1 || arr.rank() == 2, "needs an input of rank 1 or 2, not "
                + arr.shape());
        boolean weighted = weights.shape().elementCount() != 0;
        node.require(!weighted || weights.rank() == arr.rank(), "needs weights of arr's shape, or empty weights, "
                + "not " + weights.shape());
        boolean binary = dense && node.attrs().bool("binary_output", false);
        Output size = Elementwise.convert(Movement.reshape(node.input(1), 1), ElementType.I64);
        Output arrI64 = Elementwise.convert(arr, ElementType.I64);
        Output values = dense ? arrI64 : Movement.reshape(arrI64, -1);
        Output rows = Constants.i64(1);
        if (values.rank() == 2) {
            rows = Movement.gather(Movement.shapeOf(values, ElementType.I64), Constants.i64(0), 0);
            Output rowIndex = Movement.unsqueeze(Movement.indices(Movement.reshape(rows, new long[0])), 1);
            values = Elementwise.binary("Add", values, Elementwise.binary("Multiply", rowIndex, size));
        }
        Output zero = Constants.scalar(type, 0);
        Output counted = weighted && !binary ? Elementwise.convert(weights, type)
                : Detection.broadcast(Constants.scalar(type, 1), Movement.shapeOf(arr, ElementType.I64));
        Output kept = Elementwise.binary("LogicalAnd", Elementwise.binary("GreaterEqual", arrI64,
                Constants.i64Scalar(0)), Elementwise.binary("Less", arrI64, size));
        Output flatKept = Movement.reshape(kept, -1);
        Output ids = Elementwise.select(flatKept, Movement.reshape(values, -1), Constants.i64Scalar(0));
        Output updates = Elementwise.select(flatKept, Movement.reshape(counted, -1), zero);
        Output bins = Elementwise.binary("Multiply", rows, size);
        Output counts = SegmentReduction.scatter(Detection.broadcast(zero, bins), ids, updates, 0, "sum");
        if (binary) {
            counts = Elementwise.select(Elementwise.binary("Greater", counts, zero), Constants.scalar(type, 1), zero);
        }
        return List.of(TfTensor.of(values.rank() == 2 ? Movement.reshape(counts, Movement.concat(List.of(rows, size),
                0), false) : counts));
    }

    /** The sorted segment reduction {@code reduction} (sum, prod, max, min, mean). */
    public static OpTranslator sorted(String reduction) {
        return node -> {
            node.require(node.inputShape(1).rank() == 1, "needs segment ids of rank 1, not " + node.inputShape(1));
            return List.of(TfTensor.of(sortedReduction(node, Rows.of(node, node.input(0), node.input(1)), null,
                    reduction)));
        };
    }

    /**
     * SparseSegmentSum, Mean, SqrtN (reduction sum, mean, sqrtn) of data's rows picked by indices, the sorted
     * segment ids naming each picked row's segment; {@code numSegments}: the WithNumSegments form, whose fourth
     * input is the number of segments (empty ones at the end are 0), else the largest id + 1.
     */
    public static OpTranslator sparse(String reduction, boolean numSegments) {
        return node -> {
            node.require(node.inputShape(1).rank() == 1 && node.inputShape(2).rank() == 1,
                    "needs indices and segment ids of rank 1, not " + node.inputShape(1) + " and "
                    + node.inputShape(2));
            Output picked = Movement.gather(node.input(0), node.input(1), 0);
            Output count = numSegments ? Movement.reshape(Elementwise.convert(node.input(3), ElementType.I64), 1)
                    : null;
            return List.of(TfTensor.of(sortedReduction(node, Rows.of(node, picked, node.input(2)), count,
                    reduction)));
        };
    }

    /**
     * The rows reduced into {@code count} segments (a 1-D i64 tensor of one value; null: the largest id + 1) by
     * reduction sum, prod, max, min, mean or sqrtn (the sum divided by the square root of the segment's size); an
     * empty segment is 0 (1 for prod), as in TensorFlow.
     */
    private static Output sortedReduction(NodeContext node, Rows rows, Output count, String reduction) {
        boolean divided = reduction.equals("mean") || reduction.equals("sqrtn");
        node.require(!reduction.equals("sqrtn") || rows.data.type().isFloating(),
                "needs floating-point data, not " + rows.data.type().irName());
        if (count == null) {
            count = Movement.reshape(Elementwise.convert(Elementwise.add(Reductions.reduce("ReduceMax", rows.ids,
                    new long[] {0, 1}, false), Constants.scalar(rows.ids.type(), 1)), ElementType.I64), 1);
        }
        Output shape = Movement.concat(List.of(count, Constants.i64(rows.size)), 0);
        Output indices = rows.spread(rows.ids);
        String combine = divided ? "sum" : reduction;
        Output reduced = SegmentReduction.scatter(Detection.broadcast(identity(rows.data.type(), combine), shape),
                indices, rows.data, 0, combine);
        Output zero = Constants.scalar(rows.data.type(), 0);
        Output one = Constants.scalar(rows.data.type(), 1);
        Output members = SegmentReduction.scatter(Detection.broadcast(zero, shape), indices,
                Detection.broadcast(one, Movement.shapeOf(rows.data, ElementType.I64)), 0, "sum");
        if (divided) {
            Output divisor = Elementwise.binary("Maximum", members, one);
            if (reduction.equals("sqrtn")) {
                divisor = Elementwise.unary("Sqrt", "opset1", divisor);
            }
            reduced = rows.data.type().isFloating() ? Elementwise.binary("Divide", reduced, divisor)
                    : Arithmetic.truncatingDivide(reduced, divisor);
        } else if (!reduction.equals("prod")) {
            reduced = Elementwise.select(Elementwise.binary("Equal", members, zero), zero, reduced);
        }
        return Movement.reshape(reduced, rows.shape(count), false);
    }

    /** Data as (rows, size), the ids as (rows, 1), the dims of data after the ids'. */
    private record Rows(Output data, Output ids, long size, long[] rest) {
        static Rows of(NodeContext node, Output data, Output ids) {
            node.require(List.of(ElementType.F32, ElementType.I32, ElementType.I64).contains(data.type()),
                    "needs f32, i32 or i64 data, not " + data.type().irName());
            node.require(ids.rank() >= 1 && data.rank() >= ids.rank(),
                    "needs segment ids of rank 1 or more, data's leading dims");
            long[] rest = new long[data.rank() - ids.rank()];
            long size = 1;
            for (int i = 0; i < rest.length; i++) {
                rest[i] = data.shape().dim(ids.rank() + i);
                node.require(rest[i] >= 0, "needs static dims of data after the segment ids', not " + data.shape());
                size *= rest[i];
            }
            return new Rows(Movement.reshape(data, -1, size), Movement.reshape(ids, -1, 1), size, rest);
        }

        /** The shape of the result: {@code segments} (a 1-D i64 tensor of one value), then the rest. */
        Output shape(Output segments) {
            return rest.length == 0 ? segments : Movement.concat(List.of(segments, Constants.i64(rest)), 0);
        }

        /** Row indices repeated over the size of a row, as ScatterElementsUpdate takes them. */
        Output spread(Output rowIndices) {
            return Elementwise.add(rowIndices, Constants.of(ConstTensor.ofLongs(rowIndices.type(), new long[] {size},
                    new long[(int) size])));
        }
    }

    /** The value a reduction starts from: 0, 1, or the type's lowest or highest value. */
    private static Output identity(ElementType type, String reduction) {
        boolean floating = type.isFloating();
        double lowest = floating ? -Float.MAX_VALUE : type == ElementType.I64 ? Long.MIN_VALUE : Integer.MIN_VALUE;
        double highest = floating ? Float.MAX_VALUE : type == ElementType.I64 ? Long.MAX_VALUE : Integer.MAX_VALUE;
        double value = switch (reduction) {
            case "prod" -> 1;
            case "max" -> lowest;
            case "min" -> highest;
            default -> 0;
        };
        return Constants.scalar(type, value);
    }
}
