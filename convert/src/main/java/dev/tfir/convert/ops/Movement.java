package dev.tfir.convert.ops;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

/**
 * Ops that move data without computing on it: Transpose, Reshape, Squeeze, Unsqueeze, Concat, Gather, Pad,
 * Broadcast. On constants they are applied right away (as OpenVINO's constant folding would), so weights arrive in
 * the layout the consuming op needs and shape computations become constants.
 */
public final class Movement {
    private static final int FOLD_LIMIT = 1024;

    private Movement() {}

    /** Transpose-1: output axis i is input axis {@code perm[i]}. */
    public static Output transpose(Output x, int... perm) {
        boolean[] seen = new boolean[perm.length];
        for (int axis : perm) {
            if (perm.length != x.rank() || axis < 0 || axis >= perm.length || seen[axis]) {
                throw new ConversionException("the permutation " + Arrays.toString(perm) + " is not one of the "
                        + x.rank() + " axes of " + x.shape());
            }
            seen[axis] = true;
        }
        if (isIdentity(perm)) {
            return x;
        }
        if (x.isConstant()) {
            return Constants.of(x.constant().transposed(perm));
        }
        long[] dims = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            dims[i] = x.shape().dim(perm[i]);
        }
        return Node.builder("Transpose", "opset1").inputs(x, Constants.i64(perm))
                .output(x.type(), PartialShape.of(dims)).buildOutput();
    }

    /** Reshape-1 to a target shape given as a tensor (with -1 and, when {@code specialZero}, 0 = keep). */
    public static Output reshape(Output x, Output target, boolean specialZero) {
        long[] values = Constants.valuesOf(target);
        PartialShape shape;
        if (values != null) {
            shape = ReshapeTarget.resolve(x.shape(), values, specialZero);
        } else if (target.shape().rank() == 1 && Shapes.known(target.shape().dim(0))) {
            shape = partialTarget(x, target, specialZero);
        } else {
            throw new ConversionException("Reshape to a shape of unknown length; give the input shapes "
                    + "(--input_shape or -b) so that the target shape is known");
        }
        if (x.isConstant() && shape.isFullyDefined()) {
            return Constants.of(x.constant().reshaped(shape.dims()));
        }
        return Node.builder("Reshape", "opset1").attribute("special_zero", specialZero)
                .inputs(x, Convert64.of(target)).output(x.type(), shape).buildOutput();
    }

    /**
     * The shape a target of known length gives where its elements are partly known (Constants.knownElements:
     * TensorFlow's Pack of a dynamic batch and constants, as Keras' Reshape and Flatten build it): the known dims
     * (-1 and special zeros unknown), the others unknown.
     */
    private static PartialShape partialTarget(Output x, Output target, boolean specialZero) {
        long[] values = Constants.knownElements(target);
        long[] dims = new long[values.length];
        for (int at = 0; at < values.length; at++) {
            if (specialZero && values[at] == 0) {
                dims[at] = at < x.rank() ? x.shape().dim(at) : PartialShape.UNKNOWN_DIM;
            } else {
                dims[at] = values[at] >= 0 ? values[at] : PartialShape.UNKNOWN_DIM;
            }
        }
        return PartialShape.of(dims);
    }

    /** Reshape-1 to a static shape. */
    public static Output reshape(Output x, long... dims) {
        return reshape(x, Constants.i64(dims), false);
    }

    /** Squeeze-1 of the given axes (each of size 1). */
    public static Output squeeze(Output x, long... axes) {
        int rank = x.rank();
        boolean[] removed = Shapes.axisSet(axes, rank);
        List<Long> dims = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            long dim = x.shape().dim(i);
            if (!removed[i]) {
                dims.add(dim);
            } else if (Shapes.known(dim) && dim != 1) {
                throw new ConversionException("cannot squeeze axis " + i + " of size " + dim + " (shape "
                        + x.shape() + ")");
            }
        }
        PartialShape shape = PartialShape.of(dims.stream().mapToLong(Long::longValue).toArray());
        if (x.isConstant()) {
            return Constants.of(x.constant().reshaped(shape.dims()));
        }
        return Node.builder("Squeeze", "opset1").inputs(x, Constants.i64(axes)).output(x.type(), shape)
                .buildOutput();
    }

    /** Unsqueeze-1: new axes of size 1 at the given positions of the output. */
    public static Output unsqueeze(Output x, long... axes) {
        int rank = x.rank() + axes.length;
        boolean[] added = Shapes.axisSet(axes, rank);
        long[] dims = new long[rank];
        for (int i = 0, from = 0; i < rank; i++) {
            dims[i] = added[i] ? 1 : x.shape().dim(from++);
        }
        PartialShape shape = PartialShape.of(dims);
        if (x.isConstant()) {
            return Constants.of(x.constant().reshaped(dims));
        }
        return Node.builder("Unsqueeze", "opset1").inputs(x, Constants.i64(axes)).output(x.type(), shape)
                .buildOutput();
    }

    /** Concat-1 along {@code axis}; small integer constants are joined right away. */
    public static Output concat(List<Output> parts, long axis) {
        Output first = parts.get(0);
        int rank = first.rank();
        int at = Shapes.axis(axis, rank);
        long[] dims = first.shape().dims();
        for (Output part : parts.subList(1, parts.size())) {
            if (part.rank() != rank || part.type() != first.type()) {
                throw new ConversionException("Concat of " + first.type().irName() + first.shape() + " and "
                        + part.type().irName() + part.shape());
            }
            for (int d = 0; d < rank; d++) {
                long a = first.shape().dim(d);
                long b = part.shape().dim(d);
                if (d != at && Shapes.known(a) && Shapes.known(b) && a != b) {
                    throw new ConversionException("Concat along axis " + at + " of " + first.shape() + " and "
                            + part.shape() + ": the other dims must be equal");
                }
            }
            long dim = part.shape().dim(at);
            dims[at] = Shapes.known(dims[at]) && Shapes.known(dim) ? dims[at] + dim : PartialShape.UNKNOWN_DIM;
        }
        if (rank == 1 && first.type().isInteger() && parts.stream().allMatch(Output::isConstant)
                && Shapes.known(dims[0]) && dims[0] <= FOLD_LIMIT) {
            long[] joined = parts.stream().flatMapToLong(p -> Arrays.stream(p.constant().longs())).toArray();
            return Constants.of(ConstTensor.vector(first.type(), joined));
        }
        return Node.builder("Concat", "opset1").attribute("axis", at).inputs(parts)
                .output(first.type(), PartialShape.of(dims)).buildOutput();
    }

    /** Gather-8 of {@code indices} along {@code axis}; small integer constants are gathered right away. */
    public static Output gather(Output x, Output indices, long axis) {
        return gather(x, indices, axis, 0);
    }

    /**
     * Gather-8 with the first {@code batchDims} (>= 0, at most the axis) axes of x and indices matched one to one:
     * x's axes before the axis, the indices' after the batch, x's after the axis.
     */
    public static Output gather(Output x, Output indices, long axis, int batchDims) {
        int at = Shapes.axis(axis, x.rank());
        long[] dims = new long[x.rank() - 1 + indices.rank() - batchDims];
        int n = 0;
        for (int i = 0; i < at; i++) {
            dims[n++] = x.shape().dim(i);
        }
        for (int i = batchDims; i < indices.rank(); i++) {
            dims[n++] = indices.shape().dim(i);
        }
        for (int i = at + 1; i < x.rank(); i++) {
            dims[n++] = x.shape().dim(i);
        }
        if (batchDims == 0 && x.rank() == 1 && x.type().isInteger() && x.isConstant() && indices.isConstant()
                && indices.constant().elementCount() <= FOLD_LIMIT) {
            long[] values = x.constant().longs();
            long[] picked = Arrays.stream(indices.constant().longs())
                    .map(i -> values[Shapes.axis(i, values.length)]).toArray();
            return Constants.of(ConstTensor.ofLongs(x.type(), dims, picked));
        }
        if (batchDims > 0 && unitBatch(x, indices, batchDims)) {
            // OpenVINO's CPU Gather (2024.6 and 2026.4.1) crashes or errs on a static batch of one with axes after
            // the gathered one: the same gather without the batch
            long[] batch = LongStream.range(0, batchDims).toArray();
            return unsqueeze(gather(squeeze(x, batch), squeeze(indices, batch), at - batchDims, 0), batch);
        }
        return Node.builder("Gather", "opset8").attribute("batch_dims", batchDims)
                .inputs(x, Convert64.of(indices), Constants.i64Scalar(at)).output(x.type(), PartialShape.of(dims))
                .buildOutput();
    }

    /** Whether the first {@code batchDims} axes of x and the indices are all of size 1, statically. */
    private static boolean unitBatch(Output x, Output indices, int batchDims) {
        for (int i = 0; i < batchDims; i++) {
            if (x.shape().dim(i) != 1 || indices.shape().dim(i) != 1) {
                return false;
            }
        }
        return true;
    }

    /** Pad-12 with the given pads before and after each axis; {@code value} only for mode "constant". */
    public static Output pad(Output x, long[] begin, long[] end, String mode, Output value) {
        long[] dims = x.shape().dims();
        for (int i = 0; i < dims.length; i++) {
            if (begin[i] < 0 || end[i] < 0) {
                throw new ConversionException("pads " + Arrays.toString(begin) + " before and " + Arrays.toString(end)
                        + " after " + x.shape() + " must be >= 0");
            }
            dims[i] = Shapes.known(dims[i]) ? dims[i] + begin[i] + end[i] : PartialShape.UNKNOWN_DIM;
        }
        Node.Builder node = Node.builder("Pad", "opset12").attribute("pad_mode", mode)
                .inputs(x, Constants.i64(begin), Constants.i64(end));
        if (value != null) {
            node.inputs(value);
        }
        return node.output(x.type(), PartialShape.of(dims)).buildOutput();
    }

    /**
     * Pad-12 with pads computed at run time: {@code paddings} (rank, 2) holds those before and after each axis; the
     * padded dims are not known at conversion.
     */
    public static Output pad(Output x, Output paddings, String mode, Output value) {
        if (paddings.rank() != 2 || paddings.shape().dim(0) != x.rank()) {
            throw new ConversionException("has paddings of shape " + paddings.shape() + " for a rank " + x.rank()
                    + " input; TensorFlow needs (" + x.rank() + ", 2)");
        }
        Output pads = Convert64.of(paddings);
        long[] dims = new long[x.rank()];
        Arrays.fill(dims, PartialShape.UNKNOWN_DIM);
        Node.Builder node = Node.builder("Pad", "opset12").attribute("pad_mode", mode).inputs(x,
                gather(pads, Constants.i64Scalar(0), 1), gather(pads, Constants.i64Scalar(1), 1));
        if (value != null) {
            node.inputs(value);
        }
        return node.output(x.type(), PartialShape.of(dims)).buildOutput();
    }

    /**
     * Pad-12 of zeros after the end of axis 0: {@code count} more elements there (a 1-D i64 tensor of one value,
     * >= 0, computed at run time), the other axes as they are; {@code dims}: the result's shape as far as known.
     */
    public static Output padAxis0End(Output x, Output count, PartialShape dims) {
        return Node.builder("Pad", "opset12").attribute("pad_mode", "constant")
                .inputs(x, Constants.i64(new long[x.rank()]), concat(List.of(count,
                        Constants.i64(new long[x.rank() - 1])), 0), Constants.scalar(x.type(), 0))
                .output(x.type(), dims).buildOutput();
    }

    /**
     * Broadcast-3 (numpy) of a scalar to the shape the 1-D {@code shape} holds, {@code dims} as far as known; a small
     * integer constant to a constant shape is filled right away (a Fill of ones as a StridedSlice's strides).
     */
    public static Output broadcast(Output scalar, Output shape, PartialShape dims) {
        if (scalar.isConstant() && scalar.type().isInteger() && scalar.constant().elementCount() == 1
                && shape.isConstant() && dims.isFullyDefined() && dims.elementCount() <= FOLD_LIMIT) {
            long[] filled = new long[(int) dims.elementCount()];
            Arrays.fill(filled, scalar.constant().longs()[0]);
            return Constants.of(ConstTensor.ofLongs(scalar.type(), dims.dims(), filled));
        }
        return Node.builder("Broadcast", "opset3").attribute("mode", "numpy").inputs(scalar, Convert64.of(shape))
                .output(scalar.type(), dims).buildOutput();
    }

    /** Broadcast-3 (bidirectional) of x to the shape numpy broadcasting gives x and {@code other} together. */
    public static Output broadcastWith(Output x, Output other) {
        return Node.builder("Broadcast", "opset3").attribute("mode", "bidirectional")
                .inputs(x, shapeOf(other, ElementType.I64))
                .output(x.type(), Shapes.broadcast(x.shape(), other.shape(), true)).buildOutput();
    }

    /** Range-4 0, 1, ..., n - 1 (i64) of a scalar n: the indices along an axis of n elements. */
    public static Output indices(Output n) {
        return Node.builder("Range", "opset4").attribute("output_type", ElementType.I64.irName())
                .inputs(Constants.i64Scalar(0), n, Constants.i64Scalar(1))
                .output(ElementType.I64, PartialShape.of(PartialShape.UNKNOWN_DIM)).buildOutput();
    }

    /** ShapeOf-3: the shape as a 1-D tensor; a constant when the shape is static. */
    public static Output shapeOf(Output x, ElementType type) {
        if (x.shape().isFullyDefined()) {
            return Constants.of(ConstTensor.vector(type, x.shape().dims()));
        }
        return Node.builder("ShapeOf", "opset3").attribute("output_type", type.irName()).inputs(x)
                .output(type, PartialShape.of(x.rank())).buildOutput();
    }

    private static boolean isIdentity(int[] perm) {
        for (int i = 0; i < perm.length; i++) {
            if (perm[i] != i) {
                return false;
            }
        }
        return true;
    }
}
