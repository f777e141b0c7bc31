package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.I32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The NMS family translated alone: one NonMaxSuppression-9 over a batch of one class, TensorFlow's score threshold
 * unchanged (both compare strictly), padding to max_output_size, soft-NMS ignoring the IoU threshold.
 */
class DetectionTranslatorsTest {
    private static ConstTensor scalar(double value) {
        return ConstTensor.ofDoubles(F32, new long[0], value);
    }

    private static InMemoryNode nms(String op, long n) {
        return InMemoryNode.of(op).input(F32, n, 4).input(F32, n).constant(ConstTensor.ofLongs(I32, new long[0], 7))
                .constant(scalar(0.5)).constant(scalar(0.25));
    }

    @Test
    void v3SelectsBoxIndicesOfUnknownCount() {
        Output indices = nms("NonMaxSuppressionV3", 20).translateOne(DetectionTranslators::nonMaxSuppression).stored();
        assertEquals(I32, indices.type());
        assertEquals(PartialShape.of(PartialShape.UNKNOWN_DIM), indices.shape());
        Node nms = indices.node().input(0).node();
        assertEquals("NonMaxSuppression", nms.type());
        assertEquals(List.of(1L, 20L, 4L), List.of(nms.input(0).shape().dim(0), nms.input(0).shape().dim(1),
                nms.input(0).shape().dim(2)));
        assertArrayEquals(new long[] {1, 1, 20}, nms.input(1).shape().dims());
        assertEquals(0.25f, (float) nms.input(4).constant().doubles()[0]);
    }

    @Test
    void v4PadsToMaxOutputSizeAndCountsTheValidOnes() {
        List<TfTensor> outputs = nms("NonMaxSuppressionV4", 20).attr("pad_to_max_output_size", true)
                .translate(DetectionTranslators::nonMaxSuppression);
        assertEquals(2, outputs.size());
        assertEquals("Pad", outputs.get(0).stored().node().type());
        assertArrayEquals(new long[] {7}, outputs.get(0).stored().shape().dims());
        assertEquals(0, outputs.get(1).stored().rank());
    }

    @Test
    void softNmsIgnoresTheIouThresholdAsTensorFlowDoes() {
        List<TfTensor> outputs = nms("NonMaxSuppressionV5", 20).constant(scalar(0.5))
                .translate(DetectionTranslators::nonMaxSuppression);
        assertEquals(3, outputs.size());
        assertEquals(F32, outputs.get(1).stored().type());
        Node nms = outputs.get(0).stored().node().input(0).node();
        assertEquals(1.0, nms.input(3).constant().doubles()[0]);
        ConversionException sigma = assertThrows(ConversionException.class, () -> nms("NonMaxSuppressionV5", 20)
                .input(F32).translate(DetectionTranslators::nonMaxSuppression));
        assertEquals("needs its soft_nms_sigma (input 5) to be a constant", sigma.getMessage());
    }

    @Test
    void combinedGivesDetectionsPerBatchOfTheTotalSize() {
        List<TfTensor> outputs = InMemoryNode.of("CombinedNonMaxSuppression").input(F32, -1, 30, 1, 4)
                .input(F32, -1, 30, 3).constant(ConstTensor.ofLongs(I32, new long[0], 4))
                .constant(ConstTensor.ofLongs(I32, new long[0], 100)).constant(scalar(0.5)).constant(scalar(0.2))
                .attr("pad_per_class", true).translate(DetectionTranslators::combinedNonMaxSuppression);
        assertEquals(PartialShape.of(-1, 12, 4), outputs.get(0).stored().shape());
        assertEquals(PartialShape.of(-1, 12), outputs.get(1).stored().shape());
        assertEquals(F32, outputs.get(2).stored().type());
        assertEquals(PartialShape.of(-1), outputs.get(3).stored().shape());
        assertEquals(I32, outputs.get(3).stored().type());
    }

    @Test
    void combinedNeedsStaticBoxesAndClasses() {
        ConversionException dynamic = assertThrows(ConversionException.class, () -> InMemoryNode.of(
                "CombinedNonMaxSuppression").input(F32, 1, -1, 1, 4).input(F32, 1, -1, 3)
                .constant(ConstTensor.ofLongs(I32, new long[0], 4)).constant(ConstTensor.ofLongs(I32, new long[0], 9))
                .constant(scalar(0.5)).constant(scalar(0.2))
                .translate(DetectionTranslators::combinedNonMaxSuppression));
        assertEquals("needs a static number of boxes and classes and boxes shared (q = 1) or per class (q = classes), "
                + "not boxes [1, -1, 1, 4] and scores [1, -1, 3]", dynamic.getMessage());
    }
}
