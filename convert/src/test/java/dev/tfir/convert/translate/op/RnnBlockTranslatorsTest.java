package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.F32;
import static dev.tfir.convert.ir.ElementType.I64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.translate.TfTensor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fused RNN ops' shapes and forms alone (their values against TensorFlow: conformance/layers/rnn_block_cases.py).
 */
class RnnBlockTranslatorsTest {
    private static InMemoryNode lstm(String op, long... w) {
        InMemoryNode node = InMemoryNode.of(op);
        if (!op.equals("LSTMBlockCell")) {
            node.input(I64).input(F32, -1, 2, 3);
        } else {
            node.input(F32, 2, 3);
        }
        return node.input(F32, 2, 4).input(F32, 2, 4).input(F32, w).input(F32, 4).input(F32, 4).input(F32, 4)
                .input(F32, 16);
    }

    private static Set<String> typesBehind(Output output) {
        Set<String> types = new HashSet<>();
        Deque<Node> work = new ArrayDeque<>(List.of(output.node()));
        Set<Node> seen = new HashSet<>();
        while (!work.isEmpty()) {
            Node node = work.pop();
            if (seen.add(node)) {
                types.add(node.type());
                node.inputs().forEach(input -> work.push(input.node()));
            }
        }
        return types;
    }

    @Test
    void aCellGivesSevenValuesOfTheStatesShape() {
        List<TfTensor> values = lstm("LSTMBlockCell", 7, 16).translate(RnnBlockTranslators::cell);
        assertEquals(7, values.size());
        for (TfTensor value : values) {
            assertArrayEquals(new long[] {2, 4}, value.tfLayout().shape().dims());
        }
        assertTrue(typesBehind(values.get(6).tfLayout()).contains("Slice"));
    }

    @Test
    void blockLstmIsALoopOverTheStepsPaddedToTheirNumber() {
        List<TfTensor> values = lstm("BlockLSTM", 7, 16).attr("use_peephole", true)
                .translate(RnnBlockTranslators::blockLstm);
        assertEquals(7, values.size());
        Output h = values.get(6).tfLayout();
        assertEquals("Pad", h.node().type());
        assertArrayEquals(new long[] {-1, 2, 4}, h.shape().dims());
        assertTrue(typesBehind(h).contains("Loop"));
    }

    @Test
    void weightsOfTheWrongShapeAreRefused() {
        assertThrows(ConversionException.class, () -> lstm("BlockLSTMV2", 7, 15)
                .translate(RnnBlockTranslators::blockLstmV2));
        assertThrows(ConversionException.class, () -> InMemoryNode.of("GRUBlockCell").input(F32, 2, 3)
                .input(F32, 2, 4).input(F32, 7, 7).input(F32, 7, 4).input(F32, 8).input(F32, 4)
                .translate(RnnBlockTranslators::gruCell));
    }
}
