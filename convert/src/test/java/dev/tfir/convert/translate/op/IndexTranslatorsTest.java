package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.I32;
import static dev.tfir.convert.ir.ElementType.I64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.translate.TfTensor;
import java.util.Arrays;
import java.util.List;
import static dev.tfir.convert.ir.ElementType.BOOLEAN;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.AttrValue;

/** GatherNd, OneHot, TopKV2, ReverseV2, SpaceToBatchND, DepthToSpace and the resizes translated alone: ops, shapes, attributes. */
class IndexTranslatorsTest {
    private static ConstTensor scalar(long value) {
        return ConstTensor.ofLongs(I32, new long[0], value);
    }

    @Test
    void gatherNdKeepsTheTrailingAxes() {
        Output y = InMemoryNode.of("GatherNd").input(F32, 3, 4, 2).constant(ConstTensor.ofLongs(I32, new long[] {2, 1},
                2, 0)).translateOne(IndexTranslators::gatherNd).tfLayout();
        assertEquals("GatherND", y.node().type());
        assertArrayEquals(new long[] {2, 4, 2}, y.shape().dims());
    }

    @Test
    void gatherNdTakesIndicesAndParamsOfRunTimeSizes() {
        // the boxes a Where picks: indices (?, 1) int64 into params (?, 4)
        Output y = InMemoryNode.of("GatherNd").input(F32, -1, 4).input(I64, -1, 1)
                .translateOne(IndexTranslators::gatherNd).tfLayout();
        assertEquals("GatherND", y.node().type());
        assertArrayEquals(new long[] {-1, 4}, y.shape().dims());
        ConversionException depth = assertThrows(ConversionException.class, () -> InMemoryNode.of("GatherNd")
                .input(F32, -1, 4).input(I64, 3, -1).translate(IndexTranslators::gatherNd));
        assertEquals("needs indices of a known depth (last dim) of 1 to the params' rank 2, not [3, -1]",
                depth.getMessage());
    }

    @Test
    void oneHotPutsTheDepthAtTheAxis() {
        Output last = InMemoryNode.of("OneHot").input(I32, 4).constant(scalar(6)).constant(ConstTensor.ofDoubles(F32,
                new long[0], 1)).constant(ConstTensor.ofDoubles(F32, new long[0], 0)).translateOne(
                IndexTranslators::oneHot).tfLayout();
        assertArrayEquals(new long[] {4, 6}, last.shape().dims());
        assertEquals("1", last.node().attributes().get("axis"));
        assertEquals(F32, last.type());
    }

    @Test
    void topKGivesValuesAndInt32Indices() {
        List<TfTensor> outputs = InMemoryNode.of("TopKV2").input(F32, 2, 7).constant(scalar(3))
                .translate(IndexTranslators::topK);
        assertEquals(2, outputs.size());
        assertArrayEquals(new long[] {2, 3}, outputs.get(0).tfLayout().shape().dims());
        assertEquals(I32, outputs.get(1).tfLayout().type());
        ConversionException big = assertThrows(ConversionException.class, () -> InMemoryNode.of("TopKV2")
                .input(F32, 2, 7).constant(scalar(8)).translate(IndexTranslators::topK));
        assertEquals("has k [8] for a last axis of 7", big.getMessage());
    }

    @Test
    void reverseNormalizesNegativeAxes() {
        Output y = InMemoryNode.of("ReverseV2").input(F32, 2, 3, 4).constant(ConstTensor.vector(I32, -1, 0))
                .translateOne(IndexTranslators::reverse).tfLayout();
        assertEquals("Reverse", y.node().type());
        assertArrayEquals(new long[] {0, 2}, y.node().input(1).constant().longs());
    }

    @Test
    void depthToSpaceIsComputedChannelsFirst() {
        TfTensor y = InMemoryNode.of("DepthToSpace").input(F32, 1, 3, 4, 8).attr("block_size", AttrValue.newBuilder().setI(2).build())
                .translateOne(SpaceBatchTranslators::depthToSpace);
        assertEquals("blocks_first", y.stored().node().attributes().get("mode"));
        assertArrayEquals(new long[] {1, 6, 8, 2}, y.tfLayout().shape().dims());
    }

    @Test
    void resizeMapsTensorFlowsCoordinateAttributes() {
        Output half = InMemoryNode.of("ResizeBilinear").input(F32, 1, 4, 5, 2).constant(ConstTensor.vector(I32, 7, 9))
                .attr("half_pixel_centers", true).translateOne(ResizeTranslators::bilinear).tfLayout();
        assertEquals("half_pixel", half.node().attributes().get("coordinate_transformation_mode"));
        assertArrayEquals(new long[] {1, 7, 9, 2}, half.shape().dims());
        Output aligned = InMemoryNode.of("ResizeNearestNeighbor").input(F32, 1, 4, 5, 2)
                .constant(ConstTensor.vector(I32, 7, 9)).attr("align_corners", true)
                .translateOne(ResizeTranslators::nearest).tfLayout();
        assertEquals("round_prefer_ceil", aligned.node().attributes().get("nearest_mode"));
        ConversionException both = assertThrows(ConversionException.class, () -> InMemoryNode.of("ResizeBilinear")
                .input(F32, 1, 4, 5, 2).constant(ConstTensor.vector(I32, 7, 9)).attr("align_corners", true)
                .attr("half_pixel_centers", true).translate(ResizeTranslators::bilinear));
        assertEquals("has align_corners and half_pixel_centers both true, which TensorFlow does not allow",
                both.getMessage());
    }

    @Test
    void resizeToASizeComputedAtRunTimeIsInterpolate11() {
        // Keras' UpSampling2D of an image of unknown size: the size is Shape * 2, known only at run time
        Output y = InMemoryNode.of("ResizeBilinear").input(F32, 1, -1, -1, 2).input(I32, 2)
                .attr("half_pixel_centers", true).translateOne(ResizeTranslators::bilinear).tfLayout();
        assertEquals("Interpolate", y.node().type());
        assertEquals("opset11", y.node().opset());
        assertEquals(3, y.node().inputs().size());
        assertEquals(I64, y.node().input(1).type());
        assertArrayEquals(new long[] {1, -1, -1, 2}, y.shape().dims());
        Output constant = InMemoryNode.of("ResizeNearestNeighbor").input(F32, 1, -1, -1, 2)
                .constant(ConstTensor.vector(I32, 7, 9)).translateOne(ResizeTranslators::nearest).tfLayout();
        assertEquals("opset4", constant.node().opset());
        assertArrayEquals(new long[] {1, 7, 9, 2}, constant.shape().dims());
    }

    @Test
    void spaceToBatchTakesPaddingsComputedAtRunTime() {
        // tf.nn.atrous_conv2d on an image of unknown size computes its paddings from the image's shape
        Output y = InMemoryNode.of("SpaceToBatchND").input(F32, 1, -1, -1, 3).constant(ConstTensor.vector(I32, 2, 2))
                .input(I32, 2, 2).translateOne(SpaceBatchTranslators::spaceToBatch).tfLayout();
        assertEquals("SpaceToBatch", y.node().type());
        assertArrayEquals(new long[] {1, 2, 2, 1}, y.node().input(1).constant().longs());
        assertEquals("Concat", y.node().input(2).node().type());
        assertArrayEquals(new long[] {4}, y.node().input(2).shape().dims());
        assertArrayEquals(new long[] {4, -1, -1, 3}, y.shape().dims());
        Output crops = InMemoryNode.of("BatchToSpaceND").input(F32, 4, 5, 5, 3).constant(ConstTensor.vector(I32, 2, 2))
                .input(I64, 2, 2).translateOne(SpaceBatchTranslators::batchToSpace).tfLayout();
        assertEquals("BatchToSpace", crops.node().type());
        assertArrayEquals(new long[] {1, -1, -1, 3}, crops.shape().dims());
        ConversionException pairs = assertThrows(ConversionException.class, () -> InMemoryNode.of("SpaceToBatchND")
                .input(F32, 1, -1, -1, 3).constant(ConstTensor.vector(I32, 2, 2)).input(I32, 3, 2)
                .translate(SpaceBatchTranslators::spaceToBatch));
        assertEquals("has a block shape of 2 axes and paddings of shape [3, 2] for a rank 4 input",
                pairs.getMessage());
    }

    @Test
    void bicubicAndAreaAreAWeightMatrixPerAxis() {
        TfTensor bicubic = InMemoryNode.of("ResizeBicubic").input(F32, 1, 4, 5, 2).constant(ConstTensor.vector(I32,
                7, 9)).attr("half_pixel_centers", true).translateOne(ResizeTranslators::bicubic);
        assertEquals("MatMul", bicubic.stored().node().type());
        assertArrayEquals(new long[] {9, 5}, bicubic.stored().node().input(1).shape().dims());
        assertArrayEquals(new long[] {1, 7, 9, 2}, bicubic.tfLayout().shape().dims());
        // 8 rows to 4: each output row averages two input rows
        Output rows = InMemoryNode.of("ResizeArea").input(I32, 1, 8, 6, 1).constant(ConstTensor.vector(I32, 4, 6))
                .translateOne(ResizeTranslators::area).stored().node().input(0).node().input(0);
        assertArrayEquals(new double[] {0.5, 0.5, 0, 0, 0, 0, 0, 0}, Arrays.copyOf(
                rows.constant().doubles(), 8));
        ConversionException unknown = assertThrows(ConversionException.class, () -> InMemoryNode.of("ResizeArea")
                .input(F32, 1, -1, 6, 1).constant(ConstTensor.vector(I32, 4, 6)).translate(ResizeTranslators::area));
        assertEquals("needs images of known height and width, not [1, -1, 6, 1]", unknown.getMessage());
    }

    @Test
    void cropAndResizeRefusesOtherMethods() {
        ConversionException method = assertThrows(ConversionException.class, () -> InMemoryNode.of("CropAndResize")
                .input(F32, 1, 6, 7, 3).input(F32, 2, 4).input(I32, 2).constant(ConstTensor.vector(I32, 3, 3))
                .attr("method", "bicubic").translate(ResizeTranslators::cropAndResize));
        assertEquals("has method 'bicubic'; bilinear and nearest are supported", method.getMessage());
        TfTensor crops = InMemoryNode.of("CropAndResize").input(F32, -1, 6, 7, 3).input(F32, 2, 4).input(I32, 2)
                .constant(ConstTensor.vector(I32, 3, 4)).translateOne(ResizeTranslators::cropAndResize);
        assertEquals("Select", crops.tfLayout().node().type());
        assertArrayEquals(new long[] {2, 3, 4, 3}, crops.tfLayout().shape().dims());
    }

    @Test
    void extractImagePatchesTakesItsWindowsChannelsFirst() {
        TfTensor y = InMemoryNode.of("ExtractImagePatches").input(F32, 2, 7, 8, 3).attr("ksizes", 1, 3, 3, 1)
                .attr("strides", 1, 2, 2, 1).attr("rates", 1, 1, 1, 1).attr("padding", "SAME")
                .translateOne(SpaceBatchTranslators::extractImagePatches);
        assertEquals("same_upper", y.stored().node().attributes().get("auto_pad"));
        assertArrayEquals(new long[] {2, 4, 4, 27}, y.tfLayout().shape().dims());
        ConversionException rates = assertThrows(ConversionException.class, () -> InMemoryNode.of(
                "ExtractImagePatches").input(F32, 2, 7, 8, 3).attr("ksizes", 1, 3, 3, 1).attr("strides", 1, 2, 2, 1)
                .attr("rates", 1, 1, 1, 2).attr("padding", "SAME")
                .translate(SpaceBatchTranslators::extractImagePatches));
        assertEquals("has rates [1, 1, 1, 2]; 4 positive values, 1 for the batch and channels, are needed",
                rates.getMessage());
    }

    @Test
    void rollAndReverseSequenceKeepTheShape() {
        Output rolled = InMemoryNode.of("Roll").input(F32, 3, 4).constant(ConstTensor.vector(I32, 1, -2))
                .constant(ConstTensor.vector(I32, 0, -1)).translateOne(IndexTranslators::roll).tfLayout();
        assertEquals("Roll", rolled.node().type());
        assertArrayEquals(new long[] {3, 4}, rolled.shape().dims());
        Output reversed = InMemoryNode.of("ReverseSequence").input(F32, 3, 5, 2).input(I32, 3)
                .attr("seq_dim", AttrValue.newBuilder().setI(1).build())
                .translateOne(IndexTranslators::reverseSequence).tfLayout();
        assertEquals("1", reversed.node().attributes().get("seq_axis"));
        ConversionException same = assertThrows(ConversionException.class, () -> InMemoryNode.of("ReverseSequence")
                .input(F32, 3, 5).input(I32, 3).translate(IndexTranslators::reverseSequence));
        assertEquals("has seq_dim 0 and batch_dim 0 for a rank-2 input; two different axes are needed",
                same.getMessage());
    }

    @Test
    void reverseTakesTheAxesMarkedTrue() {
        Output y = InMemoryNode.of("Reverse").input(F32, 2, 3, 4).constant(ConstTensor.vector(BOOLEAN, 1, 0, 1))
                .translateOne(IndexTranslators::reverseByMask).tfLayout();
        assertEquals("Reverse", y.node().type());
        assertArrayEquals(new long[] {0, 2}, y.node().input(1).constant().longs());
        ConversionException short_ = assertThrows(ConversionException.class, () -> InMemoryNode.of("Reverse")
                .input(F32, 2, 3).constant(ConstTensor.vector(BOOLEAN, 1)).translate(IndexTranslators::reverseByMask));
        assertEquals("has 1 dims for a rank-2 input", short_.getMessage());
    }

    @Test
    void inTopKCountsTheLargerPredictions() {
        Output y = InMemoryNode.of("InTopKV2").input(F32, 4, 6).input(I32, 4).constant(scalar(2))
                .translateOne(IndexTranslators::inTopK).tfLayout();
        assertEquals("LogicalAnd", y.node().type());
        assertEquals(BOOLEAN, y.type());
        assertArrayEquals(new long[] {4}, y.shape().dims());
        ConversionException flat = assertThrows(ConversionException.class, () -> InMemoryNode.of("InTopKV2")
                .input(F32, 6).input(I32, 1).constant(scalar(2)).translate(IndexTranslators::inTopK));
        assertEquals("needs predictions [batch, classes] and targets [batch], not [6] and [1]", flat.getMessage());
    }
}
