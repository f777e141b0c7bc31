package dev.tfir.convert.translate.op;

import static dev.tfir.convert.translate.op.BinaryTranslators.binary;
import static dev.tfir.convert.translate.op.ReduceTranslators.reduction;
import static dev.tfir.convert.translate.op.UnaryTranslators.unary;

import dev.tfir.convert.translate.TranslatorRegistry;

/**
 * Every TensorFlow op type convert translates, one line each, as OpenVINO's TF frontend lists them in
 * {@code op_table.cpp}: the minimum number of data inputs, the translator, the op type. Adding an op is a line here
 * and a translator function.
 */
public final class OpTable {
    private OpTable() {}

    /** The registry of every translator tfir has. */
    public static TranslatorRegistry standard() {
        return new TranslatorRegistry()
                // sources
                .add(0, SourceTranslators::constant, "Const")
                .add(0, SourceTranslators::placeholder, "Placeholder")
                .add(1, IdentityTranslators::first, "PlaceholderWithDefault")
                // pass-through
                .add(1, IdentityTranslators::first, "Identity")
                .add(0, IdentityTranslators::all, "IdentityN")
                .add(1, IdentityTranslators::first, "StopGradient")
                .add(1, IdentityTranslators::first, "Snapshot")
                .add(1, IdentityTranslators::first, "PreventGradient")
                .add(1, IdentityTranslators::first, "CheckNumerics")
                .add(1, IdentityTranslators::first, "EnsureShape")
                // elementwise, one input
                .add(1, unary("ReLU", "opset1"), "Relu")
                .add(1, UnaryTranslators::relu6, "Relu6")
                .add(1, UnaryTranslators::leakyRelu, "LeakyRelu")
                .add(1, unary("Sigmoid", "opset1"), "Sigmoid")
                .add(1, unary("Tanh", "opset1"), "Tanh")
                .add(1, unary("Exp", "opset1"), "Exp")
                .add(1, unary("Log", "opset1"), "Log")
                .add(1, unary("Sqrt", "opset1"), "Sqrt")
                .add(1, UnaryTranslators::rsqrt, "Rsqrt")
                .add(1, UnaryTranslators::square, "Square")
                .add(1, unary("Abs", "opset1"), "Abs")
                .add(1, unary("Negative", "opset1"), "Neg")
                .add(1, unary("Floor", "opset1"), "Floor")
                .add(1, unary("Ceiling", "opset1"), "Ceil")
                .add(1, unary("Erf", "opset1"), "Erf")
                .add(1, unary("SoftPlus", "opset4"), "Softplus")
                .add(1, unary("SoftSign", "opset9"), "Softsign")
                .add(1, UnaryTranslators::elu, "Elu")
                .add(1, UnaryTranslators::selu, "Selu")
                .add(1, UnaryTranslators::round, "Round")
                .add(1, UnaryTranslators::reciprocal, "Reciprocal")
                .add(1, UnaryTranslators::reciprocal, "Inv")
                .add(1, unary("Sign", "opset1"), "Sign")
                .add(1, unary("Cos", "opset1"), "Cos")
                .add(1, unary("Sin", "opset1"), "Sin")
                .add(1, unary("Tan", "opset1"), "Tan")
                .add(1, unary("Acos", "opset1"), "Acos")
                .add(1, unary("Asin", "opset1"), "Asin")
                .add(1, unary("Atan", "opset1"), "Atan")
                .add(1, unary("Cosh", "opset1"), "Cosh")
                .add(1, unary("Sinh", "opset1"), "Sinh")
                .add(1, unary("Acosh", "opset4"), "Acosh")
                .add(1, unary("Asinh", "opset4"), "Asinh")
                .add(1, unary("Atanh", "opset4"), "Atanh")
                .add(1, unary("LogicalNot", "opset1"), "LogicalNot")
                .add(1, ShapeTranslators::cast, "Cast")
                // elementwise, two or more inputs
                .add(2, binary("Add"), "Add")
                .add(2, binary("Add"), "AddV2")
                .add(1, BinaryTranslators::addN, "AddN")
                .add(2, binary("Subtract"), "Sub")
                .add(2, binary("Multiply"), "Mul")
                .add(2, binary("Divide"), "RealDiv")
                .add(2, binary("Maximum"), "Maximum")
                .add(2, binary("Minimum"), "Minimum")
                .add(2, binary("Power"), "Pow")
                .add(2, binary("SquaredDifference"), "SquaredDifference")
                .add(2, binary("Less"), "Less")
                .add(2, binary("Greater"), "Greater")
                .add(2, binary("Equal"), "Equal")
                .add(2, binary("LessEqual"), "LessEqual")
                .add(2, binary("GreaterEqual"), "GreaterEqual")
                .add(2, binary("NotEqual"), "NotEqual")
                .add(2, binary("LogicalAnd"), "LogicalAnd")
                .add(2, binary("LogicalOr"), "LogicalOr")
                .add(2, BinaryTranslators::floorDiv, "FloorDiv")
                .add(2, binary("FloorMod"), "FloorMod")
                .add(3, SelectTranslators::select, "Select")
                .add(3, SelectTranslators::selectV2, "SelectV2")
                .add(2, BinaryTranslators::biasAdd, "BiasAdd")
                // windows
                .add(2, ConvTranslators::conv2d, "Conv2D")
                .add(2, ConvTranslators::depthwise, "DepthwiseConv2dNative")
                .add(3, ConvTranslators::conv2dBackpropInput, "Conv2DBackpropInput")
                .add(1, PoolTranslators::maxPool, "MaxPool")
                .add(1, PoolTranslators::avgPool, "AvgPool")
                .add(3, SpaceBatchTranslators::spaceToBatch, "SpaceToBatchND")
                .add(3, SpaceBatchTranslators::batchToSpace, "BatchToSpaceND")
                .add(1, SpaceBatchTranslators::depthToSpace, "DepthToSpace")
                .add(1, SpaceBatchTranslators::spaceToDepth, "SpaceToDepth")
                .add(2, ResizeTranslators::nearest, "ResizeNearestNeighbor")
                .add(2, ResizeTranslators::bilinear, "ResizeBilinear")
                // normalization, matrices
                .add(5, BatchNormTranslator::fusedBatchNorm, "FusedBatchNorm")
                .add(5, BatchNormTranslator::fusedBatchNorm, "FusedBatchNormV2")
                .add(5, BatchNormTranslator::fusedBatchNorm, "FusedBatchNormV3")
                .add(1, ReduceTranslators::softmax, "Softmax")
                .add(1, ReduceTranslators::logSoftmax, "LogSoftmax")
                .add(2, MatMulTranslator::matMul, "MatMul")
                .add(2, MatMulTranslator::batchMatMul, "BatchMatMul")
                .add(2, MatMulTranslator::batchMatMul, "BatchMatMulV2")
                .add(2, MatMulTranslator::batchMatMul, "BatchMatMulV3")
                // along axes
                .add(2, reduction("ReduceMean"), "Mean")
                .add(2, reduction("ReduceSum"), "Sum")
                .add(2, reduction("ReduceMax"), "Max")
                .add(2, reduction("ReduceMin"), "Min")
                .add(2, reduction("ReduceProd"), "Prod")
                .add(2, ReduceTranslators::argMax, "ArgMax")
                .add(2, ReduceTranslators::argMin, "ArgMin")
                .add(2, reduction("ReduceLogicalAnd"), "All")
                .add(2, reduction("ReduceLogicalOr"), "Any")
                .add(2, ReduceTranslators::cumsum, "Cumsum")
                // shapes
                .add(1, ShapeTranslators::shape, "Shape")
                .add(1, ShapeTranslators::size, "Size")
                .add(2, ShapeTranslators::reshape, "Reshape")
                .add(1, ShapeTranslators::squeeze, "Squeeze")
                .add(2, ShapeTranslators::expandDims, "ExpandDims")
                .add(2, ShapeTranslators::transpose, "Transpose")
                .add(4, ShapeTranslators::stridedSlice, "StridedSlice")
                .add(2, FillTranslators::fill, "Fill")
                .add(3, FillTranslators::range, "Range")
                .add(2, FillTranslators::tile, "Tile")
                // joining, splitting, padding
                .add(2, ArrayTranslators::concat, "ConcatV2")
                .add(1, ArrayTranslators::pack, "Pack")
                .add(2, SplitTranslators::split, "Split")
                .add(3, SplitTranslators::splitV, "SplitV")
                .add(1, SplitTranslators::unpack, "Unpack")
                .add(3, ArrayTranslators::gather, "GatherV2")
                .add(2, ArrayTranslators::pad, "Pad")
                .add(3, ArrayTranslators::padV2, "PadV2")
                .add(2, ArrayTranslators::mirrorPad, "MirrorPad")
                // by index
                .add(2, IndexTranslators::gatherNd, "GatherNd")
                .add(4, IndexTranslators::oneHot, "OneHot")
                .add(2, IndexTranslators::topK, "TopKV2")
                .add(2, IndexTranslators::reverse, "ReverseV2");
    }
}
