package dev.tfir.convert.ops;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import java.util.Arrays;

/** Convolution-1 and GroupConvolution-1 on channels-first data (N, C, spatial...). */
public final class Convolutions {
    private Convolutions() {}

    /** Convolution with filters laid out (out channels, in channels, spatial...). */
    public static Output convolution(Output data, Output filters, Window window) {
        return build("Convolution", data, filters, window, filters.shape().dim(0), 2);
    }

    /** GroupConvolution with filters laid out (groups, out channels per group, in channels per group, spatial...). */
    public static Output groupConvolution(Output data, Output filters, Window window) {
        long groups = filters.shape().dim(0);
        long perGroup = filters.shape().dim(1);
        long channels = Shapes.known(groups) && Shapes.known(perGroup) ? groups * perGroup : PartialShape.UNKNOWN_DIM;
        return build("GroupConvolution", data, filters, window, channels, 3);
    }

    /**
     * ConvolutionBackpropData-1 (a transposed convolution) of channels-first data with filters laid out (in channels,
     * out channels, spatial...) to the {@code spatial} output size, with explicit pads: those of the forward
     * convolution with TensorFlow's SAME padding (the odd one at the end) or none (VALID), and the rest of the size
     * as output_padding (below the stride, as TensorFlow requires).
     */
    public static Output backpropData(Output data, Output filters, long[] strides, long[] dilations, boolean same,
            long[] spatial) {
        long[] inDims = data.shape().dims();
        long[] kernel = filters.shape().dims();
        long[] begin = new long[spatial.length];
        long[] end = new long[spatial.length];
        long[] outputPadding = new long[spatial.length];
        for (int i = 0; i < spatial.length; i++) {
            long full = strides[i] * (inDims[i + 2] - 1) + dilations[i] * (kernel[i + 2] - 1) + 1;
            long total = same ? Math.max(full - spatial[i], 0) : 0;
            begin[i] = total / 2;
            end[i] = total - begin[i];
            outputPadding[i] = spatial[i] - (full - total);
            if (outputPadding[i] < 0 || outputPadding[i] >= strides[i]) {
                throw new ConversionException("a transposed convolution from " + inDims[i + 2] + " to "
                        + spatial[i] + " along a spatial axis; with these strides and filters TensorFlow allows "
                        + (full - total) + " to " + (full - total + strides[i] - 1));
            }
        }
        long[] out = new long[spatial.length + 2];
        out[0] = inDims[0];
        out[1] = kernel[1];
        System.arraycopy(spatial, 0, out, 2, spatial.length);
        return Node.builder("ConvolutionBackpropData", "opset1").attribute("strides", strides)
                .attribute("dilations", dilations).attribute("pads_begin", begin).attribute("pads_end", end)
                .attribute("auto_pad", "explicit").attribute("output_padding", outputPadding).inputs(data, filters)
                .output(data.type(), PartialShape.of(out)).buildOutput();
    }

    /**
     * ConvolutionBackpropData-1 as {@link #backpropData}, to a spatial size known at run time only (the 1-D
     * {@code spatial}): OpenVINO derives the pads from it. TensorFlow's SAME (the forward convolution's odd pad at
     * the end) is same_lower here (measured in OpenVINO 2024.6 and 2026.4: same_upper puts it at the start); VALID
     * is valid.
     */
    public static Output backpropDataTo(Output data, Output filters, long[] strides, long[] dilations, boolean same,
            Output spatial) {
        long[] none = new long[strides.length];
        long[] out = new long[strides.length + 2];
        Arrays.fill(out, PartialShape.UNKNOWN_DIM);
        out[0] = data.shape().dim(0);
        out[1] = filters.shape().dim(1);
        return Node.builder("ConvolutionBackpropData", "opset1").attribute("strides", strides)
                .attribute("dilations", dilations).attribute("pads_begin", none).attribute("pads_end", none)
                .attribute("auto_pad", same ? "same_lower" : "valid").attribute("output_padding", none)
                .inputs(data, filters, Convert64.of(spatial)).output(data.type(), PartialShape.of(out)).buildOutput();
    }

    private static Output build(String type, Output data, Output filters, Window window, long outChannels,
                                int filterSpatialStart) {
        int spatial = data.rank() - 2;
        if (spatial != window.kernel().length || filters.rank() != filterSpatialStart + spatial) {
            throw new ConversionException(type + " of " + data.shape() + " with filters " + filters.shape());
        }
        return Node.builder(type, "opset1")
                .attribute("strides", window.strides())
                .attribute("dilations", window.dilations())
                .attribute("pads_begin", window.padsBegin())
                .attribute("pads_end", window.padsEnd())
                .attribute("auto_pad", window.padding().autoPad())
                .inputs(data, filters).output(data.type(), window.outputShape(data.shape(), outChannels))
                .buildOutput();
    }
}
