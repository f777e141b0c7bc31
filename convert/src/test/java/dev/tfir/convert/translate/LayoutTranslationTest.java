package dev.tfir.convert.translate;

import static dev.tfir.convert.Conversions.layers;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.Conversions;
import dev.tfir.convert.GraphBuilder;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.IrModel;
import dev.tfir.convert.ir.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;

/** NHWC graphs become NCHW convolutions with one Transpose at each end, not a pair around every op. */
class LayoutTranslationTest {
    @TempDir
    Path dir;

    private static final Map<String, AttrValue> SAME = Map.of(
            "strides", GraphBuilder.ints(1, 1, 1, 1), "padding", GraphBuilder.string("SAME"));

    @Test
    void convolutionChainNeedsOneTransposeAtEachEnd() throws IOException {
        Path model = new GraphBuilder().placeholder("input", 1, 8, 8, 3)
                .floats("w1", new long[] {3, 3, 3, 4}, null)
                .op("conv1", "Conv2D", SAME, "input", "w1")
                .op("relu", "Relu", Map.of(), "conv1")
                .floats("w2", new long[] {1, 1, 4, 2}, null)
                .op("conv2", "Conv2D", SAME, "relu", "w2")
                .write(dir.resolve("chain.pb"));
        IrModel ir = Conversions.convert(model, null).model();

        assertEquals(2, layers(ir, "Transpose").size());
        assertEquals(2, layers(ir, "Convolution").size());
        assertEquals(PartialShape.of(1, 8, 8, 2), ir.results().get(0).input(0).shape());
        Node conv1 = layers(ir, "Convolution").get(0);
        assertEquals(PartialShape.of(1, 4, 8, 8), conv1.outputShape(0));
        assertEquals("conv1", conv1.name());
        assertTrue(ir.results().get(0).input(0).node().tensorNames(0).contains("conv2:0"));
    }

    @Test
    void filtersAreTransposedFromHwioToOihw() throws IOException {
        Path model = new GraphBuilder().placeholder("input", 1, 5, 5, 2)
                .floats("w", new long[] {3, 3, 2, 4}, null)
                .op("conv", "Conv2D", SAME, "input", "w")
                .write(dir.resolve("conv.pb"));
        Node conv = layers(Conversions.convert(model, null).model(), "Convolution").get(0);
        ConstTensor filters = conv.input(1).constant();

        assertArrayEquals(new long[] {4, 2, 3, 3}, filters.shape());
        double[] oihw = filters.doubles();
        // HWIO element (h, w, i, o) = 0.5 * (1 + ((h * 3 + w) * 2 + i) * 4 + o), at OIHW ((o * 2 + i) * 3 + h) * 3 + w
        int h = 2;
        int w = 1;
        int i = 1;
        int o = 3;
        assertEquals(0.5 * (1 + ((h * 3 + w) * 2 + i) * 4 + o), oihw[((o * 2 + i) * 3 + h) * 3 + w]);
    }

    @Test
    void globalPoolingStaysChannelsFirst() throws IOException {
        Path model = new GraphBuilder().placeholder("input", 2, 4, 4, 3)
                .floats("w", new long[] {1, 1, 3, 5}, null)
                .op("conv", "Conv2D", SAME, "input", "w")
                .ints("axes", new long[] {2}, 1, 2)
                .op("mean", "Mean", Map.of("keep_dims", GraphBuilder.bool(false)), "conv", "axes")
                .write(dir.resolve("pool.pb"));
        IrModel ir = Conversions.convert(model, null).model();

        assertEquals(1, layers(ir, "Transpose").size());
        Node mean = layers(ir, "ReduceMean").get(0);
        assertArrayEquals(new long[] {2, 3}, mean.input(1).constant().longs());
        assertEquals(PartialShape.of(2, 5), mean.outputShape(0));
    }

    @Test
    void shapeComputationsFoldToConstants() throws IOException {
        Path model = new GraphBuilder().placeholder("input", -1, 4, 4, 2)
                .op("shape", "Shape", Map.of("out_type", GraphBuilder.type(DataType.DT_INT32)), "input")
                .ints("begin", new long[] {1}, 0).ints("end", new long[] {1}, 1).ints("stride", new long[] {1}, 1)
                .op("batch", "StridedSlice", Map.of("shrink_axis_mask", GraphBuilder.integer(1)),
                        "shape", "begin", "end", "stride")
                .ints("minus_one", new long[0], -1)
                .op("target", "Pack", Map.of("N", GraphBuilder.integer(2)), "batch", "minus_one")
                .op("flat", "Reshape", Map.of(), "input", "target")
                .write(dir.resolve("flatten.pb"));
        IrModel ir = Conversions.convert(model, 3L).model();

        Node reshape = layers(ir, "Reshape").get(0);
        assertTrue(reshape.input(1).isConstant());
        assertArrayEquals(new long[] {3, -1}, reshape.input(1).constant().longs());
        assertEquals(PartialShape.of(3, 32), reshape.outputShape(0));
        assertTrue(layers(ir, "ShapeOf").isEmpty());
        assertTrue(layers(ir, "StridedSlice").isEmpty());
    }
}
