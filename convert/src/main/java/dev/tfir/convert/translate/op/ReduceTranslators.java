package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Normalization;
import dev.tfir.convert.ops.Reductions;
import dev.tfir.convert.translate.Layouts;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.OpTranslator;
import dev.tfir.convert.translate.TfTensor;
import java.util.Arrays;
import java.util.List;

/**
 * Ops along axes: reductions over constant axes (Mean, Sum, Max, Min, Prod), ArgMax and ArgMin, and Softmax. On a
 * channels-first input they work channels first where the result's axes come out in TensorFlow's order (global
 * pooling: Mean over H, W); AdjustContrastv2 (a mean over H and W).
 */
public final class ReduceTranslators {
    private ReduceTranslators() {}

    /** The OpenVINO reduction {@code irType} (opset1) over the constant axes of input 1. */
    public static OpTranslator reduction(String irType) {
        return node -> List.of(reduce(node, irType));
    }

    /** AdjustContrastv2: (x - mean) * contrast_factor + mean, the mean of each image's channel over H and W. */
    public static List<TfTensor> adjustContrast(NodeContext node) {
        Output images = node.input(0);
        int rank = images.rank();
        node.require(rank >= 3, "needs images of rank 3 or more ([..., height, width, channels])");
        Output mean = Reductions.reduce("ReduceMean", images, new long[] {rank - 3, rank - 2}, true);
        Output factor = Elementwise.convert(node.input(1), images.type());
        return List.of(TfTensor.of(Elementwise.add(Elementwise.multiply(Elementwise.binary("Subtract", images, mean),
                factor), mean)));
    }

    public static List<TfTensor> argMax(NodeContext node) {
        return List.of(argExtreme(node, "max"));
    }

    public static List<TfTensor> argMin(NodeContext node) {
        return List.of(argExtreme(node, "min"));
    }

    private static TfTensor reduce(NodeContext node, String irType) {
        long[] axes = node.constantInput(1, "axes");
        boolean keepDims = node.attrs().bool("keep_dims", false);
        if (node.isChannelsFirst(0) && (keepDims || Layouts.sameOrderWithout(axes))) {
            Output y = Reductions.reduce(irType, node.channelsFirstInput(0), Layouts.channelsFirstAxes(axes),
                    keepDims);
            return keepDims ? TfTensor.channelsFirst(y) : TfTensor.of(y);
        }
        return TfTensor.of(Reductions.reduce(irType, node.input(0), axes, keepDims));
    }

    /** ArgMax, ArgMin: the index along the constant {@code dimension}, of type {@code output_type} (i64 by default). */
    private static TfTensor argExtreme(NodeContext node, String mode) {
        long[] dimension = node.constantInput(1, "dimension");
        int rank = node.inputShape(0).rank();
        node.require(dimension.length == 1 && dimension[0] >= -rank && dimension[0] < rank,
                "needs one dimension in [-" + rank + ", " + rank + "), not " + Arrays.toString(dimension));
        ElementType type = node.type("output_type");
        return TfTensor.of(Reductions.argExtreme(node.input(0), (int) Math.floorMod(dimension[0], rank), mode,
                type != null ? type : ElementType.I64));
    }

    /**
     * LRN of NHWC data over 2 * depth_radius + 1 channels; TensorFlow's alpha scales the sum itself, OpenVINO's the
     * mean, so it is multiplied by the window's size. OpenVINO's CPU computes with bias 1 whatever the attribute says,
     * so the bias is taken out: x / (b + a s)^beta = b^-beta * x / (1 + (a / b) s)^beta.
     */
    public static List<TfTensor> lrn(NodeContext node) {
        node.require(node.inputShape(0).rank() == 4, "needs a rank-4 (NHWC) input");
        long radius = node.attrs().integer("depth_radius", 5);
        node.require(radius >= 0, "has depth_radius " + radius + "; TensorFlow requires 0 or more");
        long size = 2 * radius + 1;
        double bias = node.real("bias", 1);
        double beta = node.real("beta", 0.5);
        node.require(bias > 0, "has bias " + bias + "; a positive bias is supported");
        Output y = Normalization.lrn(node.channelsFirstInput(0), node.real("alpha", 1) * size / bias, beta, 1, size);
        return List.of(TfTensor.channelsFirst(bias == 1 ? y
                : Elementwise.multiply(y, Constants.scalar(y.type(), Math.pow(bias, -beta)))));
    }

    /** LogSoftmax over the last axis, as LogSoftmax-5. */
    public static List<TfTensor> logSoftmax(NodeContext node) {
        return List.of(TfTensor.of(Normalization.logSoftmax(node.input(0), -1)));
    }

    /** Cumsum along the constant axis (input 1), with TensorFlow's exclusive and reverse, as CumSum-3. */
    public static List<TfTensor> cumsum(NodeContext node) {
        long[] axis = node.constantInput(1, "axis");
        int rank = node.inputShape(0).rank();
        node.require(axis.length == 1 && axis[0] >= -rank && axis[0] < rank,
                "needs one axis in [-" + rank + ", " + rank + "), not " + Arrays.toString(axis));
        return List.of(TfTensor.of(Reductions.cumulativeSum(node.input(0), axis[0],
                node.attrs().bool("exclusive", false), node.attrs().bool("reverse", false))));
    }

    /** Softmax over the last axis: the channels, axis 1 of a channels-first input. */
    public static List<TfTensor> softmax(NodeContext node) {
        if (node.isChannelsFirst(0)) {
            return List.of(TfTensor.channelsFirst(Normalization.softmax(node.channelsFirstInput(0), 1)));
        }
        return List.of(TfTensor.of(Normalization.softmax(node.input(0), -1)));
    }
}
