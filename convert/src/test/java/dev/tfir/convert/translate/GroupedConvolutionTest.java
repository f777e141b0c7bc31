package dev.tfir.convert.translate;

import static dev.tfir.convert.Conversions.layers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.model.ModelSource;
import dev.tfir.common.testing.TestData;
import dev.tfir.convert.Conversions;
import dev.tfir.convert.GraphBuilder;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.IrModel;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.pipeline.ConversionRequest;
import dev.tfir.convert.pipeline.Converter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keras Conv2D/Conv1D with groups > 1 (testdata/convert/grouped_conv_*, real TensorFlow): in the frozen graph each is
 * a PartitionedCall of an XLA function, inlined like a SavedModel's calls; each becomes a GroupConvolution.
 */
class GroupedConvolutionTest {
    @TempDir
    Path dir;

    private static IrModel convert(ModelSource source) {
        return new Converter().convert(ConversionRequest.of(source).batch(1L).compressToFp16(false).build()).model();
    }

    private static void assertGrouped(IrModel model) {
        // grouped (4 groups), grouped_strided (2), per_channel_dilated (16, between SpaceToBatch and BatchToSpace),
        // grouped_1d (4, on ExpandDims)
        assertEquals(List.of("[4, 4, 2, 3, 3]", "[2, 8, 8, 3, 3]", "[16, 1, 1, 3, 3]", "[4, 2, 4, 1, 3]"),
                layers(model, "GroupConvolution").stream().map(n -> Arrays.toString(n.input(1).shape().dims()))
                        .toList());
        assertTrue(layers(model, "Convolution").isEmpty());
        assertEquals(1, layers(model, "SpaceToBatch").size());
        assertEquals(1, layers(model, "BatchToSpace").size());
    }

    @Test
    void frozenGraphCallsAreInlinedAndGrouped() {
        assertGrouped(convert(ModelSource.graphFile(TestData.repo().resolve(
                "testdata/convert/grouped_conv_frozen.pb"))));
    }

    @Test
    void savedModelIsGroupedToo() {
        assertGrouped(convert(ModelSource.savedModel(
                TestData.repo().resolve("testdata/convert/grouped_conv_saved_model"))));
    }

    @Test
    void channelsThatTheFiltersDoNotDivideAreAnError() throws IOException {
        assertEquals("Conv2D 'conv': input depth 6 is not a multiple of the filters' input depth 4; TensorFlow "
                + "requires it to be", conversionError(6, new long[] {1, 1, 4, 4}));
    }

    @Test
    void filtersThatTheGroupsDoNotDivideAreAnError() throws IOException {
        assertEquals("Conv2D 'conv': output depth 5 is not a multiple of the 2 groups (input depth 4 / filters' "
                + "input depth 2); TensorFlow requires it to be", conversionError(4, new long[] {1, 1, 2, 5}));
    }

    private String conversionError(long channels, long[] filterShape) throws IOException {
        Path model = new GraphBuilder().placeholder("input", 1, 4, 4, channels).floats("w", filterShape, 1f)
                .op("conv", "Conv2D", Map.of("strides", GraphBuilder.ints(1, 1, 1, 1),
                        "padding", GraphBuilder.string("VALID")), "input", "w")
                .write(dir.resolve("conv.pb"));
        return assertThrows(ConversionException.class, () -> Conversions.convert(model, null)).getMessage();
    }
}
