package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;

import dev.tfir.common.types.PartialShape;
import java.util.List;

/** Conv3D, Conv3DBackpropInputV2, MaxPool3D and AvgPool3D in NDHWC or NCDHW, with SAME or VALID padding. */
final class Conv3dRules {
    private Conv3dRules() {}

    /** The rule of this op type, or null when the op type is not of this family. */
    static ShapeRule forOp(String op) {
        return switch (op) {
            case "Conv3D" -> Conv3dRules::convolution;
            case "Conv3DBackpropInputV2" -> Conv3dRules::inputGradient;
            case "MaxPool3D", "AvgPool3D" -> Conv3dRules::pool;
            default -> null;
        };
    }

    /** Filters (depth, height, width, in, out): the output has out channels. */
    private static List<TensorType> convolution(NodeContext c) {
        Window3dAttrs window = Window3dAttrs.of(c.attrs());
        PartialShape input = Shapes.withRank(c.shape(0), 5);
        PartialShape filter = Shapes.withRank(c.shape(1), 5);
        long depth = input.dim(window.channelDim());
        if (Shapes.known(depth) && Shapes.known(filter.dim(3)) && (filter.dim(3) == 0 || depth % filter.dim(3) != 0)) {
            throw new CannotInfer("input depth " + depth + " is not a multiple of the filters' input depth "
                    + filter.dim(3) + "; TensorFlow requires it to be");
        }
        long[] dims = input.dims();
        for (int i = 0; i < 3; i++) {
            int d = window.spatialDim(i);
            dims[d] = window.outputSize(i, dims[d], filter.dim(i));
        }
        dims[window.channelDim()] = filter.dim(4);
        return one(c.typeAttrOr("T", 0), PartialShape.of(dims));
    }

    /** The shape input_sizes (5 values) names. */
    private static List<TensorType> inputGradient(NodeContext c) {
        PartialShape sizes = c.shapeTensor(0);
        return one(c.typeAttrOr("T", 1), Shapes.withRank(sizes.hasRank() ? sizes : Shapes.unknownOfRank(5), 5));
    }

    private static List<TensorType> pool(NodeContext c) {
        Window3dAttrs window = Window3dAttrs.of(c.attrs());
        long[] dims = Shapes.withRank(c.shape(0), 5).dims();
        for (int i = 0; i < 3; i++) {
            int d = window.spatialDim(i);
            dims[d] = window.outputSize(i, dims[d], window.ksize()[i]);
        }
        return one(c.typeAttrOr("T", 0), PartialShape.of(dims));
    }
}
