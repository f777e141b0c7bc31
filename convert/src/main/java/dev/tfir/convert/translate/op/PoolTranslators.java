package dev.tfir.convert.translate.op;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.infer.WindowAttrs;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Padding;
import dev.tfir.convert.ops.Pooling;
import dev.tfir.convert.ops.Window;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;

/**
 * MaxPool, MaxPoolV2, MaxPoolWithArgmax and AvgPool (2-D), channels first as OpenVINO pools; AvgPool does not count
 * padding, as in TF.
 */
public final class PoolTranslators {
    private PoolTranslators() {}

    public static List<TfTensor> maxPool(NodeContext node) {
        return pool(node, WindowAttrs.required(node.attrs(), "ksize"), WindowAttrs.required(node.attrs(), "strides"),
                false);
    }

    public static List<TfTensor> avgPool(NodeContext node) {
        return pool(node, WindowAttrs.required(node.attrs(), "ksize"), WindowAttrs.required(node.attrs(), "strides"),
                true);
    }

    /** MaxPoolV2: ksize and strides are constant inputs (1 and 2), 4 values each as the attributes of MaxPool. */
    public static List<TfTensor> maxPoolV2(NodeContext node) {
        return pool(node, WindowAttrs.checked("ksize", node.constantInput(1, "ksize")),
                WindowAttrs.checked("strides", node.constantInput(2, "strides")), false);
    }

    /**
     * MaxPoolWithArgmax (NHWC): the maxima and the index of each in the flattened NHWC input, {@code (y * W + x) * C
     * + c}, plus {@code n * H * W * C} with {@code include_batch_in_index}; from MaxPool-8's channels-first index
     * {@code i = ((n * C + c) * H + y) * W + x}: with {@code s = i mod H * W}, TF's is {@code s * C + c}, plus
     * {@code i - s - c * H * W} for the batch. Needs H, W and C known.
     */
    public static List<TfTensor> maxPoolWithArgmax(NodeContext node) {
        PartialShape shape = node.inputShape(0);
        node.require(shape.rank() == 4 && Shapes.known(shape.dim(1)) && Shapes.known(shape.dim(2))
                && Shapes.known(shape.dim(3)), "needs an input [batch, height, width, channels] with height, width "
                + "and channels known, not " + shape);
        long[] ksize = WindowAttrs.required(node.attrs(), "ksize");
        Window window = WindowAttributes.window(node, WindowAttributes.spatial(ksize, true), true);
        node.require(window.padding() != Padding.EXPLICIT, "has EXPLICIT padding, which pooling does not take");
        Node pool = Pooling.maxPoolWithIndices(node.channelsFirstInput(0), window);
        long plane = shape.dim(1) * shape.dim(2);
        long channels = shape.dim(3);
        Output index = pool.output(1);
        Output spatial = Elementwise.binary("FloorMod", index, Constants.i64Scalar(plane));
        Output flat = Elementwise.add(Elementwise.multiply(spatial, Constants.i64Scalar(channels)),
                channelIota(channels, 1));
        if (node.attrs().bool("include_batch_in_index", false)) {
            Output batchBase = Elementwise.binary("Subtract", Elementwise.binary("Subtract", index, spatial),
                    channelIota(channels, plane));
            flat = Elementwise.add(flat, batchBase);
        }
        ElementType type = node.type("Targmax");
        return List.of(TfTensor.channelsFirst(pool.output(0)),
                TfTensor.channelsFirst(Elementwise.convert(flat, type != null ? type : ElementType.I64)));
    }

    /** {@code c * step} for each channel c, shaped [1, C, 1, 1]. */
    private static Output channelIota(long channels, long step) {
        long[] values = new long[(int) channels];
        for (int c = 0; c < channels; c++) {
            values[c] = c * step;
        }
        return Constants.of(ConstTensor.ofLongs(ElementType.I64, new long[] {1, channels, 1, 1}, values));
    }

    private static List<TfTensor> pool(NodeContext node, long[] ksize, long[] strides, boolean average) {
        boolean channelsLast = DataFormat.isChannelsLast(node);
        Output data = DataFormat.data(node, channelsLast);
        Window window = WindowAttributes.window(node, WindowAttributes.spatial(ksize, channelsLast), strides,
                channelsLast);
        node.require(window.padding() != Padding.EXPLICIT, "has EXPLICIT padding, which pooling does not take");
        Output y = average ? Pooling.avgPool(data, window, true) : Pooling.maxPool(data, window);
        return List.of(DataFormat.result(y, channelsLast));
    }
}
