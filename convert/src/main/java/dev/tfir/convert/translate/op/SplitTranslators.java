package dev.tfir.convert.translate.op;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ops with one output per piece of their input: Split (equal pieces, Split-1), SplitV (given sizes, one of them
 * possibly -1, VariadicSplit-1) and Unpack (pieces of size 1 along an axis, that axis removed). In TensorFlow's
 * layout.
 */
public final class SplitTranslators {
    private SplitTranslators() {}

    /** Split: the axis, then the value. */
    public static List<TfTensor> split(NodeContext node) {
        Output x = node.input(1);
        int axis = Shapes.axis(node.constantInput(0, "split_dim")[0], x.rank());
        long count = node.attrs().integer("num_split", 1);
        long dim = x.shape().dim(axis);
        node.require(!Shapes.known(dim) || dim % count == 0, "cannot split axis " + axis + " of size " + dim + " into "
                + count + " equal pieces");
        long[] sizes = new long[(int) count];
        Arrays.fill(sizes, Shapes.known(dim) ? dim / count : PartialShape.UNKNOWN_DIM);
        Node.Builder split = Node.builder("Split", "opset1").attribute("num_splits", count)
                .inputs(x, Constants.i64Scalar(axis));
        return pieces(split, x, axis, sizes);
    }

    /** SplitV: the value, the sizes (one may be -1: the rest), the axis. */
    public static List<TfTensor> splitV(NodeContext node) {
        Output x = node.input(0);
        int axis = Shapes.axis(node.constantInput(2, "split_dim")[0], x.rank());
        long[] sizes = node.constantInput(1, "size_splits").clone();
        long dim = x.shape().dim(axis);
        int rest = -1;
        long given = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] == -1) {
                node.require(rest < 0, "cannot take more than one size -1");
                rest = i;
            } else {
                given += sizes[i];
            }
        }
        if (rest >= 0) {
            sizes[rest] = Shapes.known(dim) ? dim - given : PartialShape.UNKNOWN_DIM;
        }
        Node.Builder split = Node.builder("VariadicSplit", "opset1")
                .inputs(x, Constants.i64Scalar(axis), Constants.i64(node.constantInput(1, "size_splits")));
        return pieces(split, x, axis, sizes);
    }

    /** Unpack: {@code num} pieces of size 1 along {@code axis}, each without that axis. */
    public static List<TfTensor> unpack(NodeContext node) {
        Output x = node.input(0);
        int axis = Shapes.axis(node.attrs().integer("axis", 0), x.rank());
        long count = node.attrs().integer("num", 1);
        node.require(!Shapes.known(x.shape().dim(axis)) || x.shape().dim(axis) == count, "cannot unpack "
                + count + " pieces from axis " + axis + " of size " + x.shape().dim(axis));
        long[] sizes = new long[(int) count];
        Arrays.fill(sizes, 1);
        Node.Builder split = Node.builder("Split", "opset1").attribute("num_splits", count)
                .inputs(x, Constants.i64Scalar(axis));
        return pieces(split, x, axis, sizes).stream()
                .map(piece -> TfTensor.of(Movement.squeeze(piece.tfLayout(), axis))).toList();
    }

    private static List<TfTensor> pieces(Node.Builder split, Output x, int axis, long[] sizes) {
        for (long size : sizes) {
            long[] dims = x.shape().dims();
            dims[axis] = size;
            split.output(x.type(), PartialShape.of(dims));
        }
        Node node = split.build();
        List<TfTensor> outputs = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            outputs.add(TfTensor.of(node.output(i)));
        }
        return outputs;
    }
}
