package dev.tfir.convert.ops;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;

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
