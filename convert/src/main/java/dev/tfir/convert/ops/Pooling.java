package dev.tfir.convert.ops;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import java.util.Arrays;

/** MaxPool-1 and AvgPool-1 on channels-first data. */
public final class Pooling {
    private Pooling() {}

    public static Output maxPool(Output data, Window window) {
        return attributes("MaxPool", window).attribute("rounding_type", "floor")
                .attribute("auto_pad", window.padding().autoPad())
                .inputs(data).output(data.type(), outputShape(data, window)).buildOutput();
    }

    /** Average pooling; {@code excludePad}: padded elements are not counted (TensorFlow's behaviour). */
    public static Output avgPool(Output data, Window window, boolean excludePad) {
        return attributes("AvgPool", window).attribute("exclude-pad", excludePad)
                .attribute("rounding_type", "floor").attribute("auto_pad", window.padding().autoPad())
                .inputs(data).output(data.type(), outputShape(data, window)).buildOutput();
    }

    private static Node.Builder attributes(String type, Window window) {
        return Node.builder(type, "opset1")
                .attribute("strides", window.strides())
                .attribute("pads_begin", window.padsBegin())
                .attribute("pads_end", window.padsEnd())
                .attribute("kernel", window.kernel());
    }

    private static PartialShape outputShape(Output data, Window window) {
        long[] in = data.shape().dims();
        long[] dims = in.clone();
        long[] out = window.outputDims(Arrays.copyOfRange(in, 2, in.length));
        System.arraycopy(out, 0, dims, 2, out.length);
        return PartialShape.of(dims);
    }
}
