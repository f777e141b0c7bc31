package dev.tfir.convert.ops;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;

/** MaxPool-1, MaxPool-8 (with indices) and AvgPool-1 on channels-first data. */
public final class Pooling {
    private Pooling() {}

    public static Output maxPool(Output data, Window window) {
        return attributes("MaxPool", window).attribute("rounding_type", "floor")
                .attribute("auto_pad", window.padding().autoPad())
                .inputs(data).output(data.type(), window.outputShape(data.shape(), data.shape().dim(1))).buildOutput();
    }

    /**
     * MaxPool-8: the maxima and, as i64, the index of each in the flattened channels-first data (batch included:
     * {@code ((n * C + c) * H + y) * W + x}).
     */
    public static Node maxPoolWithIndices(Output data, Window window) {
        PartialShape shape = window.outputShape(data.shape(), data.shape().dim(1));
        return attributes("MaxPool", "opset8", window).attribute("dilations", window.dilations())
                .attribute("rounding_type", "floor").attribute("auto_pad", window.padding().autoPad())
                .attribute("index_element_type", ElementType.I64.irName()).attribute("axis", 0L)
                .inputs(data).output(data.type(), shape).output(ElementType.I64, shape).build();
    }

    /** Average pooling; {@code excludePad}: padded elements are not counted (TensorFlow's behaviour). */
    public static Output avgPool(Output data, Window window, boolean excludePad) {
        return attributes("AvgPool", window).attribute("exclude-pad", excludePad)
                .attribute("rounding_type", "floor").attribute("auto_pad", window.padding().autoPad())
                .inputs(data).output(data.type(), window.outputShape(data.shape(), data.shape().dim(1))).buildOutput();
    }

    private static Node.Builder attributes(String type, Window window) {
        return attributes(type, "opset1", window);
    }

    private static Node.Builder attributes(String type, String opset, Window window) {
        return Node.builder(type, opset)
                .attribute("strides", window.strides())
                .attribute("pads_begin", window.padsBegin())
                .attribute("pads_end", window.padsEnd())
                .attribute("kernel", window.kernel());
    }
}
