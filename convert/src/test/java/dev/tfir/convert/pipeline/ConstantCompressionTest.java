package dev.tfir.convert.pipeline;

import static dev.tfir.convert.Conversions.layers;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.model.ModelSource;
import dev.tfir.common.testing.TestData;
import dev.tfir.convert.Conversions;
import dev.tfir.convert.GraphBuilder;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.IrModel;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.DataType;

/**
 * testdata/convert/tiny_constants.pb (real TensorFlow, tools/models/make_convert_models.py): x * 3e-8 * 1e7, x times
 * a Mul of two Consts, x / sqrt(Add of two Consts) * 1e-5. Constant subexpressions are folded as TensorFlow computes
 * them (in f32), and FP16 compression keeps in f32 what f16 cannot hold. Reductions of constants fold too.
 */
class ConstantCompressionTest {
    private static IrModel convert(boolean fp16) {
        ModelSource source = ModelSource.graphFile(TestData.repo().resolve("testdata/convert/tiny_constants.pb"));
        return new Converter().convert(ConversionRequest.of(source).batch(1L).compressToFp16(fp16).build()).model();
    }

    /** The constant a Multiply takes as its second input, through its decompression when compressed. */
    private static Output factor(IrModel model, String multiply) {
        Node node = layers(model, "Multiply").stream().filter(n -> multiply.equals(n.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no Multiply " + multiply));
        return node.input(1);
    }

    @Test
    void constantSubexpressionsAreFoldedInF32() {
        IrModel model = convert(false);
        for (Node node : model.orderedNodes()) {
            boolean allConstant = !node.inputs().isEmpty() && node.inputs().stream().allMatch(Output::isConstant);
            assertTrue(!allConstant, node + " has only constant inputs");
        }
        Node scaled = layers(model, "Multiply").stream().filter(n -> n.input(1).constant().elementCount() == 3)
                .filter(n -> n.input(1).constant().doubles()[0] > 0.1).findFirst().orElseThrow();
        double[] scale = scaled.input(1).constant().doubles();
        assertEquals(2e-9f * 1e8f, (float) scale[0]);
        assertEquals(3e-9f * 1e8f, (float) scale[1]);
        assertEquals(5e-9f * 1e8f, (float) scale[2]);
    }

    @Test
    void reductionsOfConstantsAreFolded(@TempDir Path dir) throws IOException {
        // [[0.5, 1, 1.5], [2, 2.5, 3]] summed over axis 1, and the Prod of the int32 vector [2, 3, 4]
        Path model = new GraphBuilder().placeholder("input", 1, 2).floats("w", new long[] {2, 3}, null)
                .ints("axis", new long[] {1}, 1).op("sum", "Sum", Map.of("Tidx", GraphBuilder.type(DataType.DT_INT32)),
                        "w", "axis")
                .ints("dims", new long[] {3}, 2, 3, 4).ints("first", new long[0], 0)
                .op("prod", "Prod", Map.of("T", GraphBuilder.type(DataType.DT_INT32),
                        "Tidx", GraphBuilder.type(DataType.DT_INT32)), "dims", "first")
                .op("count", "Cast", Map.of("SrcT", GraphBuilder.type(DataType.DT_INT32),
                        "DstT", GraphBuilder.type(DataType.DT_FLOAT)), "prod")
                .op("add", "AddV2", Map.of(), "input", "sum").op("output", "Mul", Map.of(), "add", "count")
                .write(dir.resolve("reductions.pb"));
        IrModel ir = Conversions.convert(model, null).model();
        assertTrue(layers(ir, "ReduceSum").isEmpty() && layers(ir, "ReduceProd").isEmpty());
        assertArrayEquals(new double[] {3, 7.5}, layers(ir, "Add").get(0).input(1).constant().doubles());
        assertArrayEquals(new double[] {24}, layers(ir, "Multiply").get(0).input(1).constant().doubles());
    }

    @Test
    void fp16KeepsWhatHalfCannotHoldInF32() {
        IrModel model = convert(true);
        Output tiny = factor(model, "tiny");
        assertEquals(ElementType.F32, tiny.type());
        assertEquals(3e-8f, (float) tiny.constant().doubles()[0]);
        assertEquals(1e7, factor(model, "huge").constant().doubles()[0]);
        // sqrt([4e-10, 9e-10, 1.6e-9] + 1e-12) is about [2e-5, 3e-5, 4e-5]: below f16's normals, kept in f32
        Node divide = layers(model, "Divide").get(0);
        assertTrue(divide.input(1).isConstant());
        assertEquals(ElementType.F32, divide.input(1).type());
        assertEquals((float) Math.sqrt(4e-10f + 1e-12f), (float) divide.input(1).constant().doubles()[0]);
        // the folded [0.2, 0.3, 0.5] is compressed
        List<Node> decompressed = layers(model, "Convert").stream()
                .filter(n -> n.runtimeInfo().contains("decompression")).toList();
        assertTrue(decompressed.stream().anyMatch(n -> n.input(0).type() == ElementType.F16
                && n.input(0).constant().elementCount() == 3), decompressed.toString());
    }
}
