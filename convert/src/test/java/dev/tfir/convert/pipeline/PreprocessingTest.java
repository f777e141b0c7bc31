package dev.tfir.convert.pipeline;

import static dev.tfir.convert.Conversions.layers;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.convert.Conversions;
import dev.tfir.convert.GraphBuilder;
import dev.tfir.convert.options.LayoutSpec;
import dev.tfir.convert.options.NamedValues;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.IrModel;
import dev.tfir.convert.ir.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reverse channels, mean and scale in front of the input, on the channel axis; FP16 leaves them in f32. */
class PreprocessingTest {
    @TempDir
    Path dir;

    @Test
    void reverseThenMeanThenScaleOnTheGuessedChannelAxis() throws IOException {
        IrModel ir = convert(new GraphBuilder().placeholder("input", 1, 3, 5, 5), null, true);

        Node parameter = ir.parameters().get(0);
        Node gather = layers(ir, "Gather").get(0);
        Node mean = layers(ir, "Subtract").get(0);
        Node scale = layers(ir, "Divide").get(0);
        assertSame(parameter, gather.input(0).node());
        assertArrayEquals(new long[] {1}, gather.input(2).constant().longs());
        assertSame(gather, mean.input(0).node());
        assertArrayEquals(new long[] {1, 3, 1, 1}, mean.input(1).constant().shape());
        assertSame(mean, scale.input(0).node());
        assertEquals(ElementType.F32, mean.input(1).type());
        assertTrue(mean.input(1).isConstant(), "kept in f32 by FP16 compression");
        assertEquals(ElementType.F32, scale.input(1).type());
    }

    @Test
    void theLayoutSaysWhereTheChannelsAre() throws IOException {
        IrModel ir = convert(new GraphBuilder().placeholder("input", 1, 3, 4, 3), LayoutSpec.parse("nhwc"), false);
        assertArrayEquals(new long[] {1, 1, 1, 3}, layers(ir, "Subtract").get(0).input(1).constant().shape());
    }

    @Test
    void otherConstantsAreCompressed() throws IOException {
        GraphBuilder graph = new GraphBuilder().placeholder("input", 1, 3, 5, 5)
                .floats("w", new long[] {1, 1, 5, 2}, null)
                .op("conv", "Conv2D", Map.of("strides", GraphBuilder.ints(1, 1, 1, 1),
                        "padding", GraphBuilder.string("SAME")), "input", "w");
        Node conv = layers(convert(graph, null, false), "Convolution").get(0);
        Node decompress = conv.input(1).node();
        assertEquals("Convert", decompress.type());
        assertTrue(decompress.runtimeInfo().contains("decompression"));
        assertEquals(ElementType.F16, decompress.input(0).type());
    }

    private IrModel convert(GraphBuilder graph, LayoutSpec layout, boolean reverse) throws IOException {
        Path model = graph.op("out", "Relu", Map.of(), graph.graphDef().getNode(graph.graphDef().getNodeCount() - 1)
                .getName()).write(dir.resolve("model.pb"));
        ConversionRequest base = Conversions.request(model, null);
        return new Converter().convert(ConversionRequest.of(base.source()).meanValues(NamedValues.parse("[1,2,3]"))
                .scale(127.5).reverseChannels(reverse).layout(layout).build()).model();
    }
}
