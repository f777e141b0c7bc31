package dev.tfir.convert.ops;

import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;

/** MaxPool-1 and AvgPool-1 on channels-first data. */
public final class Pooling {
    private Pooling() {}

    public static Output maxPool(Output data, Window window) {
        return attributes("MaxPool", window).attribute("rounding_type", "floor")
                .attribute("auto_pad", window.padding().autoPad())
                .inputs(data).output(data.type(), window.outputShape(data.shape(), data.shape().dim(1))).buildOutput();
    }

    /** Average pooling; {@code excludePad}: padded elements are not counted (TensorFlow's behaviour). */
    public static Output avgPool(Output data, Window window, boolean excludePad) {
        return attributes("AvgPool", window).attribute("exclude-pad", excludePad)
                .attribute("rounding_type", "floor").attribute("auto_pad", window.padding().autoPad())
                .inputs(data).output(data.type(), window.outputShape(data.shape(), data.shape().dim(1))).buildOutput();
    }

    private static Node.Builder attributes(String type, Window window) {
        return Node.builder(type, "opset1")
                .attribute("strides", window.strides())
                .attribute("pads_begin", window.padsBegin())
                .attribute("pads_end", window.padsEnd())
                .attribute("kernel", window.kernel());
    }
}
