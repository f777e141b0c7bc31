package dev.tfir.convert.translate.op;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Bitcasts;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.ops.Reductions;
import dev.tfir.convert.ops.SliceMasks;
import dev.tfir.convert.ops.StridedSlices;
import dev.tfir.convert.translate.Layouts;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.tensorflow.proto.DataType;

/**
 * Ops on shapes: Shape, ShapeN and Size (constants when the shape is static), Reshape, Squeeze, ExpandDims,
 * Transpose, Slice, StridedSlice, Cast and Bitcast. Shape computations on constants fold as they are translated.
 */
public final class ShapeTranslators {
    private ShapeTranslators() {}

    public static List<TfTensor> shape(NodeContext node) {
        ElementType outType = outType(node);
        PartialShape shape = node.inputShape(0);
        Output result = shape.isFullyDefined() ? Constants.of(ConstTensor.vector(outType, shape.dims()))
                : Movement.shapeOf(node.input(0), outType);
        return List.of(TfTensor.of(result));
    }

    /** ShapeN: the shape of each input. */
    public static List<TfTensor> shapeN(NodeContext node) {
        ElementType outType = outType(node);
        List<TfTensor> shapes = new ArrayList<>();
        for (int i = 0; i < node.inputCount(); i++) {
            shapes.add(TfTensor.of(Movement.shapeOf(node.input(i), outType)));
        }
        return shapes;
    }

    /**
     * Slice of begin (input 1) and size (input 2; -1: to the end) as Slice-8: constants checked and folded into the
     * end; computed at run time (a position table cut to a sequence's length), the end is Select(size == -1, the
     * input's dims, begin + size).
     */
    public static List<TfTensor> slice(NodeContext node) {
        Output x = node.input(0);
        if (node.input(1).isConstant() && node.input(2).isConstant()) {
            return constantSlice(node, x, node.constantInput(1, "begin"), node.constantInput(2, "size"));
        }
        Output begin = Elementwise.convert(node.input(1), ElementType.I64);
        Output size = Elementwise.convert(node.input(2), ElementType.I64);
        node.require(x.shape().hasRank() && begin.rank() == 1 && size.rank() == 1 && begin.shape().dim(0) == x.rank()
                && size.shape().dim(0) == x.rank(), "needs begin and size of one value per axis of its input "
                + x.shape() + ", not " + begin.shape() + " and " + size.shape());
        long[] known = Constants.knownElements(node.input(2));
        long[] dims = new long[known.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = known[i] >= 0 ? known[i] : PartialShape.UNKNOWN_DIM;
        }
        // OpenVINO's CPU computes i64 shape arithmetic in i32: the input's dims end a -1 size, not the largest i64
        Output end = Elementwise.select(Elementwise.binary("Equal", size, Constants.i64Scalar(-1)),
                Movement.shapeOf(x, ElementType.I64), Elementwise.add(begin, size));
        return List.of(TfTensor.of(sliceNode(x, begin, end, PartialShape.of(dims))));
    }

    private static List<TfTensor> constantSlice(NodeContext node, Output x, long[] begin, long[] size) {
        node.require(begin.length == x.rank() && size.length == x.rank(), "has begin and size of " + begin.length
                + " and " + size.length + " values for a rank-" + x.rank() + " input");
        long[] end = new long[size.length];
        long[] dims = x.shape().dims();
        for (int i = 0; i < size.length; i++) {
            node.require(begin[i] >= 0 && size[i] >= -1, "has begin " + begin[i] + " and size " + size[i]
                    + " on axis " + i + "; TensorFlow requires begin >= 0 and size >= -1");
            end[i] = size[i] == -1 ? Long.MAX_VALUE : begin[i] + size[i];
            dims[i] = size[i] >= 0 ? size[i] : Shapes.known(dims[i]) ? dims[i] - begin[i] : PartialShape.UNKNOWN_DIM;
        }
        return List.of(TfTensor.of(sliceNode(x, Constants.i64(begin), Constants.i64(end), PartialShape.of(dims))));
    }

    /** Slice-8 of x from begin to end on every axis, step 1. */
    private static Output sliceNode(Output x, Output begin, Output end, PartialShape dims) {
        int rank = x.rank();
        return Node.builder("Slice", "opset8").inputs(x, begin, end,
                Constants.i64(LongStream.generate(() -> 1).limit(rank).toArray()),
                Constants.i64(LongStream.range(0, rank).toArray())).output(x.type(), dims).buildOutput();
    }

    /** The number of elements: a constant when the shape is static, else the product of ShapeOf. */
    public static List<TfTensor> size(NodeContext node) {
        ElementType outType = outType(node);
        PartialShape shape = node.inputShape(0);
        Output result = shape.isFullyDefined()
                ? Constants.of(ConstTensor.ofLongs(outType, new long[0], shape.elementCount()))
                : Reductions.reduce("ReduceProd", Movement.shapeOf(node.input(0), outType), new long[] {0}, false);
        return List.of(TfTensor.of(result));
    }

    /** The {@code out_type} of Shape and Size, i32 by default. */
    private static ElementType outType(NodeContext node) {
        ElementType type = node.type("out_type");
        return type != null ? type : ElementType.I32;
    }

    /** ToBool: a scalar is true unless 0 (false); a tensor of static shape is true unless it has no elements. */
    public static List<TfTensor> toBool(NodeContext node) {
        PartialShape shape = node.inputShape(0);
        node.require(shape.hasRank() && (shape.rank() == 0 || shape.isFullyDefined()),
                "needs a scalar or an input of static shape, not " + shape);
        if (shape.rank() > 0) {
            long elements = LongStream.of(shape.dims()).reduce(1, (a, b) -> a * b);
            return List.of(TfTensor.of(Constants.scalar(ElementType.BOOLEAN, elements > 0 ? 1 : 0)));
        }
        Output x = node.input(0);
        return List.of(TfTensor.of(Elementwise.binary("NotEqual", x, Constants.scalar(x.type(), 0))));
    }

    public static List<TfTensor> reshape(NodeContext node) {
        return List.of(TfTensor.of(Movement.reshape(node.input(0), node.input(1), false)));
    }

    public static List<TfTensor> expandDims(NodeContext node) {
        return List.of(TfTensor.of(Movement.unsqueeze(node.input(0), node.constantInput(1, "axis"))));
    }

    /** Squeeze of {@code squeeze_dims}, or of every axis of size 1 when none are given. */
    public static List<TfTensor> squeeze(NodeContext node) {
        PartialShape shape = node.inputShape(0);
        long[] axes = node.attrs().ints("squeeze_dims", new long[0]);
        if (axes.length == 0) {
            node.require(shape.isFullyDefined(), "squeezes every axis of size 1 of " + shape
                    + ", which is not static; give the input shapes (--input_shape or -b)");
            axes = LongStream.range(0, shape.rank()).filter(i -> shape.dim((int) i) == 1).toArray();
        }
        if (node.isChannelsFirst(0) && Layouts.sameOrderWithout(axes)) {
            return List.of(TfTensor.of(Movement.squeeze(node.channelsFirstInput(0),
                    Layouts.channelsFirstAxes(axes))));
        }
        return List.of(TfTensor.of(Movement.squeeze(node.input(0), axes)));
    }

    public static List<TfTensor> transpose(NodeContext node) {
        long[] perm = node.constantInput(1, "permutation");
        int[] axes = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            axes[i] = (int) perm[i];
        }
        return List.of(TfTensor.of(Movement.transpose(node.input(0), axes)));
    }

    public static List<TfTensor> stridedSlice(NodeContext node) {
        SliceMasks masks = new SliceMasks(node.attrs().integer("begin_mask", 0), node.attrs().integer("end_mask", 0),
                node.attrs().integer("new_axis_mask", 0), node.attrs().integer("shrink_axis_mask", 0),
                node.attrs().integer("ellipsis_mask", 0));
        return List.of(TfTensor.of(StridedSlices.slice(node.input(0), node.input(1), node.input(2),
                node.input(3), masks)));
    }

    /**
     * Cast; to a complex type, a real input as the real parts (the imaginary parts 0); a complex input to a real
     * type, its real parts, as TensorFlow casts complex numbers.
     */
    public static List<TfTensor> cast(NodeContext node) {
        DataType destination = node.attrs().type("DstT");
        if (destination == DataType.DT_COMPLEX64 || destination == DataType.DT_COMPLEX128) {
            if (node.tensor(0).isComplex()) {
                return List.of(node.tensor(0));
            }
            ElementType part = destination == DataType.DT_COMPLEX64 ? ElementType.F32 : ElementType.F64;
            Output real = Elementwise.convert(node.input(0), part);
            int axis = real.rank();
            return List.of(TfTensor.complex(Movement.concat(List.of(Movement.unsqueeze(real, axis),
                    Movement.unsqueeze(Movement.broadcastWith(Constants.scalar(part, 0), real), axis)), axis)));
        }
        ElementType target = node.type("DstT");
        node.require(target != null, "has no DstT attribute");
        if (node.tensor(0).isComplex()) {
            Output parts = node.tensor(0).stored();
            return List.of(TfTensor.of(Elementwise.convert(Movement.gather(parts, Constants.i64Scalar(0),
                    parts.rank() - 1), target)));
        }
        return List.of(node.tensor(0).map(x -> Elementwise.convert(x, target)));
    }

    /** The same bytes as another element type: of a constant, or of f32 values to i32 ({@link Bitcasts}). */
    public static List<TfTensor> bitcast(NodeContext node) {
        ElementType target = node.type("type");
        node.require(target != null, "has no type attribute");
        return List.of(TfTensor.of(Bitcasts.bitcast(node.input(0), target)));
    }
}
