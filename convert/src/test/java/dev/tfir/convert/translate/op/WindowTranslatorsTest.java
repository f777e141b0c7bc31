package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.I32;
import static dev.tfir.convert.ir.ElementType.I64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.infer.CannotInfer;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.ops.Sources;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DataType;

/**
 * Convolutions and pooling translated alone, on inputs made in memory. The expected shapes are TensorFlow's
 * (output = ceil(in / stride) for SAME, floor((in - dilated window) / stride) + 1 for VALID) and OpenVINO's:
 * channels first, HWIO filters as OIHW, grouped filters as (groups, out per group, in per group, H, W).
 */
class WindowTranslatorsTest {
    @Test
    void conv2dSameTakesNhwcDataChannelsFirst() {
        TfTensor y = InMemoryNode.of("Conv2D").input(F32, 1, 224, 224, 3).input(F32, 7, 7, 3, 64)
                .attr("strides", 1, 2, 2, 1).attr("padding", "SAME").translateOne(ConvTranslators::conv2d);
        assertTrue(y.isChannelsFirst());
        Output conv = y.stored();
        assertEquals("Convolution", conv.node().type());
        assertEquals(F32, conv.type());
        assertArrayEquals(new long[] {1, 64, 112, 112}, conv.shape().dims());
        assertArrayEquals(new long[] {64, 3, 7, 7}, conv.node().input(1).shape().dims());
        assertEquals("same_upper", conv.node().attributes().get("auto_pad"));
        assertArrayEquals(new long[] {1, 112, 112, 64}, y.tfLayout().shape().dims());
    }

    @Test
    void conv2dValidWithDilations() {
        TfTensor valid = InMemoryNode.of("Conv2D").input(F32, 1, 224, 224, 3).input(F32, 7, 7, 3, 64)
                .attr("strides", 1, 2, 2, 1).attr("padding", "VALID").translateOne(ConvTranslators::conv2d);
        assertArrayEquals(new long[] {1, 64, 109, 109}, valid.stored().shape().dims());
        TfTensor dilated = InMemoryNode.of("Conv2D").input(F32, 1, 10, 12, 3).input(F32, 3, 3, 3, 8)
                .attr("strides", 1, 1, 1, 1).attr("dilations", 1, 2, 1, 1).attr("padding", "VALID")
                .translateOne(ConvTranslators::conv2d);
        assertArrayEquals(new long[] {1, 8, 6, 10}, dilated.stored().shape().dims());
    }

    @Test
    void conv2dNchwStaysInTensorFlowsLayout() {
        TfTensor y = InMemoryNode.of("Conv2D").input(F32, 1, 3, 32, 32).input(F32, 3, 3, 3, 8)
                .attr("strides", 1, 1, 2, 2).attr("padding", "SAME").attr("data_format", "NCHW")
                .translateOne(ConvTranslators::conv2d);
        assertFalse(y.isChannelsFirst());
        assertArrayEquals(new long[] {1, 8, 16, 16}, y.tfLayout().shape().dims());
    }

    @Test
    void groupedConv2dAndDepthwise() {
        TfTensor grouped = InMemoryNode.of("Conv2D").input(F32, 1, 8, 8, 6).input(F32, 3, 3, 2, 6)
                .attr("strides", 1, 1, 1, 1).attr("padding", "SAME").translateOne(ConvTranslators::conv2d);
        assertEquals("GroupConvolution", grouped.stored().node().type());
        assertArrayEquals(new long[] {3, 2, 2, 3, 3}, grouped.stored().node().input(1).shape().dims());
        assertArrayEquals(new long[] {1, 8, 8, 6}, grouped.tfLayout().shape().dims());

        TfTensor depthwise = InMemoryNode.of("DepthwiseConv2dNative").input(F32, 1, 10, 12, 4).input(F32, 3, 3, 4, 2)
                .attr("strides", 1, 1, 1, 1).attr("padding", "VALID").translateOne(ConvTranslators::depthwise);
        assertEquals("GroupConvolution", depthwise.stored().node().type());
        assertArrayEquals(new long[] {4, 2, 1, 3, 3}, depthwise.stored().node().input(1).shape().dims());
        assertArrayEquals(new long[] {1, 8, 8, 10}, depthwise.stored().shape().dims());
        assertArrayEquals(new long[] {1, 8, 10, 8}, depthwise.tfLayout().shape().dims());
    }

    @Test
    void pooling() {
        TfTensor max = InMemoryNode.of("MaxPool").input(F32, 1, 9, 9, 16).attr("ksize", 1, 3, 3, 1)
                .attr("strides", 1, 2, 2, 1).attr("padding", "VALID").translateOne(PoolTranslators::maxPool);
        assertEquals("MaxPool", max.stored().node().type());
        assertArrayEquals(new long[] {1, 16, 4, 4}, max.stored().shape().dims());
        TfTensor avg = InMemoryNode.of("AvgPool").input(F32, 1, 9, 9, 16).attr("ksize", 1, 3, 3, 1)
                .attr("strides", 1, 2, 2, 1).attr("padding", "SAME").translateOne(PoolTranslators::avgPool);
        assertEquals("AvgPool", avg.stored().node().type());
        assertEquals("true", avg.stored().node().attributes().get("exclude-pad"));
        assertArrayEquals(new long[] {1, 5, 5, 16}, avg.tfLayout().shape().dims());
    }

    @Test
    void badAttributesAreConversionErrors() {
        ConversionException format = assertThrows(ConversionException.class, () -> InMemoryNode.of("Conv2D")
                .input(F32, 1, 8, 8, 3).input(F32, 3, 3, 3, 4).attr("strides", 1, 1, 1, 1).attr("padding", "SAME")
                .attr("data_format", "NDHWC").translate(ConvTranslators::conv2d));
        assertEquals("has data_format NDHWC; NHWC and NCHW are supported", format.getMessage());
        ConversionException strides = assertThrows(ConversionException.class, () -> InMemoryNode.of("MaxPool")
                .input(F32, 1, 8, 8, 3).attr("ksize", 1, 2, 2, 1).attr("strides", "2").attr("padding", "SAME")
                .translate(PoolTranslators::maxPool));
        assertEquals("attribute 'strides' is not a list; TensorFlow requires a list", strides.getMessage());
    }

    @Test
    void windowAttributesAreCheckedAsSummarizesRulesCheckThem() {
        CannotInfer ksize = assertThrows(CannotInfer.class, () -> InMemoryNode.of("MaxPool").input(F32, 1, 8, 8, 3)
                .attr("ksize", 1, 2, 2).attr("strides", 1, 2, 2, 1).attr("padding", "SAME")
                .translate(PoolTranslators::maxPool));
        assertEquals("ksize [1, 2, 2]; TensorFlow requires 4 values (one per dim of the input), each >= 1",
                ksize.getMessage());
        CannotInfer padding = assertThrows(CannotInfer.class, () -> InMemoryNode.of("Conv2D").input(F32, 1, 8, 8, 3)
                .input(F32, 3, 3, 3, 4).attr("strides", 1, 1, 1, 1).attr("padding", "FULL")
                .translate(ConvTranslators::conv2d));
        assertEquals("padding 'FULL'; TensorFlow requires SAME, VALID or EXPLICIT", padding.getMessage());
    }

    @Test
    void explicitPaddingGoesToTheSpatialPads() {
        Output conv = InMemoryNode.of("Conv2D").input(F32, 1, 8, 10, 3).input(F32, 3, 3, 3, 4)
                .attr("strides", 1, 1, 1, 1).attr("padding", "EXPLICIT")
                .attr("explicit_paddings", 0, 0, 1, 2, 3, 0, 0, 0).translateOne(ConvTranslators::conv2d).stored();
        assertEquals("1, 3", conv.node().attributes().get("pads_begin"));
        assertEquals("2, 0", conv.node().attributes().get("pads_end"));
        // (8 + 1 + 2 - 3) + 1 = 9 rows, (10 + 3 + 0 - 3) + 1 = 11 columns
        assertArrayEquals(new long[] {1, 4, 9, 11}, conv.shape().dims());
    }

    @Test
    void conv2dBackpropInputPadsAsTheForwardConvolution() {
        TfTensor y = InMemoryNode.of("Conv2DBackpropInput").constant(ConstTensor.vector(I32, 1, 10, 10, 3))
                .input(F32, 3, 3, 3, 4).input(F32, 1, 5, 5, 4).attr("strides", 1, 2, 2, 1).attr("padding", "SAME")
                .translateOne(ConvTranslators::conv2dBackpropInput);
        assertEquals("ConvolutionBackpropData", y.stored().node().type());
        assertEquals("0, 0", y.stored().node().attributes().get("pads_begin"));
        assertEquals("1, 1", y.stored().node().attributes().get("pads_end"));
        assertArrayEquals(new long[] {1, 10, 10, 3}, y.tfLayout().shape().dims());
        ConversionException size = assertThrows(ConversionException.class, () -> InMemoryNode.of(
                "Conv2DBackpropInput").constant(ConstTensor.vector(I32, 1, 14, 14, 3)).input(F32, 3, 3, 3, 4)
                .input(F32, 1, 5, 5, 4).attr("strides", 1, 2, 2, 1).attr("padding", "VALID")
                .translate(ConvTranslators::conv2dBackpropInput));
        assertEquals("a transposed convolution from 5 to 14 along a spatial axis; with these strides and filters "
                + "TensorFlow allows 11 to 12", size.getMessage());
    }

    @Test
    void maxPoolV2TakesItsWindowFromConstantInputs() {
        TfTensor y = InMemoryNode.of("MaxPoolV2").input(F32, 1, 7, 8, 3).constant(ConstTensor.vector(I32, 1, 2, 3, 1))
                .constant(ConstTensor.vector(I32, 1, 2, 1, 1)).attr("padding", "VALID")
                .translateOne(PoolTranslators::maxPoolV2);
        assertEquals("2, 3", y.stored().node().attributes().get("kernel"));
        assertArrayEquals(new long[] {1, 3, 6, 3}, y.tfLayout().shape().dims());
        ConversionException ksize = assertThrows(ConversionException.class, () -> InMemoryNode.of("MaxPoolV2")
                .input(F32, 1, 7, 8, 3).input(I32, 4).constant(ConstTensor.vector(I32, 1, 2, 1, 1))
                .attr("padding", "VALID").translate(PoolTranslators::maxPoolV2));
        assertEquals("needs its ksize (input 1) to be a constant", ksize.getMessage());
    }

    @Test
    void conv2dBackpropInputOfRunTimeSizes() {
        Output packed = Movement.concat(List.of(Sources.parameter(I32, PartialShape.of(1)).output(0),
                Constants.of(ConstTensor.vector(I32, 10, 10, 3))), 0);
        TfTensor known = InMemoryNode.of("Conv2DBackpropInput").input(TfTensor.of(packed)).input(F32, 3, 3, 3, 4)
                .input(F32, -1, 5, 5, 4).attr("strides", 1, 2, 2, 1).attr("padding", "SAME")
                .translateOne(ConvTranslators::conv2dBackpropInput);
        assertEquals("1, 1", known.stored().node().attributes().get("pads_end"));
        assertEquals(PartialShape.of(-1, 10, 10, 3), known.tfLayout().shape());
        TfTensor dynamic = InMemoryNode.of("Conv2DBackpropInput").input(I32, 4).input(F32, 3, 3, 3, 4)
                .input(F32, 1, 5, 5, 4).attr("strides", 1, 2, 2, 1).attr("padding", "SAME")
                .translateOne(ConvTranslators::conv2dBackpropInput);
        assertEquals(3, dynamic.stored().node().inputs().size());
        assertEquals("same_lower", dynamic.stored().node().attributes().get("auto_pad"));
        assertEquals(PartialShape.of(1, -1, -1, 3), dynamic.tfLayout().shape());
    }

    @Test
    void maxPoolWithArgmaxTurnsChannelsFirstIndicesIntoNhwcOnes() {
        List<TfTensor> outputs = InMemoryNode.of("MaxPoolWithArgmax").input(F32, -1, 5, 7, 3).attr("ksize", 1, 2, 3, 1)
                .attr("strides", 1, 2, 2, 1).attr("padding", "VALID").attr("Targmax", DataType.DT_INT32)
                .translate(PoolTranslators::maxPoolWithArgmax);
        Output pool = outputs.get(0).stored();
        assertEquals("MaxPool", pool.node().type());
        assertEquals("opset8", pool.node().opset());
        assertEquals("0", pool.node().attributes().get("axis"));
        assertArrayEquals(new long[] {-1, 2, 3, 3}, outputs.get(0).tfLayout().shape().dims());
        Output index = outputs.get(1).tfLayout();
        assertEquals(I32, index.type());
        assertArrayEquals(new long[] {-1, 2, 3, 3}, index.shape().dims());
        // s * C + c, s = i mod (H * W): the spatial position times the channels plus each channel's number
        Output flat = outputs.get(1).stored().node().input(0);
        assertEquals("Add", flat.node().type());
        assertArrayEquals(new long[] {0, 1, 2}, flat.node().input(1).constant().longs());
        ConversionException unknown = assertThrows(ConversionException.class, () -> InMemoryNode.of(
                "MaxPoolWithArgmax").input(F32, 1, 5, -1, 3).attr("ksize", 1, 2, 2, 1).attr("strides", 1, 2, 2, 1)
                .attr("padding", "SAME").translate(PoolTranslators::maxPoolWithArgmax));
        assertEquals("needs an input [batch, height, width, channels] with height, width and channels known, not "
                + "[1, 5, -1, 3]", unknown.getMessage());
    }

    @Test
    void maxPoolWithArgmaxCountsTheBatchWhenAsked() {
        Output index = InMemoryNode.of("MaxPoolWithArgmax").input(F32, 2, 4, 4, 2).attr("ksize", 1, 2, 2, 1)
                .attr("strides", 1, 2, 2, 1).attr("padding", "SAME").attr("include_batch_in_index", true)
                .translate(PoolTranslators::maxPoolWithArgmax).get(1).stored();
        assertEquals(I64, index.type());
        // plus i - s - c * H * W
        assertArrayEquals(new long[] {0, 16}, index.node().input(1).node().input(1).constant().longs());
    }
}
