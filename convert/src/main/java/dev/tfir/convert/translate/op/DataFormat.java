package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.Output;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;

/**
 * The {@code data_format} of ops that OpenVINO computes channels first (convolutions, pooling, batch norm): NHWC
 * data is taken channels first and the result held so; NCHW data is already as OpenVINO wants it.
 */
final class DataFormat {
    private DataFormat() {}

    /** True for NHWC (the default), false for NCHW; other formats are errors. */
    static boolean isChannelsLast(NodeContext node) {
        String format = node.attrs().string("data_format", "NHWC");
        node.require(format.equals("NHWC") || format.equals("NCHW"), "has data_format " + format
                + "; NHWC and NCHW are supported");
        return format.equals("NHWC");
    }

    /** The data input as OpenVINO's window ops take it: channels first. */
    static Output data(NodeContext node, boolean channelsLast) {
        return channelsLast ? node.channelsFirstInput(0) : node.input(0);
    }

    /** A window op's channels-first result as the tensor of a node in the given data format. */
    static TfTensor result(Output y, boolean channelsLast) {
        return channelsLast ? TfTensor.channelsFirst(y) : TfTensor.of(y);
    }
}
