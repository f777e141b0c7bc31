package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;

import dev.tfir.common.types.DTypes;
import dev.tfir.common.types.PartialShape;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.proto.DataType;

/**
 * Ops whose output has the shape of their input (activations, unary math, Cast, Cumsum, Softmax, EnsureShape...),
 * Bitcast (a dim added or taken for another width), broadcasting binary ops (arithmetic, comparisons, logical),
 * BiasAdd, AddN and Select.
 */
final class ElementwiseRules {

    private ElementwiseRules() {}

    /** The rule of this op type, or null when the op type is not of this family. */
    static ShapeRule forOp(String op) {
        return switch (op) {
            case "Identity", "Snapshot", "StopGradient", "PreventGradient", "CheckNumerics", "Relu", "Relu6", "Elu",
                    "Selu", "Softplus", "Softsign", "LeakyRelu", "Sigmoid", "Tanh", "HardSwish", "Neg", "Exp",
                    "Expm1", "Log", "Log1p", "Sqrt", "Rsqrt", "Square", "Abs", "Floor", "Ceil", "Round", "Rint",
                    "Sign", "Reciprocal", "Inv", "Erf", "Erfc", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Sinh",
                    "Cosh", "Asinh", "Acosh", "Atanh", "Cumsum", "Cumprod", "ClipByValue", "ReverseV2",
                    "MatrixBandPart", "ZerosLike", "OnesLike", "FakeQuantWithMinMaxArgs", "FakeQuantWithMinMaxVars",
                    "FakeQuantWithMinMaxVarsPerChannel", "Invert", "CheckNumericsV2", "GuaranteeConst", "Reverse",
                    "AdjustContrastv2", "AdjustSaturation", "AdjustHue", "DrawBoundingBoxes", "DrawBoundingBoxesV2",
                    "Print" ->
                    c -> one(c.typeAttrOr("T", 0), c.shape(0));
            case "EnsureShape" -> c -> one(c.typeAttrOr("T", 0), Shapes.merge(c.shape(0), c.attrs().shape("shape")));
            case "IsNan", "IsInf", "IsFinite", "LogicalNot" -> c -> one(DataType.DT_BOOL, c.shape(0));
            case "ToBool" -> c -> one(DataType.DT_BOOL, PartialShape.of());
            case "RGBToHSV", "HSVToRGB" -> ElementwiseRules::colorspace;
            case "InTopKV2", "InTopK" -> c -> one(DataType.DT_BOOL, Shapes.withRank(c.shape(1), 1));
            case "Cross" -> c -> one(c.typeAttrOr("T", 0), Shapes.merge(c.shape(0), c.shape(1)));
            case "Cast" -> c -> one(c.attrs().type("DstT"), c.shape(0));
            case "Bitcast" -> ElementwiseRules::bitcast;
            case "Softmax", "LogSoftmax" -> c -> one(c.typeAttrOr("T", 0), Shapes.withRankAtLeast(c.shape(0), 1));
            case "LRN" -> c -> one(c.typeAttrOr("T", 0), Shapes.withRank(c.shape(0), 4));
            case "Add", "AddV2", "Sub", "Mul", "Div", "RealDiv", "TruncateDiv", "FloorDiv", "FloorMod",
                    "TruncateMod", "Mod", "Maximum", "Minimum", "Pow", "SquaredDifference", "DivNoNan", "MulNoNan",
                    "Atan2", "Xdivy", "Xlogy", "Xlog1py", "BitwiseAnd", "BitwiseOr", "BitwiseXor", "LeftShift",
                    "RightShift" ->
                    c -> one(c.typeAttrOr("T", 0), broadcast(c, true));
            case "Less", "LessEqual", "Greater", "GreaterEqual", "LogicalAnd", "LogicalOr" ->
                    c -> one(DataType.DT_BOOL, broadcast(c, true));
            case "Equal", "NotEqual" ->
                    c -> one(DataType.DT_BOOL, broadcast(c, c.attrs().bool("incompatible_shape_error", true)));
            case "BiasAdd", "BiasAddV1" -> ElementwiseRules::biasAdd;
            case "ApproximateEqual" -> ElementwiseRules::approximateEqual;
            case "AddN" -> ElementwiseRules::addN;
            case "Select" -> ElementwiseRules::select;
            case "SelectV2" ->
                    c -> one(c.typeAttrOr("T", 1),
                            Shapes.broadcast(c.shape(0), Shapes.broadcast(c.shape(1), c.shape(2), true), true));
            default -> null;
        };
    }

    /** The input's shape for types of one width; a last dim of the ratio added (narrower) or taken (wider). */
    private static List<TensorType> bitcast(NodeContext c) {
        DataType target = c.attrs().type("type");
        int from = DTypes.byteSize(c.typeAttrOr("T", 0));
        int to = DTypes.byteSize(target);
        PartialShape x = c.shape(0);
        if (from == to || !x.hasRank()) {
            return one(target, from == to ? x : PartialShape.unknownRank());
        }
        long[] dims = x.dims();
        if (from > to) {
            long[] wider = Arrays.copyOf(dims, dims.length + 1);
            wider[dims.length] = from / to;
            return one(target, PartialShape.of(wider));
        }
        long last = dims.length == 0 ? 0 : dims[dims.length - 1];
        if (last != to / from && last != PartialShape.UNKNOWN_DIM) {
            throw new CannotInfer("reads a last dim of " + last + " as " + target + "; TensorFlow requires "
                    + to / from);
        }
        return one(target, PartialShape.of(Arrays.copyOf(dims, dims.length - 1)));
    }

    private static PartialShape broadcast(NodeContext c, boolean strict) {
        return Shapes.broadcast(c.shape(0), c.shape(1), strict);
    }

    /** The input's shape with its channel dim (last, or 1 for NCHW) merged with the bias length. */
    private static List<TensorType> biasAdd(NodeContext c) {
        boolean nchw = c.attrs().string("data_format", "NHWC").equals("NCHW");
        PartialShape input = Shapes.withRankAtLeast(c.shape(0), nchw ? 3 : 2);
        long bias = Shapes.withRank(c.shape(1), 1).dim(0);
        if (!input.hasRank()) {
            return one(c.typeAttrOr("T", 0), input);
        }
        int channel = nchw ? 1 : input.rank() - 1;
        return one(c.typeAttrOr("T", 0), Shapes.replaceDim(input, channel, Shapes.mergeDim(input.dim(channel), bias)));
    }

    /** The shape of x, which must be y's: TensorFlow does not broadcast here. */
    private static List<TensorType> approximateEqual(NodeContext c) {
        Shapes.merge(c.shape(0), c.shape(1));
        return one(DataType.DT_BOOL, c.shape(0));
    }

    private static List<TensorType> addN(NodeContext c) {
        PartialShape merged = c.shape(c.inputCount() - 1);
        for (int i = c.inputCount() - 2; i >= 0; i--) {
            merged = Shapes.merge(c.shape(i), merged);
        }
        return one(c.typeAttrOr("T", 0), merged);
    }

    /**
     * Select (v1): {@code then} and {@code else} have the same shape; the condition is a scalar, has that shape too,
     * or is a vector over the first dim.
     */
    private static List<TensorType> select(NodeContext c) {
        PartialShape data = Shapes.merge(c.shape(1), c.shape(2));
        PartialShape cond = c.shape(0);
        if (cond.hasRank() && data.hasRank() && cond.rank() != 0 && (cond.rank() != 1 || data.rank() == 0)) {
            data = Shapes.merge(data, cond);
        } else if (cond.rank() == 1 && data.hasRank()) {
            Shapes.mergeDim(cond.dim(0), data.dim(0));
        }
        return one(c.typeAttrOr("T", 1), data);
    }

    /** RGBToHSV, HSVToRGB: the images' shape, rank 1 or more, its last dim 3. */
    private static List<TensorType> colorspace(NodeContext c) {
        PartialShape images = Shapes.withRankAtLeast(c.shape(0), 1);
        if (!images.hasRank()) {
            return one(c.typeAttrOr("T", 0), images);
        }
        long[] dims = images.dims();
        dims[dims.length - 1] = Shapes.mergeDim(dims[dims.length - 1], 3);
        return one(c.typeAttrOr("T", 0), PartialShape.of(dims));
    }
}
