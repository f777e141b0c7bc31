package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.I32;
import static dev.tfir.convert.ir.ElementType.I64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CTCGreedyDecoder translated alone: CTCGreedyDecoderSeqLen of the batch-major inputs, made sparse. */
class CtcTranslatorsTest {
    @Test
    void theDecoderTakesBatchMajorInputsAndTheLastClassAsBlank() {
        List<TfTensor> decoded = InMemoryNode.of("CTCGreedyDecoder").input(F32, 12, 3, 5).input(I32, 3)
                .attr("merge_repeated", true).translate(CtcTranslators::greedyDecoder);
        assertEquals(4, decoded.size());
        Node decoder = decoded.get(1).stored().node().input(0).node();
        assertEquals("CTCGreedyDecoderSeqLen", decoder.type());
        assertEquals("true", decoder.attributes().get("merge_repeated"));
        assertArrayEquals(new long[] {3, 12, 5}, decoder.input(0).shape().dims());
        assertArrayEquals(new long[] {4}, decoder.input(2).constant().longs());
        assertEquals(I64, decoded.get(0).stored().type());
        assertArrayEquals(new long[] {3, 1}, decoded.get(3).stored().shape().dims());
    }

    @Test
    void theDefaultBlankNeedsAStaticClassCount() {
        ConversionException error = assertThrows(ConversionException.class, () -> InMemoryNode.of(
                "CTCGreedyDecoder").input(F32, 12, 3, -1).input(I32, 3).translate(CtcTranslators::greedyDecoder));
        assertEquals("needs a static number of classes for the default blank_index", error.getMessage());
    }
}
