package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.I32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfir.common.infer.CannotInfer;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Output;
import org.junit.jupiter.api.Test;

/**
 * The 3-D window ops translated alone: NDHWC data transposed channels first and back, filters (D, H, W, I, O) as
 * (O, I, D, H, W); output sizes TensorFlow's (SAME: ceil(in / stride), VALID: floor((in - window) / stride) + 1).
 */
class Conv3dTranslatorsTest {
    @Test
    void conv3dSameWithStrides() {
        Output y = InMemoryNode.of("Conv3D").input(F32, 2, 7, 8, 6, 3).input(F32, 3, 2, 3, 3, 4)
                .attr("strides", 1, 2, 2, 2, 1).attr("padding", "SAME").translateOne(Conv3dTranslators::conv3d)
                .stored();
        assertEquals("Transpose", y.node().type());
        Output conv = y.node().input(0);
        assertEquals("Convolution", conv.node().type());
        assertArrayEquals(new long[] {4, 3, 3, 2, 3}, conv.node().input(1).shape().dims());
        assertArrayEquals(new long[] {2, 4, 4, 4, 3}, conv.shape().dims());
        assertArrayEquals(new long[] {2, 4, 4, 3, 4}, y.shape().dims());
    }

    @Test
    void backpropInputToTheGivenSize() {
        Output y = InMemoryNode.of("Conv3DBackpropInputV2").constant(ConstTensor.vector(I32, 1, 10, 12, 9, 3))
                .input(F32, 3, 3, 2, 3, 4).input(F32, 1, 4, 5, 4, 4).attr("strides", 1, 2, 2, 2, 1)
                .attr("padding", "VALID").translateOne(Conv3dTranslators::conv3dBackpropInput).stored();
        assertEquals("ConvolutionBackpropData", y.node().input(0).node().type());
        assertEquals("1, 1, 1", y.node().input(0).node().attributes().get("output_padding"));
        assertArrayEquals(new long[] {1, 10, 12, 9, 3}, y.shape().dims());
    }

    @Test
    void poolingKeepsTheChannels() {
        Output max = InMemoryNode.of("MaxPool3D").input(F32, 2, 7, 8, 5, 3).attr("ksize", 1, 2, 3, 2, 1)
                .attr("strides", 1, 2, 2, 2, 1).attr("padding", "VALID").translateOne(Conv3dTranslators::maxPool3d)
                .stored();
        assertArrayEquals(new long[] {2, 3, 3, 2, 3}, max.shape().dims());
        Output avg = InMemoryNode.of("AvgPool3D").input(F32, 2, 3, 7, 8, 5).attr("ksize", 1, 1, 2, 3, 2)
                .attr("strides", 1, 1, 2, 2, 2).attr("padding", "SAME").attr("data_format", "NCDHW")
                .translateOne(Conv3dTranslators::avgPool3d).stored();
        assertEquals("AvgPool", avg.node().type());
        assertEquals("true", avg.node().attributes().get("exclude-pad"));
        assertArrayEquals(new long[] {2, 3, 4, 4, 3}, avg.shape().dims());
    }

    @Test
    void badAttributesAndGroupsAreRefused() {
        CannotInfer strides = assertThrows(CannotInfer.class, () -> InMemoryNode.of("MaxPool3D")
                .input(F32, 1, 4, 4, 4, 3).attr("ksize", 1, 2, 2, 2, 1).attr("strides", 1, 2, 2, 1)
                .attr("padding", "SAME").translate(Conv3dTranslators::maxPool3d));
        assertEquals("strides [1, 2, 2, 1]; TensorFlow requires 5 values >= 1, 1 for the batch and channels",
                strides.getMessage());
        CannotInfer padding = assertThrows(CannotInfer.class, () -> InMemoryNode.of("Conv3D")
                .input(F32, 1, 4, 4, 4, 3).input(F32, 1, 1, 1, 3, 2).attr("strides", 1, 1, 1, 1, 1)
                .attr("padding", "EXPLICIT").translate(Conv3dTranslators::conv3d));
        assertEquals("padding 'EXPLICIT'; TensorFlow requires SAME or VALID", padding.getMessage());
        ConversionException groups = assertThrows(ConversionException.class, () -> InMemoryNode.of("Conv3D")
                .input(F32, 1, 4, 4, 4, 6).input(F32, 1, 1, 1, 3, 2).attr("strides", 1, 1, 1, 1, 1)
                .attr("padding", "SAME").translate(Conv3dTranslators::conv3d));
        assertEquals("has 6 input channels and filters for 3; grouped 3-D convolutions are not supported",
                groups.getMessage());
    }
}
