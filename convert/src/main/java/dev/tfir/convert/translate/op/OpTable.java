package dev.tfir.convert.translate.op;

import static dev.tfir.convert.translate.TranslatorRegistry.Entry.of;
import static dev.tfir.convert.translate.TranslatorRegistry.Entry.structural;
import static dev.tfir.convert.translate.TranslatorRegistry.Entry.takingComplex;
import static dev.tfir.convert.translate.op.BinaryTranslators.binary;
import static dev.tfir.convert.translate.op.ReduceTranslators.reduction;
import static dev.tfir.convert.translate.op.UnaryTranslators.unary;

import dev.tfir.convert.translate.TranslatorRegistry;
import dev.tfir.convert.translate.TranslatorRegistry.Entry;
import java.util.ArrayList;
import java.util.List;

/**
 * Every TensorFlow op type convert translates, one line each, as OpenVINO's TF frontend lists them in
 * {@code op_table.cpp}: the op type, the minimum number of data inputs and the translator ({@code takingComplex}: its
 * translator also takes complex tensors). The op types handled before translation, or left out with the control
 * edges they sit on, are named here too (with why a node of them left for translation cannot be translated), so that
 * {@code convert --list-ops} lists everything convert handles. Adding an op is its name in {@link OpType} and its
 * line here, and a translator function; the compiler holds the two to each other (the switch must cover every name,
 * and can have no other). A switch, not a map filled at start-up: a line's translator is linked when a model has
 * the op type.
 */
public final class OpTable {
    private OpTable() {}

    /** The op types of the table, as TensorFlow names them. */
    private enum OpType {
        Abs, Acos, Acosh, Add, AddN, AddV2, AdjustContrastv2, AdjustHue, AdjustSaturation, All, Angle, Any,
        ApproximateEqual, ArgMax, ArgMin, Asin, Asinh, Assert, Atan, Atan2, Atanh, AvgPool, AvgPool3D, BatchMatMul,
        BatchMatMulV2, BatchMatMulV3, BatchToSpaceND, BiasAdd, BiasAddV1, Bincount, Bitcast, BitwiseAnd, BitwiseOr,
        BitwiseXor, BlockLSTM, BlockLSTMV2, BroadcastArgs, BroadcastTo, Bucketize, CTCGreedyDecoder, Cast, Ceil,
        CheckNumerics, CheckNumericsV2, ClipByValue, CombinedNonMaxSuppression, Complex, ComplexAbs, Concat, ConcatV2,
        Conj, ConjugateTranspose, Const, Conv2D, Conv2DBackpropInput, Conv3D, Conv3DBackpropInputV2, Cos, Cosh,
        CropAndResize, Cross, Cumsum, DenseBincount, DepthToSpace, DepthwiseConv2dNative, Diag, DiagPart, Div,
        DivNoNan, DrawBoundingBoxes, DrawBoundingBoxesV2, DynamicPartition, DynamicStitch, Einsum, Elu, EnsureShape,
        Equal, Erf, Erfc, EuclideanNorm, Exp, ExpandDims, Expm1, ExtractImagePatches, FFT, FFT2D, FFT3D,
        FakeQuantWithMinMaxArgs, FakeQuantWithMinMaxVars, FakeQuantWithMinMaxVarsPerChannel, Fill, Floor, FloorDiv,
        FloorMod, FusedBatchNorm, FusedBatchNormV2, FusedBatchNormV3, GRUBlockCell, Gather, GatherNd, GatherV2,
        Greater, GreaterEqual, GuaranteeConst, HSVToRGB, IFFT, IFFT2D, IFFT3D, IRFFT, IRFFT2D, IRFFT3D, Identity,
        IdentityN, If, Imag, InTopK, InTopKV2, Inv, Invert, InvertPermutation, IsFinite, IsInf, IsNan, L2Loss, LRN,
        LSTMBlockCell, LeakyRelu, LeftShift, Less, LessEqual, LinSpace, ListDiff, Log, Log1p, LogSoftmax, LogicalAnd,
        LogicalNot, LogicalOr, MatMul, MatrixBandPart, MatrixDiag, MatrixDiagPart, MatrixDiagPartV2, MatrixDiagPartV3,
        MatrixDiagV2, MatrixDiagV3, MatrixInverse, MatrixSetDiag, MatrixSetDiagV2, MatrixSetDiagV3, Max, MaxPool,
        MaxPool3D, MaxPoolV2, MaxPoolWithArgmax, Maximum, Mean, Merge, Min, Minimum, MirrorPad, Mod, Mul, MulNoNan,
        Neg, NoOp, NonMaxSuppression, NonMaxSuppressionV2, NonMaxSuppressionV3, NonMaxSuppressionV4,
        NonMaxSuppressionV5, NotEqual, OneHot, OnesLike, Pack, Pad, PadV2, ParallelDynamicStitch, PartitionedCall,
        Placeholder, PlaceholderWithDefault, Pow, PreventGradient, Print, PrintV2, Prod, RFFT, RFFT2D, RFFT3D,
        RGBToHSV, RandomUniform, RandomUniformInt, Range, Rank, ReadVariableOp, Real, RealDiv, Reciprocal, Relu, Relu6,
        Reshape, ResizeArea, ResizeBicubic, ResizeBilinear, ResizeNearestNeighbor, ResourceGather, Reverse,
        ReverseSequence, ReverseV2, RightShift, Rint, Roll, Round, Rsqrt, ScatterNd, SegmentMax, SegmentMean,
        SegmentMin, SegmentProd, SegmentSum, Select, SelectV2, Selu, Shape, ShapeN, Sigmoid, Sign, Sin, Sinh, Size,
        Slice, Snapshot, Softmax, Softplus, Softsign, SpaceToBatchND, SpaceToDepth, SparseFillEmptyRows, SparseReshape,
        SparseSegmentMean, SparseSegmentMeanWithNumSegments, SparseSegmentSqrtN, SparseSegmentSqrtNWithNumSegments,
        SparseSegmentSum, SparseSegmentSumWithNumSegments, SparseTensorDenseAdd, SparseTensorDenseMatMul,
        SparseToDense, Split, SplitV, Sqrt, Square, SquaredDifference, Squeeze, StatefulPartitionedCall, StatelessIf,
        StatelessWhile, StopGradient, StridedSlice, Sub, Sum, Switch, Tan, Tanh, TensorListConcat, TensorListConcatV2,
        TensorListElementShape, TensorListFromTensor, TensorListGetItem, TensorListLength, TensorListReserve,
        TensorListSetItem, TensorListStack, TensorScatterAdd, TensorScatterMax, TensorScatterMin, TensorScatterSub,
        TensorScatterUpdate, Tile, ToBool, TopKV2, Transpose, TruncateDiv, TruncateMod, Unique, UniqueWithCounts,
        Unpack, UnravelIndex, UnsortedSegmentMax, UnsortedSegmentMin, UnsortedSegmentProd, UnsortedSegmentSum,
        VarHandleOp, VariableV2, Where, While, Xdivy, Xlog1py, Xlogy, ZerosLike
    }

    /** The registry of every translator tfir has. */
    public static TranslatorRegistry standard() {
        List<String> opTypes = new ArrayList<>();
        for (OpType opType : OpType.values()) {
            opTypes.add(opType.name());
        }
        return new TranslatorRegistry(opTypes, opType -> entry(OpType.valueOf(opType)));
    }

    private static Entry entry(OpType opType) {
        return switch (opType) {
            // sources
            case Const -> of(0, SourceTranslators::constant);
            case Placeholder -> of(0, SourceTranslators::placeholder);
            case PlaceholderWithDefault -> of(1, IdentityTranslators::first);
            // handled when the model is read (inlined, frozen), or left out with their control edges
            case VariableV2, VarHandleOp, ReadVariableOp -> structural(
                    "the graph has variables, so it is not frozen: give their checkpoint with --input_checkpoint");
            case PartitionedCall, StatefulPartitionedCall -> structural(
                    "function calls are inlined when the model is read, and this one was not");
            case NoOp, Assert, PrintV2 -> structural(
                    "NoOp, Assert and PrintV2 give no value: convert drops them with the control edges that run "
                            + "them, so they can be no model output");
            // pass-through
            case Identity -> takingComplex(1, IdentityTranslators::first);
            case IdentityN -> takingComplex(0, IdentityTranslators::all);
            case StopGradient -> takingComplex(1, IdentityTranslators::first);
            case Snapshot -> takingComplex(1, IdentityTranslators::first);
            case PreventGradient -> takingComplex(1, IdentityTranslators::first);
            case CheckNumerics -> of(1, IdentityTranslators::first);
            case EnsureShape -> takingComplex(1, IdentityTranslators::first);
            case CheckNumericsV2 -> of(1, IdentityTranslators::first);
            case GuaranteeConst -> of(1, IdentityTranslators::first);
            case Print -> of(1, IdentityTranslators::first);
            // TF1 conditionals (resolved by the session's ConditionalFlow)
            case Switch -> of(2, ConditionalTranslators::switchOp);
            case Merge -> of(1, ConditionalTranslators::merge);
            // elementwise, one input
            case Relu -> of(1, unary("ReLU", "opset1"));
            case Relu6 -> of(1, UnaryTranslators::relu6);
            case LeakyRelu -> of(1, UnaryTranslators::leakyRelu);
            case Sigmoid -> of(1, unary("Sigmoid", "opset1"));
            case Tanh -> of(1, unary("Tanh", "opset1"));
            case Exp -> of(1, unary("Exp", "opset1"));
            case Log -> of(1, unary("Log", "opset1"));
            case Sqrt -> of(1, unary("Sqrt", "opset1"));
            case Rsqrt -> of(1, UnaryTranslators::rsqrt);
            case Square -> of(1, UnaryTranslators::square);
            case Abs -> of(1, unary("Abs", "opset1"));
            case Neg -> of(1, unary("Negative", "opset1"));
            case Floor -> of(1, unary("Floor", "opset1"));
            case Ceil -> of(1, unary("Ceiling", "opset1"));
            case Erf -> of(1, unary("Erf", "opset1"));
            case Softplus -> of(1, unary("SoftPlus", "opset4"));
            case Softsign -> of(1, unary("SoftSign", "opset9"));
            case Elu -> of(1, UnaryTranslators::elu);
            case Selu -> of(1, UnaryTranslators::selu);
            case Round -> of(1, UnaryTranslators::round);
            case Reciprocal -> of(1, UnaryTranslators::reciprocal);
            case Inv -> of(1, UnaryTranslators::reciprocal);
            case Sign -> of(1, unary("Sign", "opset1"));
            case Cos -> of(1, unary("Cos", "opset1"));
            case Sin -> of(1, unary("Sin", "opset1"));
            case Tan -> of(1, unary("Tan", "opset1"));
            case Acos -> of(1, unary("Acos", "opset1"));
            case Asin -> of(1, unary("Asin", "opset1"));
            case Atan -> of(1, unary("Atan", "opset1"));
            case Cosh -> of(1, unary("Cosh", "opset1"));
            case Sinh -> of(1, unary("Sinh", "opset1"));
            case Acosh -> of(1, unary("Acosh", "opset4"));
            case Asinh -> of(1, unary("Asinh", "opset4"));
            case Atanh -> of(1, unary("Atanh", "opset4"));
            case LogicalNot -> of(1, unary("LogicalNot", "opset1"));
            case Invert -> of(1, unary("BitwiseNot", "opset13"));
            case Expm1 -> of(1, UnaryTranslators::expm1);
            case Log1p -> of(1, UnaryTranslators::log1p);
            case IsNan -> of(1, UnaryTranslators.classify("IsNaN"));
            case IsInf -> of(1, UnaryTranslators.classify("IsInf"));
            case IsFinite -> of(1, UnaryTranslators.classify("IsFinite"));
            case ClipByValue -> of(3, UnaryTranslators::clipByValue);
            case Bucketize -> of(1, UnaryTranslators::bucketize);
            case Cast -> takingComplex(1, ShapeTranslators::cast);
            case Bitcast -> of(1, ShapeTranslators::bitcast);
            // elementwise, two or more inputs
            case Add -> of(2, binary("Add"));
            case AddV2 -> of(2, binary("Add"));
            case AddN -> of(1, BinaryTranslators::addN);
            case Sub -> of(2, binary("Subtract"));
            case Mul -> of(2, binary("Multiply"));
            case RealDiv -> of(2, binary("Divide"));
            case Maximum -> of(2, binary("Maximum"));
            case Minimum -> of(2, binary("Minimum"));
            case Pow -> of(2, binary("Power"));
            case SquaredDifference -> of(2, binary("SquaredDifference"));
            case Less -> of(2, binary("Less"));
            case Greater -> of(2, binary("Greater"));
            case Equal -> of(2, binary("Equal"));
            case LessEqual -> of(2, binary("LessEqual"));
            case GreaterEqual -> of(2, binary("GreaterEqual"));
            case NotEqual -> of(2, binary("NotEqual"));
            case LogicalAnd -> of(2, binary("LogicalAnd"));
            case LogicalOr -> of(2, binary("LogicalOr"));
            case BitwiseAnd -> of(2, binary("BitwiseAnd"));
            case BitwiseOr -> of(2, binary("BitwiseOr"));
            case BitwiseXor -> of(2, binary("BitwiseXor"));
            case LeftShift -> of(2, binary("BitwiseLeftShift"));
            case RightShift -> of(2, binary("BitwiseRightShift"));
            case FloorDiv -> of(2, BinaryTranslators::floorDiv);
            case FloorMod -> of(2, binary("FloorMod"));
            case Select -> of(3, SelectTranslators::select);
            case SelectV2 -> of(3, SelectTranslators::selectV2);
            case MatrixBandPart -> of(3, SelectTranslators::matrixBandPart);
            case MatrixDiag -> of(1, SelectTranslators::matrixDiag);
            case MatrixDiagV2 -> of(5, SelectTranslators::matrixDiag);
            case MatrixDiagV3 -> of(5, SelectTranslators::matrixDiag);
            case MatrixDiagPart -> of(1, MatrixTranslators::matrixDiagPart);
            case MatrixDiagPartV2 -> of(3, MatrixTranslators.atMainDiagonal(MatrixTranslators::matrixDiagPart, 1));
            case MatrixDiagPartV3 -> of(3, MatrixTranslators.atMainDiagonal(MatrixTranslators::matrixDiagPart, 1));
            case MatrixSetDiag -> of(2, MatrixTranslators::matrixSetDiag);
            case MatrixSetDiagV2 -> of(3, MatrixTranslators.atMainDiagonal(MatrixTranslators::matrixSetDiag, 2));
            case MatrixSetDiagV3 -> of(3, MatrixTranslators.atMainDiagonal(MatrixTranslators::matrixSetDiag, 2));
            case Diag -> of(1, MatrixTranslators::diag);
            case DiagPart -> of(1, MatrixTranslators::diagPart);
            case MatrixInverse -> of(1, MatrixTranslators::matrixInverse);
            // fused RNN cells
            case LSTMBlockCell -> of(8, RnnBlockTranslators::cell);
            case BlockLSTM -> of(9, RnnBlockTranslators::blockLstm);
            case BlockLSTMV2 -> of(9, RnnBlockTranslators::blockLstmV2);
            case GRUBlockCell -> of(6, RnnBlockTranslators::gruCell);
            case BiasAdd -> of(2, BinaryTranslators::biasAdd);
            // elementwise math built from several ops
            case BiasAddV1 -> of(2, BinaryTranslators::biasAdd);
            case Rint -> of(1, UnaryTranslators::round);
            case Erfc -> of(1, ArithmeticTranslators::erfc);
            case Div -> of(2, ArithmeticTranslators::div);
            case TruncateDiv -> of(2, ArithmeticTranslators::truncateDiv);
            case Mod -> of(2, binary("Mod"));
            case TruncateMod -> of(2, binary("Mod"));
            case DivNoNan -> of(2, ArithmeticTranslators::divNoNan);
            case MulNoNan -> of(2, ArithmeticTranslators::mulNoNan);
            case Xlogy -> of(2, ArithmeticTranslators::xlogy);
            case Xlog1py -> of(2, ArithmeticTranslators::xlog1py);
            case Xdivy -> of(2, ArithmeticTranslators::xdivy);
            case Atan2 -> of(2, ArithmeticTranslators::atan2);
            case ApproximateEqual -> of(2, ArithmeticTranslators::approximateEqual);
            case EuclideanNorm -> of(2, ArithmeticTranslators::euclideanNorm);
            case Cross -> of(2, ArithmeticTranslators::cross);
            case L2Loss -> of(1, ArithmeticTranslators::l2Loss);
            case FakeQuantWithMinMaxArgs -> of(1, FakeQuantTranslators::withMinMaxArgs);
            case FakeQuantWithMinMaxVars -> of(3, FakeQuantTranslators::withMinMaxVars);
            case FakeQuantWithMinMaxVarsPerChannel -> of(3, FakeQuantTranslators::withMinMaxVarsPerChannel);
            // windows
            case Conv2D -> of(2, ConvTranslators::conv2d);
            case DepthwiseConv2dNative -> of(2, ConvTranslators::depthwise);
            case Conv2DBackpropInput -> of(3, ConvTranslators::conv2dBackpropInput);
            case Conv3D -> of(2, Conv3dTranslators::conv3d);
            case Conv3DBackpropInputV2 -> of(3, Conv3dTranslators::conv3dBackpropInput);
            case MaxPool -> of(1, PoolTranslators::maxPool);
            case MaxPoolV2 -> of(3, PoolTranslators::maxPoolV2);
            case MaxPoolWithArgmax -> of(1, PoolTranslators::maxPoolWithArgmax);
            case AvgPool -> of(1, PoolTranslators::avgPool);
            case MaxPool3D -> of(1, Conv3dTranslators::maxPool3d);
            case AvgPool3D -> of(1, Conv3dTranslators::avgPool3d);
            case SpaceToBatchND -> of(3, SpaceBatchTranslators::spaceToBatch);
            case BatchToSpaceND -> of(3, SpaceBatchTranslators::batchToSpace);
            case DepthToSpace -> of(1, SpaceBatchTranslators::depthToSpace);
            case SpaceToDepth -> of(1, SpaceBatchTranslators::spaceToDepth);
            case ExtractImagePatches -> of(1, SpaceBatchTranslators::extractImagePatches);
            case ResizeNearestNeighbor -> of(2, ResizeTranslators::nearest);
            case ResizeBilinear -> of(2, ResizeTranslators::bilinear);
            case ResizeBicubic -> of(2, ResizeTranslators::bicubic);
            case ResizeArea -> of(2, ResizeTranslators::area);
            case CropAndResize -> of(4, ResizeTranslators::cropAndResize);
            // normalization, matrices
            case FusedBatchNorm -> of(5, BatchNormTranslator::fusedBatchNorm);
            case FusedBatchNormV2 -> of(5, BatchNormTranslator::fusedBatchNorm);
            case FusedBatchNormV3 -> of(5, BatchNormTranslator::fusedBatchNorm);
            case Softmax -> of(1, ReduceTranslators::softmax);
            case LogSoftmax -> of(1, ReduceTranslators::logSoftmax);
            case LRN -> of(1, ReduceTranslators::lrn);
            case AdjustContrastv2 -> of(2, ReduceTranslators::adjustContrast);
            case RGBToHSV -> of(1, ColorTranslators::rgbToHsv);
            case HSVToRGB -> of(1, ColorTranslators::hsvToRgb);
            case AdjustSaturation -> of(2, ColorTranslators::adjustSaturation);
            case AdjustHue -> of(2, ColorTranslators::adjustHue);
            case MatMul -> of(2, MatMulTranslator::matMul);
            case BatchMatMul -> of(2, MatMulTranslator::batchMatMul);
            case BatchMatMulV2 -> of(2, MatMulTranslator::batchMatMul);
            case BatchMatMulV3 -> of(2, MatMulTranslator::batchMatMul);
            case Einsum -> of(1, MatMulTranslator::einsum);
            // Fourier transforms, complex numbers
            case RFFT -> of(2, FourierTranslators.rfft(1));
            case RFFT2D -> of(2, FourierTranslators.rfft(2));
            case RFFT3D -> of(2, FourierTranslators.rfft(3));
            case IRFFT -> takingComplex(2, FourierTranslators.irfft(1));
            case IRFFT2D -> takingComplex(2, FourierTranslators.irfft(2));
            case IRFFT3D -> takingComplex(2, FourierTranslators.irfft(3));
            case FFT -> takingComplex(1, FourierTranslators.fft(1, false));
            case FFT2D -> takingComplex(1, FourierTranslators.fft(2, false));
            case FFT3D -> takingComplex(1, FourierTranslators.fft(3, false));
            case IFFT -> takingComplex(1, FourierTranslators.fft(1, true));
            case IFFT2D -> takingComplex(1, FourierTranslators.fft(2, true));
            case IFFT3D -> takingComplex(1, FourierTranslators.fft(3, true));
            case Complex -> of(2, FourierTranslators::complex);
            case Real -> takingComplex(1, FourierTranslators::real);
            case Imag -> takingComplex(1, FourierTranslators::imag);
            case ComplexAbs -> takingComplex(1, FourierTranslators::complexAbs);
            case Angle -> takingComplex(1, FourierTranslators::angle);
            case Conj -> takingComplex(1, FourierTranslators::conj);
            case ConjugateTranspose -> takingComplex(2, FourierTranslators::conjugateTranspose);
            // detection post-processing
            case NonMaxSuppression -> of(3, DetectionTranslators::nonMaxSuppression);
            case NonMaxSuppressionV2 -> of(4, DetectionTranslators::nonMaxSuppression);
            case NonMaxSuppressionV3 -> of(5, DetectionTranslators::nonMaxSuppression);
            case NonMaxSuppressionV4 -> of(5, DetectionTranslators::nonMaxSuppression);
            case NonMaxSuppressionV5 -> of(6, DetectionTranslators::nonMaxSuppression);
            case CombinedNonMaxSuppression -> of(6, DetectionTranslators::combinedNonMaxSuppression);
            case CTCGreedyDecoder -> of(2, CtcTranslators::greedyDecoder);
            case DrawBoundingBoxes -> of(2, BoxDrawingTranslator::drawBoundingBoxes);
            case DrawBoundingBoxesV2 -> of(3, BoxDrawingTranslator::drawBoundingBoxes);
            // along axes
            case Mean -> of(2, reduction("ReduceMean"));
            case Sum -> of(2, reduction("ReduceSum"));
            case Max -> of(2, reduction("ReduceMax"));
            case Min -> of(2, reduction("ReduceMin"));
            case Prod -> of(2, reduction("ReduceProd"));
            case ArgMax -> of(2, ReduceTranslators::argMax);
            case ArgMin -> of(2, ReduceTranslators::argMin);
            case All -> of(2, reduction("ReduceLogicalAnd"));
            case Any -> of(2, reduction("ReduceLogicalOr"));
            case Cumsum -> of(2, ReduceTranslators::cumsum);
            case UnsortedSegmentSum -> of(3, SegmentTranslators.unsorted("sum"));
            case UnsortedSegmentProd -> of(3, SegmentTranslators.unsorted("prod"));
            case UnsortedSegmentMax -> of(3, SegmentTranslators.unsorted("max"));
            case UnsortedSegmentMin -> of(3, SegmentTranslators.unsorted("min"));
            case SegmentSum -> of(2, SegmentTranslators.sorted("sum"));
            case SegmentProd -> of(2, SegmentTranslators.sorted("prod"));
            case SegmentMax -> of(2, SegmentTranslators.sorted("max"));
            case SegmentMin -> of(2, SegmentTranslators.sorted("min"));
            case SegmentMean -> of(2, SegmentTranslators.sorted("mean"));
            case SparseSegmentSum -> of(3, SegmentTranslators.sparse("sum", false));
            case SparseSegmentMean -> of(3, SegmentTranslators.sparse("mean", false));
            case SparseSegmentSqrtN -> of(3, SegmentTranslators.sparse("sqrtn", false));
            case SparseSegmentSumWithNumSegments -> of(4, SegmentTranslators.sparse("sum", true));
            case SparseSegmentMeanWithNumSegments -> of(4, SegmentTranslators.sparse("mean", true));
            case SparseSegmentSqrtNWithNumSegments -> of(4, SegmentTranslators.sparse("sqrtn", true));
            case Bincount -> of(3, SegmentTranslators.bincount(false));
            case DenseBincount -> of(3, SegmentTranslators.bincount(true));
            // shapes
            case Shape -> of(1, ShapeTranslators::shape);
            case Size -> of(1, ShapeTranslators::size);
            case ShapeN -> of(1, ShapeTranslators::shapeN);
            case Slice -> of(3, ShapeTranslators::slice);
            case ToBool -> of(1, ShapeTranslators::toBool);
            case Reshape -> of(2, ShapeTranslators::reshape);
            case Squeeze -> of(1, ShapeTranslators::squeeze);
            case ExpandDims -> of(2, ShapeTranslators::expandDims);
            case Transpose -> of(2, ShapeTranslators::transpose);
            case StridedSlice -> of(4, ShapeTranslators::stridedSlice);
            case Fill -> of(2, FillTranslators::fill);
            case ZerosLike -> of(1, FillTranslators::zerosLike);
            case OnesLike -> of(1, FillTranslators::onesLike);
            case Rank -> of(1, FillTranslators::rank);
            case Range -> of(3, FillTranslators::range);
            case LinSpace -> of(3, FillTranslators::linSpace);
            case RandomUniform -> of(1, FillTranslators::randomUniform);
            case RandomUniformInt -> of(3, FillTranslators::randomUniformInt);
            case Tile -> of(2, FillTranslators::tile);
            case BroadcastTo -> of(2, FillTranslators::broadcastTo);
            case BroadcastArgs -> of(2, FillTranslators::broadcastArgs);
            // joining, splitting, padding
            case ConcatV2 -> of(2, ArrayTranslators::concat);
            case Concat -> of(2, ArrayTranslators::concatAxisFirst);
            case Pack -> of(1, ArrayTranslators::pack);
            case Split -> of(2, SplitTranslators::split);
            case SplitV -> of(3, SplitTranslators::splitV);
            case Unpack -> of(1, SplitTranslators::unpack);
            case GatherV2 -> of(3, ArrayTranslators::gather);
            case ResourceGather -> of(2, ArrayTranslators::resourceGather);
            case Gather -> of(2, ArrayTranslators::gatherV1);
            case Pad -> takingComplex(2, ArrayTranslators::pad);
            case PadV2 -> of(3, ArrayTranslators::padV2);
            case MirrorPad -> takingComplex(2, ArrayTranslators::mirrorPad);
            case DynamicStitch -> of(2, StitchTranslators::stitch);
            case ParallelDynamicStitch -> of(2, StitchTranslators::stitch);
            case DynamicPartition -> of(2, StitchTranslators::partition);
            // by index
            case GatherNd -> of(2, IndexTranslators::gatherNd);
            case OneHot -> of(4, IndexTranslators::oneHot);
            case TopKV2 -> of(2, IndexTranslators::topK);
            case ReverseV2 -> of(2, IndexTranslators::reverse);
            case Where -> of(1, ScatterTranslators::where);
            case ScatterNd -> of(3, ScatterTranslators::scatterNd);
            case TensorScatterUpdate -> of(3, ScatterTranslators.tensorScatter("none"));
            case TensorScatterAdd -> of(3, ScatterTranslators.tensorScatter("sum"));
            case TensorScatterSub -> of(3, ScatterTranslators.tensorScatter("sub"));
            case TensorScatterMax -> of(3, ScatterTranslators.tensorScatter("max"));
            case TensorScatterMin -> of(3, ScatterTranslators.tensorScatter("min"));
            case Unique -> of(1, ScatterTranslators::unique);
            case UniqueWithCounts -> of(1, ScatterTranslators::uniqueWithCounts);
            case InvertPermutation -> of(1, ScatterTranslators::invertPermutation);
            case ListDiff -> of(2, ScatterTranslators::listDiff);
            case Roll -> of(3, IndexTranslators::roll);
            case ReverseSequence -> of(2, IndexTranslators::reverseSequence);
            case SparseToDense -> of(4, ScatterTranslators::sparseToDense);
            case SparseTensorDenseMatMul -> of(4, SparseTranslators::denseMatMul);
            case SparseTensorDenseAdd -> of(4, SparseTranslators::denseAdd);
            case SparseReshape -> of(3, SparseTranslators::reshape);
            case SparseFillEmptyRows -> of(4, SparseTranslators::fillEmptyRows);
            case UnravelIndex -> of(2, ScatterTranslators::unravelIndex);
            // control flow, lists
            case While -> of(0, ControlFlowTranslators::whileLoop);
            case StatelessWhile -> of(0, ControlFlowTranslators::whileLoop);
            case If -> of(1, ControlFlowTranslators::ifElse);
            case StatelessIf -> of(1, ControlFlowTranslators::ifElse);
            case TensorListFromTensor -> of(2, TensorListTranslators::asList);
            case TensorListReserve -> of(2, TensorListTranslators::reserve);
            case TensorListGetItem -> of(3, TensorListTranslators::getItem);
            case TensorListSetItem -> of(3, TensorListTranslators::setItem);
            case TensorListStack -> of(2, TensorListTranslators::asList);
            case TensorListConcat -> of(1, TensorListTranslators::concat);
            case TensorListConcatV2 -> of(3, TensorListTranslators::concat);
            case TensorListLength -> of(1, TensorListTranslators::length);
            case TensorListElementShape -> of(1, TensorListTranslators::elementShape);
            case InTopKV2 -> of(3, IndexTranslators::inTopK);
            case InTopK -> of(2, IndexTranslators::inTopKOfAttr);
            case Reverse -> of(2, IndexTranslators::reverseByMask);
        };
    }
}
