package dev.tfir.convert.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.convert.Conversions;
import dev.tfir.convert.GraphBuilder;
import dev.tfir.convert.ir.ConversionException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unsupported ops are all listed at once; a translation failure names the node and what it needs. */
class TranslationErrorsTest {
    @TempDir
    Path dir;

    @Test
    void everyUnsupportedOpTypeIsListedOnceWithItsNodes() throws IOException {
        GraphBuilder graph = new GraphBuilder().placeholder("input", 1, 4).op("a", "Zeta", Map.of(), "input", "input");
        String previous = "a";
        for (int i = 0; i < 7; i++) {
            graph.op("b" + i, "Betainc", Map.of(), previous, "input", "input");
            previous = "b" + i;
        }
        graph.op("out", "Relu", Map.of(), previous);
        Path model = graph.write(dir.resolve("unsupported.pb"));

        UnsupportedOpsException e = assertThrows(UnsupportedOpsException.class, () -> Conversions.convert(model, null));
        assertEquals("the model uses 2 op types that convert cannot translate: Betainc (7 nodes: 'b0', 'b1', 'b2', "
                + "'b3', 'b4' and 2 more), Zeta (node 'a'); 'convert --list-ops' lists the supported op types",
                e.getMessage());
    }

    @Test
    void anOpWithoutValueAsOutputSaysWhy() throws IOException {
        Path model = new GraphBuilder().placeholder("input", 1, 4).op("done", "NoOp", Map.of(), "^input")
                .op("out", "Relu", Map.of(), "input").write(dir.resolve("noop.pb"));
        UnsupportedOpsException e = assertThrows(UnsupportedOpsException.class,
                () -> Conversions.convert(model, List.of(), List.of("done")));
        assertEquals("the model uses 1 op type that convert cannot translate: NoOp (node 'done'); NoOp, Assert and "
                + "PrintV2 give no value: convert drops them with the control edges that run them, so they can be no "
                + "model output", e.getMessage());
    }

    @Test
    void onlyNodesTheOutputsNeedAreChecked() throws IOException {
        Path model = new GraphBuilder().placeholder("input", 1, 4).op("unused", "Zeta", Map.of(), "input", "input")
                .op("out", "Relu", Map.of(), "input").write(dir.resolve("partly.pb"));
        assertEquals(1, Conversions.convert(model, List.of(), List.of("out")).model().results().size());
    }

    @Test
    void aFailedTranslationNamesTheNode() throws IOException {
        Path model = new GraphBuilder().placeholder("input", 1, 4, 3)
                .op("squeeze", "Squeeze", Map.of("squeeze_dims", GraphBuilder.ints(1)), "input")
                .write(dir.resolve("squeeze.pb"));
        ConversionException e = assertThrows(ConversionException.class, () -> Conversions.convert(model, null));
        assertEquals("Squeeze 'squeeze': squeeze_dims holds dim 1 of [1, 4, 3], of size 4; TensorFlow requires the "
                + "squeezed dims to be of size 1", e.getMessage());
    }

    @Test
    void aComplexTensorReachesOnlyOpsThatTakeOne() throws IOException {
        GraphBuilder spectrum = new GraphBuilder().placeholder("input", 2, 8).ints("length", new long[] {1}, 8)
                .op("rfft", "RFFT", Map.of(), "input", "length");
        Path refused = spectrum.op("double", "Mul", Map.of(), "rfft", "rfft").op("out", "Real", Map.of(), "double")
                .write(dir.resolve("mul.pb"));
        ConversionException e = assertThrows(ConversionException.class, () -> Conversions.convert(refused, null));
        assertTrue(e.getMessage().startsWith("Mul 'double': input 0 is a complex tensor, and convert computes on "
                + "complex tensors only with Angle, Cast, ComplexAbs, Conj, "), e.getMessage());

        Path output = new GraphBuilder().placeholder("input", 2, 8).ints("length", new long[] {1}, 8)
                .op("rfft", "RFFT", Map.of(), "input", "length").op("out", "Identity", Map.of(), "rfft")
                .write(dir.resolve("complex_output.pb"));
        e = assertThrows(ConversionException.class, () -> Conversions.convert(output, null));
        assertEquals("output 'out' is a complex tensor; OpenVINO models give real tensors: take its Real and Imag "
                + "parts (or ComplexAbs) as the outputs", e.getMessage());

        Path real = new GraphBuilder().placeholder("input", 2, 8).ints("length", new long[] {1}, 8)
                .op("rfft", "RFFT", Map.of(), "input", "length").op("out", "ComplexAbs", Map.of(), "rfft")
                .write(dir.resolve("abs.pb"));
        assertEquals(1, Conversions.convert(real, null).model().results().size());
    }

    @Test
    void aSplitIntoUnequalPiecesSaysSo() throws IOException {
        Path model = new GraphBuilder().placeholder("input", 1, 5).ints("axis", new long[0], 1)
                .op("split", "Split", Map.of("num_split", GraphBuilder.integer(2)), "axis", "input")
                .write(dir.resolve("split.pb"));
        ConversionException e = assertThrows(ConversionException.class, () -> Conversions.convert(model, null));
        assertEquals("Split 'split': num_split 2 for axis 1 of size 5; TensorFlow requires num_split to divide the size",
                e.getMessage());
    }

    @Test
    void tooFewInputsAreCaughtBeforeTheTranslatorRuns() throws IOException {
        Path model = new GraphBuilder().placeholder("input", 1, 4).op("add", "AddV2", Map.of(), "input")
                .write(dir.resolve("add.pb"));
        ConversionException e = assertThrows(ConversionException.class, () -> Conversions.convert(model, null));
        assertEquals("AddV2 'add' has 1 inputs; AddV2 must have at least 2", e.getMessage());
    }
}
