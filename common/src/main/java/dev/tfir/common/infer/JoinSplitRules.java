package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;
import static dev.tfir.common.types.PartialShape.UNKNOWN_DIM;

import dev.tfir.common.types.PartialShape;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.tensorflow.proto.DataType;

/**
 * Ops that join tensors (Pack, ConcatV2, Concat, Tile, DynamicStitch, ParallelDynamicStitch) or split them (Unpack,
 * Split, SplitV, DynamicPartition).
 */
final class JoinSplitRules {
    /** The most outputs a Split, SplitV or Unpack may have: far more than any model has. */
    static final int MAX_OUTPUTS = 1 << 20;

    private JoinSplitRules() {}

    /** The rule of this op type, or null when the op type is not of this family. */
    static ShapeRule forOp(String op) {
        return switch (op) {
            case "Pack" -> JoinSplitRules::pack;
            case "Unpack" -> JoinSplitRules::unpack;
            case "ConcatV2" -> c -> concat(c, 0, c.inputCount() - 1, c.inputCount() - 1);
            case "Concat" -> c -> concat(c, 1, c.inputCount(), 0);
            case "Tile" -> JoinSplitRules::tile;
            case "Split" -> JoinSplitRules::split;
            case "SplitV" -> JoinSplitRules::splitV;
            case "DynamicStitch", "ParallelDynamicStitch" -> JoinSplitRules::stitch;
            case "DynamicPartition" -> JoinSplitRules::partition;
            default -> null;
        };
    }

    /** num_partitions outputs of [unknown] + the data's shape after the partitions' rank. */
    private static List<TensorType> partition(NodeContext c) {
        long count = c.attrs().integer("num_partitions", 0);
        if (count < 1 || count > MAX_OUTPUTS) {
            throw new CannotInfer("num_partitions " + count + "; TensorFlow requires 1 or more");
        }
        PartialShape data = c.shape(0);
        PartialShape partitions = c.shape(1);
        PartialShape rows = data.hasRank() && partitions.hasRank()
                ? Shapes.concat(Shapes.vector(UNKNOWN_DIM), Shapes.subshape(data, partitions.rank()))
                : PartialShape.unknownRank();
        return Collections.nCopies((int) count, new TensorType(c.typeAttrOr("T", 0), rows));
    }

    /** [the largest index + 1 (unknown unless every indices is constant)] + the data's row shape. */
    private static List<TensorType> stitch(NodeContext c) {
        int count = c.inputCount() / 2;
        DataType dtype = c.typeAttrOr("T", count);
        long rows = 0;
        PartialShape row = PartialShape.unknownRank();
        for (int i = 0; i < count; i++) {
            long[] indices = c.ints(i);
            rows = indices == null || rows == UNKNOWN_DIM ? UNKNOWN_DIM
                    : Math.max(rows, LongStream.of(indices).max().orElse(-1) + 1);
            PartialShape index = c.shape(i);
            PartialShape data = c.shape(count + i);
            if (index.hasRank() && data.hasRank()) {
                row = Shapes.merge(row, Shapes.subshape(data, index.rank()));
            }
        }
        return one(dtype, Shapes.concat(Shapes.vector(rows), row));
    }

    /** The merged shape of the inputs with a dim of the input count inserted at axis. */
    private static List<TensorType> pack(NodeContext c) {
        PartialShape merged = c.shape(c.inputCount() - 1);
        for (int i = c.inputCount() - 2; i >= 0; i--) {
            merged = Shapes.merge(c.shape(i), merged);
        }
        DataType dtype = c.typeAttrOr("T", 0);
        if (!merged.hasRank()) {
            return one(dtype, merged);
        }
        int axis = Shapes.axis(c.attrs().integer("axis", 0), merged.rank() + 1);
        PartialShape front = Shapes.concat(Shapes.subshape(merged, 0, axis), Shapes.vector(c.inputCount()));
        return one(dtype, Shapes.concat(front, Shapes.subshape(merged, axis)));
    }

    /** {@code num} outputs, each the input without the dim at axis. */
    private static List<TensorType> unpack(NodeContext c) {
        PartialShape input = c.shape(0);
        int count = outputCount(c, "num", 0);
        PartialShape out = input;
        if (input.hasRank()) {
            int axis = Shapes.axis(c.attrs().integer("axis", 0), input.rank());
            if (Shapes.known(input.dim(axis)) && input.dim(axis) != count) {
                throw new CannotInfer("num " + count + " for axis " + axis + " of size " + input.dim(axis)
                        + "; TensorFlow requires num to be the size of the axis");
            }
            out = Shapes.concat(Shapes.subshape(input, 0, axis), Shapes.subshape(input, axis + 1));
        }
        return Collections.nCopies(count, new TensorType(c.typeAttrOr("T", 0), out));
    }

    /**
     * Inputs [from, to) joined along the axis held by input {@code axisInput}: the other dims merged, the axis dims
     * added (ConcatShapeHelper). An unknown axis keeps only the rank.
     */
    private static List<TensorType> concat(NodeContext c, int from, int to, int axisInput) {
        Shapes.withRank(c.shape(axisInput), 0);
        DataType dtype = c.typeAttrOr("T", from);
        Long axis = c.intScalar(axisInput);
        if (axis == null) {
            int rank = IntStream.range(from, to).map(i -> c.shape(i).rank()).filter(r -> r >= 0).findFirst()
                    .orElse(-1);
            return one(dtype, rank < 0 ? PartialShape.unknownRank() : Shapes.unknownOfRank(rank));
        }
        long minRank = axis < 0 ? -axis : axis + 1;
        PartialShape before = null;
        PartialShape after = null;
        long middle = 0;
        for (int i = to - 1; i >= from; i--) {
            PartialShape input = Shapes.withRankAtLeast(c.shape(i), (int) minRank);
            PartialShape inputBefore = Shapes.subshape(input, 0, axis);
            PartialShape inputAfter = axis == -1 ? Shapes.scalar() : Shapes.subshape(input, axis + 1);
            long dim = input.hasRank() ? input.dim(Shapes.axis(axis, input.rank())) : UNKNOWN_DIM;
            before = before == null ? inputBefore : Shapes.merge(before, inputBefore);
            after = after == null ? inputAfter : Shapes.merge(after, inputAfter);
            middle = i == to - 1 ? dim : Shapes.add(middle, dim);
        }
        return one(dtype, Shapes.concat(Shapes.concat(before, Shapes.vector(middle)), after));
    }

    /** Each dim multiplied by the multiple in input 1 (read as a partial shape). */
    private static List<TensorType> tile(NodeContext c) {
        PartialShape input = c.shape(0);
        PartialShape multiples = c.shapeTensor(1);
        DataType dtype = c.typeAttrOr("T", 0);
        if (input.hasRank()) {
            multiples = Shapes.withRank(multiples, input.rank());
        }
        if (!multiples.hasRank()) {
            return one(dtype, multiples);
        }
        input = Shapes.withRank(input, multiples.rank());
        long[] dims = new long[input.rank()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = Shapes.multiply(input.dim(i), multiples.dim(i));
        }
        return one(dtype, PartialShape.of(dims));
    }

    /** Split: num_split equal outputs along the axis in input 0. */
    private static List<TensorType> split(NodeContext c) {
        PartialShape input = c.shape(1);
        int count = splitCount(c);
        Long axis = c.intScalar(0);
        PartialShape out;
        if (!input.hasRank()) {
            out = input;
        } else if (axis == null) {
            out = Shapes.unknownOfRank(input.rank());
        } else {
            int at = Shapes.axis(axis, input.rank());
            long dim = input.dim(at);
            if (Shapes.known(dim) && dim % count != 0) {
                throw new CannotInfer("num_split " + count + " for axis " + at + " of size " + dim
                        + "; TensorFlow requires num_split to divide the size");
            }
            out = Shapes.replaceDim(input, at, Shapes.known(dim) ? dim / count : UNKNOWN_DIM);
        }
        return Collections.nCopies(count, new TensorType(c.typeAttrOr("T", 1), out));
    }

    /** The num_split attribute of Split and SplitV, which TensorFlow requires to be at least 1. */
    private static int splitCount(NodeContext c) {
        return outputCount(c, "num_split", 1);
    }

    /**
     * An attribute that says how many outputs the node has: at least {@code min} (TensorFlow's minimum), and at most
     * {@link #MAX_OUTPUTS}, so that a hostile count does not allocate billions of outputs before anything else.
     */
    private static int outputCount(NodeContext c, String attribute, int min) {
        if (!c.node().containsAttr(attribute)) {
            throw new CannotInfer("attribute '" + attribute + "' is missing; TensorFlow requires it");
        }
        long count = c.attrs().integer(attribute, min);
        if (count < min) {
            throw new CannotInfer(attribute + " " + count + "; TensorFlow requires " + attribute + " >= " + min);
        }
        if (count > MAX_OUTPUTS) {
            throw new CannotInfer(attribute + " " + count + ": more outputs than tfir takes for one node ("
                    + MAX_OUTPUTS + ")");
        }
        return (int) count;
    }

    /** SplitV: outputs of the sizes in input 1 (one of them may be -1, the rest) along the axis in input 2. */
    private static List<TensorType> splitV(NodeContext c) {
        PartialShape input = c.shape(0);
        int count = splitCount(c);
        DataType dtype = c.typeAttrOr("T", 0);
        Long axis = c.intScalar(2);
        if (!input.hasRank() || axis == null) {
            PartialShape out = input.hasRank() ? Shapes.unknownOfRank(input.rank()) : input;
            return Collections.nCopies(count, new TensorType(dtype, out));
        }
        int at = Shapes.axis(axis, input.rank());
        long[] sizes = c.ints(1);
        if (sizes == null) {
            return Collections.nCopies(count, new TensorType(dtype, Shapes.replaceDim(input, at, UNKNOWN_DIM)));
        }
        String given = "size_splits " + Arrays.toString(sizes);
        if (sizes.length != count) {
            throw new CannotInfer(given + " for num_split " + count + "; TensorFlow requires one size per output");
        }
        int rest = -1;
        long total = 0;
        for (int i = 0; i < count; i++) {
            if (sizes[i] == -1 && rest < 0) {
                rest = i;
            } else if (sizes[i] < 0) {
                throw new CannotInfer(given + "; TensorFlow requires sizes >= 0 and at most one -1");
            } else {
                total = Math.addExact(total, sizes[i]);
            }
        }
        long dim = input.dim(at);
        if (Shapes.known(dim) && (rest < 0 ? total != dim : total > dim)) {
            throw new CannotInfer(given + " for axis " + at + " of size " + dim + "; TensorFlow requires the sizes "
                    + "to add up to the size");
        }
        long[] resolved = sizes.clone();
        if (rest >= 0) {
            resolved[rest] = Shapes.known(dim) ? dim - total : UNKNOWN_DIM;
        }
        return IntStream.range(0, count)
                .mapToObj(i -> new TensorType(dtype, Shapes.replaceDim(input, at, resolved[i]))).toList();
    }
}
