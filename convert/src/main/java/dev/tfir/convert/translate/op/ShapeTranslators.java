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
import dev.tfir.convert.ops.SliceMasks;
import dev.tfir.convert.ops.StridedSlices;
import dev.tfir.convert.translate.Layouts;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * Ops on shapes: Shape, ShapeN and Size (constants when the shape is static), Reshape, Squeeze, ExpandDims,
 * Transpose, Slice, StridedSlice and Cast. Shape computations on constants fold as they are translated.
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

    /** Slice of the constant begin (input 1) and size (input 2; -1: to the end) as Slice-8. */
    public static List<TfTensor> slice(NodeContext node) {
        long[] begin = node.constantInput(1, "begin");
        long[] size = node.constantInput(2, "size");
        Output x = node.input(0);
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
        return List.of(TfTensor.of(Node.builder("Slice", "opset8").inputs(x, Constants.i64(begin), Constants.i64(end),
                Constants.i64(LongStream.generate(() -> 1).limit(end.length).toArray()),
                Constants.i64(LongStream.range(0, end.length).toArray())).output(x.type(), PartialShape.of(dims))
                .buildOutput()));
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

    public static List<TfTensor> cast(NodeContext node) {
        ElementType target = node.type("DstT");
        node.require(target != null, "has no DstT attribute");
        return List.of(node.tensor(0).map(x -> Elementwise.convert(x, target)));
    }
}
