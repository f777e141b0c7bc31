package dev.tfir.summarize.report;

import dev.tfir.summarize.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.model.LoadedModel;
import dev.tfir.common.model.ModelLoader;
import dev.tfir.common.model.ModelSource;
import dev.tfir.common.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * The preprocessing hint on Keras applications made by real tf_keras 2.17 (testdata/keras, made by
 * tools/models/make_keras_fixtures.py: traced graphs and a SavedModel without weights, and the model and layer names
 * of every application): the module, the model name scope, and the mean/scale that do what the module's
 * preprocess_input does (its imagenet_utils mode, from tf_keras' source).
 */
class KerasApplicationsTest {
    private static final String CAFFE = "103.939 116.779 123.68/1/-/BGR";
    private static final String TF = "127.5 127.5 127.5/127.5/-/RGB";
    private static final String TORCH = "123.675 116.28 103.53/1/58.395 57.12 57.375/RGB";
    private static final String INSIDE = "/1/-/RGB";

    private static Path fixture(String name) {
        return TestData.repo().resolve("testdata/keras").resolve(name);
    }

    private static Optional<PreprocessingHint> hint(ModelSource source) {
        return PreprocessingHint.recognise(ModelLoader.load(source));
    }

    private static String values(PreprocessingHint hint) {
        return String.join(" ", hint.mean()) + "/" + hint.scale() + "/"
                + (hint.scaleValues().isEmpty() ? "-" : String.join(" ", hint.scaleValues())) + "/"
                + (hint.bgr() ? "BGR" : "RGB");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "VGG16_graph.pb, vgg16, vgg16, " + CAFFE,
        "MobileNet_0.25_128_graph.pb, mobilenet, mobilenet_0.25_128, " + TF,
        "DenseNet_1_1_1_1_graph.pb, densenet, densenet, " + TORCH,
        "MobileNetV3Small_minimalistic_no_preprocessing_graph.pb, mobilenet_v3, MobilenetV3small, " + TF})
    void recognisesTheApplicationFromItsNodeNames(String file, String family, String scope, String values) {
        PreprocessingHint hint = hint(ModelSource.graphFile(fixture(file))).orElseThrow();
        assertEquals("Keras", hint.framework());
        assertEquals(family + " " + scope + " " + values, hint.family() + " " + hint.scope() + " " + values(hint));
    }

    /** Every application of tf_keras 2.17 the hint knows. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ResNet50, resnet " + CAFFE, "ResNet101, resnet " + CAFFE, "ResNet152, resnet " + CAFFE,
        "ResNet50V2, resnet_v2 " + TF, "ResNet101V2, resnet_v2 " + TF, "ResNet152V2, resnet_v2 " + TF,
        "VGG16, vgg16 " + CAFFE, "VGG19, vgg19 " + CAFFE,
        "MobileNet, mobilenet " + TF, "MobileNetV2, mobilenet_v2 " + TF,
        "MobileNetV3Small, mobilenet_v3 " + INSIDE, "MobileNetV3Large, mobilenet_v3 " + INSIDE,
        "InceptionV3, inception_v3 " + TF, "InceptionResNetV2, inception_resnet_v2 " + TF, "Xception, xception " + TF,
        "DenseNet121, densenet " + TORCH, "DenseNet169, densenet " + TORCH, "DenseNet201, densenet " + TORCH,
        "EfficientNetB0, efficientnet " + INSIDE, "EfficientNetB1, efficientnet " + INSIDE,
        "EfficientNetB2, efficientnet " + INSIDE, "EfficientNetB3, efficientnet " + INSIDE,
        "EfficientNetB4, efficientnet " + INSIDE, "EfficientNetB5, efficientnet " + INSIDE,
        "EfficientNetB6, efficientnet " + INSIDE, "EfficientNetB7, efficientnet " + INSIDE,
        "NASNetMobile, nasnet " + TF, "NASNetLarge, nasnet " + TF,
        "EfficientNetV2B0, efficientnet_v2 " + INSIDE, "EfficientNetV2S, efficientnet_v2 " + INSIDE,
        "ConvNeXtTiny, convnext " + INSIDE, "ConvNeXtSmall, convnext " + INSIDE,
        "RegNetX002, regnet " + INSIDE, "RegNetY002, regnet " + INSIDE, "ResNetRS50, resnet_rs " + INSIDE})
    void recognisesEveryApplicationByItsModelAndLayerNames(String application, String expected) throws IOException {
        assertHint(application, Set.of(), expected);
    }

    /**
     * Built with include_preprocessing=False, a model that scales its input itself has no such layer and takes what
     * the layer would make (tf_keras' source): the hint then gives the options that do it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ConvNeXtTiny, convnext_tiny_prestem_normalization, convnext " + TORCH,
        "RegNetX002, regnetx002_prestem_rescaling, regnet /255/-/RGB",
        "EfficientNetV2B0, rescaling normalization, efficientnet_v2 " + TORCH,
        "EfficientNetV2S, rescaling, efficientnet_v2 " + TF,
        "ResNetRS50, rescaling normalization, resnet_rs " + TORCH,
        "MobileNetV3Small, rescaling, mobilenet_v3 " + TF})
    void withoutItsPreprocessingLayerTheModelGetsWhatTheLayerDid(String application, String layers, String expected)
            throws IOException {
        assertHint(application, Set.of(layers.split(" ")), expected);
    }

    /** The hint for a graph with a node of each of the application's layers but {@code without}. */
    private static void assertHint(String application, Set<String> without, String expected) throws IOException {
        String[] line = Files.readAllLines(fixture("applications_layers.txt")).stream()
                .map(text -> text.split("\t")).filter(fields -> fields[0].equals(application)).findFirst()
                .orElseThrow();
        // a node of each layer, named as Keras names them in the graph: <model name>/<layer name>/<op>
        GraphDef.Builder graph = GraphDef.newBuilder();
        for (String layer : line[2].split(",")) {
            if (!without.contains(layer)) {
                graph.addNode(NodeDef.newBuilder().setName(line[1] + "/" + layer + "/op").setOp("Identity"));
            }
        }
        Optional<PreprocessingHint> hint = PreprocessingHint.recognise(loaded(graph.build()));
        assertEquals(expected, hint.map(h -> h.family() + " " + values(h)).orElse("none"));
        hint.ifPresent(h -> assertEquals(line[1], h.scope()));
    }

    private static LoadedModel loaded(GraphDef graph) {
        return new LoadedModel(new TfGraph(graph, "graph"), graph, "GraphDef");
    }

    @Test
    void savedModelIsRecognisedFromItsFunctionBodies() {
        ModelSource source = ModelSource.savedModel(fixture("VGG16_notop_saved_model"));
        LoadedModel model = ModelLoader.load(source);
        // the serving graph summarize-graph detects on is only the signature's interface: the names are in the library
        assertTrue(model.graph().nodes().stream().noneMatch(node -> node.getName().startsWith("vgg16/")));
        PreprocessingHint hint = hint(source).orElseThrow();
        assertEquals("vgg16 vgg16 " + CAFFE, hint.family() + " " + hint.scope() + " " + values(hint));
    }

    @Test
    void theModelNameAloneIsNoEvidence() {
        GraphDef named = GraphDef.newBuilder()
                .addNode(NodeDef.newBuilder().setName("input_1").setOp("Placeholder"))
                .addNode(NodeDef.newBuilder().setName("resnet50/conv1_conv/Conv2D").setOp("Conv2D").addInput("input_1"))
                .addNode(NodeDef.newBuilder().setName("resnet50/predictions/MatMul").setOp("MatMul")
                        .addInput("resnet50/conv1_conv/Conv2D"))
                .build();
        assertTrue(PreprocessingHint.recognise(loaded(named)).isEmpty());
    }

    @Test
    void caffeHintSaysTheIrTakesBgr() {
        Path model = fixture("VGG16_graph.pb");
        Cli result = Cli.run("--input_model", model.toString());
        assertEquals(0, result.exitCode());
        assertEquals("Keras vgg16 (scope vgg16): mean [103.939,116.779,123.68], scale 1; the IR takes BGR images "
                + "(as OpenVINO's samples and cv2 read them; add --reverse_input_channels to feed RGB)\n"
                + "  convert --input_model " + model + " -b 1 --mean_values [103.939,116.779,123.68]\n", result.err());
    }

    @Test
    void torchHintHasScaleValues() {
        Path model = fixture("DenseNet_1_1_1_1_graph.pb");
        Cli result = Cli.run("--input_model", model.toString(), "--json");
        assertTrue(result.out().contains("\"preprocessing\": {\"framework\": \"Keras\", \"family\": \"densenet\", "
                + "\"scope\": \"densenet\", \"mean_values\": [123.675, 116.28, 103.53], \"scale\": 1, "
                + "\"scale_values\": [58.395, 57.12, 57.375], \"channel_order\": \"RGB\", \"convert\": \"convert "
                + "--input_model " + model + " -b 1 --mean_values [123.675,116.28,103.53] --scale_values "
                + "[58.395,57.12,57.375]\"}"), result.out());
    }

    @Test
    void preprocessingInsideTheModelNeedsNoMeanOrScale() {
        PreprocessingHint hint = new PreprocessingHint("Keras", "efficientnet", "efficientnetb0", List.of(), "1",
                List.of(), false, false);
        assertEquals("Keras efficientnet (scope efficientnetb0): no mean/scale, the model scales its input itself: "
                + "feed [0,255] images\n  convert --input_model /m/e.pb -b 1\n",
                hint.text(ModelSource.graphFile(Path.of("/m/e.pb"))));
    }
}
