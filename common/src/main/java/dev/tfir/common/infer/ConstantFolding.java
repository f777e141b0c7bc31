package dev.tfir.common.infer;

import dev.tfir.common.infer.KnownValue.Origin;
import dev.tfir.common.types.PartialShape;
import java.util.Arrays;
import org.tensorflow.proto.DataType;

/**
 * Constant folding of small int32/int64 tensors, as far as TensorFlow's shape refiner folds them: Const values,
 * Shape/Size/Rank of inferred shapes, and what shape-building ops (Pack, ConcatV2, StridedSlice, Cast...) and
 * integer arithmetic ({@link ArithmeticFolding}) make of them. Shape, ShapeN, Pack, ConcatV2, StridedSlice and Cast
 * also carry partial shapes on (as TensorFlow's ConstantPartialShape); the other ops need constants.
 */
final class ConstantFolding {
    private ConstantFolding() {}

    /**
     * The value of output {@code port} of the node, whose type is {@code type}; null when not known.
     *
     * @throws RuntimeException when the node is malformed
     */
    static KnownValue fold(NodeContext c, int port, TensorType type) {
        DataType dtype = type.dtype();
        long count = type.shape().elementCount();
        if ((dtype != DataType.DT_INT32 && dtype != DataType.DT_INT64) || count < 0
                || count > KnownValue.MAX_ELEMENTS) {
            return null;
        }
        ValueFolder folder = folder(c.op());
        if (folder == null) {
            return null;
        }
        long[] shape = type.shape().dims();
        KnownValue value = folder.fold(c, port, shape);
        if (value == null || !Arrays.equals(value.shape(), shape)) {
            return null;
        }
        return dtype == DataType.DT_INT32 ? wrapToInt(value) : value;
    }

    private static KnownValue wrapToInt(KnownValue value) {
        long[] elements = value.elements().clone();
        for (int i = 0; i < elements.length; i++) {
            elements[i] = elements[i] == KnownValue.UNKNOWN ? elements[i] : (int) elements[i];
        }
        return new KnownValue(value.shape(), elements, value.origin());
    }

    /**
     * The folder of this op type, or null when none folds it. A switch, not a map filled at start-up: a folder's
     * lambda is linked when a graph has its op type.
     */
    private static ValueFolder folder(String op) {
        return switch (op) {
            case "Const" -> (c, port, shape) -> TensorValues.decode(c.attrs().tensor("value"));
            case "Shape" -> (c, port, shape) -> dimsOf(c.shape(0), Origin.SHAPE);
            case "ShapeN" -> (c, port, shape) -> dimsOf(c.shape(port), Origin.PARTIAL);
            case "Size" -> (c, port, shape) -> c.shape(0).isFullyDefined()
                    ? KnownValue.scalar(c.shape(0).elementCount()) : null;
            case "Rank" -> (c, port, shape) -> c.shape(0).hasRank() ? KnownValue.scalar(c.shape(0).rank()) : null;
            case "Identity", "Snapshot", "StopGradient", "Reshape", "ExpandDims", "Squeeze" ->
                    (c, port, shape) -> c.ints(0) == null ? null : new KnownValue(shape, c.ints(0));
            case "Cast" -> (c, port, shape) -> c.value(0) == null ? null : new KnownValue(shape,
                    c.value(0).elements(), c.value(0).isConstant() ? Origin.CONSTANT : Origin.PARTIAL);
            case "Pack" -> ConstantFolding::pack;
            case "ConcatV2" -> (c, port, shape) -> concat(c, 0, c.inputCount() - 1, c.inputCount() - 1, shape);
            case "Concat" -> (c, port, shape) -> concat(c, 1, c.inputCount(), 0, shape);
            case "StridedSlice" -> ConstantFolding::stridedSlice;
            case "Slice" -> ConstantFolding::slice;
            case "GatherV2" -> ConstantFolding::gather;
            default -> ArithmeticFolding.forOp(op);
        };
    }

    /** A shape's dims as a vector: a constant when all are known, else of the given origin. */
    private static KnownValue dimsOf(PartialShape shape, Origin partial) {
        if (!shape.hasRank()) {
            return null;
        }
        long[] elements = Arrays.stream(shape.dims()).map(d -> Shapes.known(d) ? d : KnownValue.UNKNOWN).toArray();
        return new KnownValue(new long[] {elements.length}, elements,
                shape.isFullyDefined() ? Origin.CONSTANT : partial);
    }

    /**
     * The elements of input i (a constant, or also a partial value when {@code partialToo}), else as many unknown
     * elements as its shape holds (null when that is not known).
     */
    private static long[] elementsOrUnknown(NodeContext c, int i, boolean partialToo) {
        KnownValue value = c.value(i);
        if (value != null && (partialToo || value.isConstant())) {
            return value.elements();
        }
        long count = c.shape(i).elementCount();
        if (count < 0 || count > KnownValue.MAX_ELEMENTS) {
            return null;
        }
        long[] unknown = new long[(int) count];
        Arrays.fill(unknown, KnownValue.UNKNOWN);
        return unknown;
    }

    /**
     * Pack along axis 0: the inputs' elements one after the other, where only constant inputs count (as
     * TensorFlow evaluates each packed scalar on its own).
     */
    private static KnownValue pack(NodeContext c, int port, long[] shape) {
        long axis = c.attrs().integer("axis", 0);
        if (axis != 0 && axis != -shape.length) {
            return null;
        }
        return joined(c, 0, c.inputCount(), shape, false);
    }

    /** ConcatV2/Concat along axis 0: the inputs' elements one after the other. */
    private static KnownValue concat(NodeContext c, int from, int to, int axisInput, long[] shape) {
        Long axis = c.intScalar(axisInput);
        if (axis == null || (axis != 0 && axis != -shape.length)) {
            return null;
        }
        return joined(c, from, to, shape, true);
    }

    /** The elements of inputs [from, to) one after the other: a constant when they all are, else partial. */
    private static KnownValue joined(NodeContext c, int from, int to, long[] shape, boolean partialInputs) {
        long[][] parts = new long[to - from][];
        boolean constant = true;
        for (int i = from; i < to; i++) {
            parts[i - from] = elementsOrUnknown(c, i, partialInputs);
            if (parts[i - from] == null) {
                return null;
            }
            constant &= c.ints(i) != null;
        }
        long[] elements = Arrays.stream(parts).flatMapToLong(Arrays::stream).toArray();
        return new KnownValue(shape, elements, constant ? Origin.CONSTANT : Origin.PARTIAL);
    }

    /**
     * A strided slice of a vector: a constant of a constant, else a partial shape, except that one known dim taken
     * out of a Shape output is a constant (TensorFlow evaluates {@code tf.shape(x)[i]}).
     */
    private static KnownValue stridedSlice(NodeContext c, int port, long[] shape) {
        KnownValue input = c.value(0);
        long[] begin = c.ints(1);
        long[] end = c.ints(2);
        long[] strides = c.ints(3);
        if (input == null || input.rank() != 1 || begin == null || end == null || strides == null) {
            return null;
        }
        StridedSliceSpec spec = StridedSliceSpec.of(input.shape(), begin, end, strides,
                StridedSliceSpec.Masks.of(c.attrs()));
        long count = PartialShape.of(spec.shape()).elementCount();
        long[] elements = new long[(int) count];
        long index = spec.begin()[0];
        for (int i = 0; i < count; i++, index += spec.strides()[0]) {
            elements[i] = input.elements()[(int) index];
        }
        boolean knownDimOfShape = input.origin() == Origin.SHAPE && shape.length == 0
                && elements[0] != KnownValue.UNKNOWN;
        return new KnownValue(shape, elements, input.isConstant() || knownDimOfShape ? Origin.CONSTANT
                : Origin.PARTIAL);
    }

    /** A slice of a complete vector. */
    private static KnownValue slice(NodeContext c, int port, long[] shape) {
        long[] input = c.ints(0);
        long[] begin = c.ints(1);
        if (input == null || begin == null || shape.length != 1 || begin.length != 1) {
            return null;
        }
        return new KnownValue(shape, Arrays.copyOfRange(input, (int) begin[0], (int) (begin[0] + shape[0])));
    }

    /** Elements of a complete vector picked by complete indices. */
    private static KnownValue gather(NodeContext c, int port, long[] shape) {
        long[] params = c.ints(0);
        long[] indices = c.ints(1);
        Long axis = c.intScalar(2);
        if (params == null || indices == null || axis == null || axis != 0 || c.shape(0).rank() != 1) {
            return null;
        }
        return new KnownValue(shape, Arrays.stream(indices).map(i -> params[(int) i]).toArray());
    }
}
