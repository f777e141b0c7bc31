package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;

import dev.tfir.common.types.PartialShape;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.proto.DataType;

/** Ops that take or rearrange parts of a tensor: StridedSlice, Slice, Pad, Transpose, Gather. */
final class SliceRules {
    private SliceRules() {}

    /** The rule of this op type, or null when the op type is not of this family. */
    static ShapeRule forOp(String op) {
        return switch (op) {
            case "StridedSlice" -> SliceRules::stridedSlice;
            case "Slice" -> SliceRules::slice;
            case "Pad", "PadV2", "MirrorPad" -> SliceRules::pad;
            case "Transpose", "ConjugateTranspose" -> SliceRules::transpose;
            case "GatherV2" -> SliceRules::gatherV2;
            case "Gather" -> SliceRules::gather;
            default -> null;
        };
    }

    /** Needs the input's rank and the strides' values; unknown begin or end values leave their dims unknown. */
    private static List<TensorType> stridedSlice(NodeContext c) {
        PartialShape input = c.shape(0);
        PartialShape sparse = Shapes.merge(Shapes.merge(Shapes.withRank(c.shape(1), 1), Shapes.withRank(c.shape(2),
                1)), Shapes.withRank(c.shape(3), 1));
        long[] strides = c.ints(3);
        DataType dtype = c.typeAttrOr("T", 0);
        if (!input.hasRank() || !Shapes.known(sparse.dim(0)) || strides == null) {
            return one(dtype, PartialShape.unknownRank());
        }
        StridedSliceSpec spec = StridedSliceSpec.of(input.dims(), c.ints(1), c.ints(2), strides,
                StridedSliceSpec.Masks.of(c.attrs()));
        return one(dtype, PartialShape.of(spec.shape()));
    }

    /**
     * Slice: the sizes in input 2, where -1 takes the rest of the dim after begin; unknown sizes read as a partial
     * shape.
     */
    private static List<TensorType> slice(NodeContext c) {
        PartialShape input = c.shape(0);
        PartialShape count = Shapes.merge(Shapes.withRank(c.shape(1), 1), Shapes.withRank(c.shape(2), 1));
        if (Shapes.known(count.dim(0))) {
            input = Shapes.withRank(input, (int) count.dim(0));
        }
        PartialShape begin = c.shapeTensor(1);
        long[] sizes = c.ints(2);
        DataType dtype = c.typeAttrOr("T", 0);
        if (sizes != null) {
            begin = Shapes.withRank(begin, sizes.length);
            long[] dims = new long[sizes.length];
            for (int i = 0; i < dims.length; i++) {
                long inputDim = input.hasRank() ? input.dim(i) : PartialShape.UNKNOWN_DIM;
                dims[i] = sizes[i] == -1 ? Shapes.subtract(inputDim, begin.dim(i)) : sizes[i];
            }
            return one(dtype, PartialShape.of(dims));
        }
        PartialShape sizeShape = c.shapeTensor(2);
        if (sizeShape.hasRank()) {
            Shapes.withRank(begin, sizeShape.rank());
            return one(dtype, sizeShape);
        }
        return one(dtype, input.hasRank() ? Shapes.unknownOfRank(input.rank()) : PartialShape.unknownRank());
    }

    /**
     * Each dim grows by its two paddings from input 1 (a [rank, 2] matrix of values >= 0; for MirrorPad each less
     * than the dim in REFLECT mode, at most the dim in SYMMETRIC mode, as its kernel requires).
     */
    private static List<TensorType> pad(NodeContext c) {
        PartialShape input = c.shape(0);
        PartialShape paddingsShape = c.shape(1);
        if (paddingsShape.hasRank() && (paddingsShape.rank() != 2 || !fits(paddingsShape.dim(1), 2)
                || input.hasRank() && !fits(paddingsShape.dim(0), input.rank()))) {
            throw new CannotInfer("paddings of shape " + paddingsShape + " for an input of shape " + input
                    + "; TensorFlow requires shape [rank, 2]");
        }
        long rank = paddingsShape.hasRank() && Shapes.known(paddingsShape.dim(0)) ? paddingsShape.dim(0)
                : input.rank();
        long[] paddings = c.ints(1);
        DataType dtype = c.typeAttrOr("T", 0);
        if (paddings == null) {
            return one(dtype, rank >= 0 ? Shapes.unknownOfRank((int) rank) : PartialShape.unknownRank());
        }
        input = Shapes.withRank(input, paddings.length / 2);
        String mode = c.op().equals("MirrorPad") ? c.attrs().string("mode", "") : "";
        long[] dims = new long[input.rank()];
        for (int i = 0; i < dims.length; i++) {
            long before = paddings[2 * i];
            long after = paddings[2 * i + 1];
            if (before < 0 || after < 0) {
                throw new CannotInfer("paddings " + Arrays.toString(paddings) + " (before, after for each dim) have a "
                        + "negative value; TensorFlow requires paddings >= 0");
            }
            long dim = input.dim(i);
            long limit = mode.equals("REFLECT") ? dim - 1 : dim;
            if (!mode.isEmpty() && Shapes.known(dim) && Math.max(before, after) > limit) {
                throw new CannotInfer("paddings " + before + ", " + after + " of dim " + i + " of size " + dim
                        + "; TensorFlow's MirrorPad " + mode + " requires them to be at most " + limit);
            }
            dims[i] = Shapes.add(dim, Math.addExact(before, after));
        }
        return one(dtype, PartialShape.of(dims));
    }

    /** Whether a dim that may be unknown can be the expected size. */
    private static boolean fits(long dim, long expected) {
        return !Shapes.known(dim) || dim == expected;
    }

    /** The input's dims in the order of perm (input 1); an unknown perm keeps the rank. */
    private static List<TensorType> transpose(NodeContext c) {
        PartialShape input = c.shape(0);
        PartialShape permShape = c.shape(1);
        long[] perm = c.ints(1);
        long permCount = Shapes.elementCount(permShape);
        DataType dtype = c.typeAttrOr("T", 0);
        int rank = input.hasRank() ? input.rank() : Shapes.known(permCount) ? (int) permCount
                : perm != null ? perm.length : -1;
        if (rank < 0) {
            return one(dtype, PartialShape.unknownRank());
        }
        if (!input.hasRank() && rank < 2) {
            return one(dtype, input);
        }
        input = Shapes.withRank(input, rank);
        Shapes.mergeDim(Shapes.withRank(permShape, 1).dim(0), rank);
        if (perm == null) {
            return one(dtype, Shapes.unknownOfRank(rank));
        }
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            if (perm.length != rank || perm[i] < 0 || perm[i] >= rank || seen[(int) perm[i]]) {
                throw new CannotInfer("perm " + Arrays.toString(perm) + " for an input of rank " + rank
                        + "; TensorFlow requires a permutation of 0.." + (rank - 1));
            }
            seen[(int) perm[i]] = true;
        }
        long[] dims = new long[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = input.dim((int) perm[i]);
        }
        return one(dtype, PartialShape.of(dims));
    }

    /**
     * GatherV2: params' dims before axis, then the indices' dims (after batch_dims), then params' dims after axis.
     */
    private static List<TensorType> gatherV2(NodeContext c) {
        PartialShape params = Shapes.withRankAtLeast(c.shape(0), 1);
        PartialShape indices = c.shape(1);
        Shapes.withRank(c.shape(2), 0);
        Long axis = c.intScalar(2);
        long batchDims = c.attrs().integer("batch_dims", 0);
        DataType dtype = c.typeAttrOr("Tparams", 0);
        if (axis == null) {
            return one(dtype, params.hasRank() && indices.hasRank()
                    ? Shapes.unknownOfRank((int) (params.rank() + indices.rank() - 1 - batchDims))
                    : PartialShape.unknownRank());
        }
        Shapes.withRankAtLeast(params, (int) (axis < 0 ? -axis : axis + 1));
        Shapes.withRankAtLeast(indices, (int) Math.abs(batchDims));
        if (batchDims < 0) {
            if (!indices.hasRank()) {
                return one(dtype, PartialShape.unknownRank());
            }
            batchDims += indices.rank();
        }
        PartialShape out = Shapes.concat(Shapes.subshape(params, 0, axis), Shapes.subshape(indices, batchDims));
        return one(dtype, axis == -1 ? out : Shapes.concat(out, Shapes.subshape(params, axis + 1)));
    }

    /** Gather (v1): the indices' dims, then params' dims after the first. */
    private static List<TensorType> gather(NodeContext c) {
        PartialShape params = Shapes.withRankAtLeast(c.shape(0), 1);
        return one(c.typeAttrOr("Tparams", 0), Shapes.concat(c.shape(1), Shapes.subshape(params, 1)));
    }
}
