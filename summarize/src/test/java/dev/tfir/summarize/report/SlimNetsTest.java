package dev.tfir.summarize.report;

import dev.tfir.summarize.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.model.ModelLoader;
import dev.tfir.common.model.ModelSource;
import dev.tfir.common.testing.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The TF-Slim preprocessing hint on TF-Slim inference graphs made by real TensorFlow with research/slim's scope
 * names (testdata/models, and testdata/slim made by tools/models/make_zoo_models.py --fixtures): the family and the
 * mean/scale of OpenVINO's docs (Converting TF-Slim models) for it; stdout stays summarize_graph.py's.
 */
class SlimNetsTest {
    private static final String INCEPTION = "127.5 127.5 127.5/127.5";
    private static final String VGG = "123.68 116.78 103.94/1";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "models/inception_v1_inference_graph.pb, inception_v1, InceptionV1, " + INCEPTION,
        "slim/inception_v2_inference_graph.pb, inception_v2, InceptionV2, " + INCEPTION,
        "slim/inception_v3_inference_graph.pb, inception_v3, InceptionV3, " + INCEPTION,
        "slim/mobilenet_v1_0.25_128_inference_graph.pb, mobilenet_v1, MobilenetV1, " + INCEPTION,
        "slim/mobilenet_v2_1.4_224_inference_graph.pb, mobilenet_v2, MobilenetV2, " + INCEPTION,
        "slim/resnet_v2_50_inference_graph.pb, resnet_v2_50, resnet_v2_50, " + INCEPTION,
        "models/resnet_v1_50_inference_graph.pb, resnet_v1_50, resnet_v1_50, " + VGG,
        "models/vgg_16_inference_graph.pb, vgg_16, vgg_16, " + VGG,
        "slim/vgg_19_inference_graph.pb, vgg_19, vgg_19, " + VGG,
        "slim/alexnet_v2_inference_graph.pb, alexnet_v2, alexnet_v2, " + VGG,
        "slim/overfeat_inference_graph.pb, overfeat, overfeat, " + VGG})
    void recognisesTheFamilyFromScopeNames(String file, String family, String scope, String meanScale)
            throws IOException {
        Path model = TestData.repo().resolve("testdata").resolve(file);
        PreprocessingHint hint = PreprocessingHint.recognise(ModelLoader.load(ModelSource.graphFile(model)))
                .orElseThrow();
        assertEquals("TF-Slim", hint.framework());
        assertEquals(family, hint.family());
        assertEquals(scope, hint.scope());
        assertEquals(meanScale, String.join(" ", hint.mean()) + "/" + hint.scale());
    }

    @Test
    void aGraphOutsideTfSlimScopesHasNone() throws IOException {
        assertTrue(PreprocessingHint.recognise(ModelLoader.load(ModelSource.graphFile(TestData.model("small_frozen.pb"))))
                .isEmpty());
        Cli result = Cli.run("--input_model", TestData.model("small_frozen.pb").toString(), "--json");
        assertTrue(result.out().contains("\"preprocessing\": null"), result.out());
        assertEquals("", Cli.run("--input_model", TestData.model("small_frozen.pb").toString()).err());
    }

    @Test
    void hintGoesToStderrAndStdoutStaysTheOriginals() throws IOException {
        Path model = TestData.model("inception_v1_inference_graph.pb");
        Cli result = Cli.run("--input_model", model.toString());
        assertEquals(0, result.exitCode());
        assertEquals(TestData.expectedSummary("inception_v1_inference_graph.pb"), result.out());
        assertEquals("TF-Slim inception_v1 (scope InceptionV1): mean [127.5,127.5,127.5], scale 127.5\n"
                + "  convert --input_model " + model + " --input_checkpoint <checkpoint> -b 1 --mean_values "
                + "[127.5,127.5,127.5] --scale 127.5\n", result.err());
    }

    @Test
    void jsonCarriesThePreprocessing() {
        Path model = TestData.model("resnet_v1_50_inference_graph.pb");
        Cli result = Cli.run("--input_model", model.toString(), "--json");
        assertTrue(result.out().contains("\"preprocessing\": {\"framework\": \"TF-Slim\", \"family\": "
                + "\"resnet_v1_50\", \"scope\": \"resnet_v1_50\", \"mean_values\": [123.68, 116.78, 103.94], "
                + "\"scale\": 1, \"scale_values\": null, \"channel_order\": \"RGB\", \"convert\": \"convert "
                + "--input_model " + model + " --input_checkpoint <checkpoint> -b 1 --mean_values "
                + "[123.68,116.78,103.94]\"}"), result.out());
        assertEquals("", result.err());
    }

    @Test
    void commandNamesTheCheckpoint() {
        PreprocessingHint hint = PreprocessingHint.rgb("TF-Slim", "inception_v1", "InceptionV1", List.of("127.5",
                "127.5", "127.5"), "127.5", true);
        ModelSource graphAndCheckpoint = ModelSource.graphFile(Path.of("/m/g.pb"))
                .withCheckpoint(Path.of("/m/inception_v1.ckpt"));
        assertEquals("convert --input_model /m/g.pb --input_checkpoint /m/inception_v1.ckpt -b 1 --mean_values "
                + "[127.5,127.5,127.5] --scale 127.5", hint.convertCommand(graphAndCheckpoint));
    }

    @Test
    void savedModelCommandNamesTheDirectory() {
        PreprocessingHint hint = PreprocessingHint.rgb("TF-Slim", "mobilenet_v1", "MobilenetV1", List.of("127.5",
                "127.5", "127.5"), "127.5", true);
        ModelSource savedModel = ModelSource.savedModel(Path.of("/m/saved"));
        assertEquals("convert --saved_model_dir /m/saved -b 1 --mean_values [127.5,127.5,127.5] --scale 127.5",
                hint.convertCommand(savedModel));
    }
}
