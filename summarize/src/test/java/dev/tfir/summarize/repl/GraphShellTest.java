package dev.tfir.summarize.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.model.ModelLoader;
import dev.tfir.common.model.ModelSource;
import dev.tfir.common.testing.TestData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.GraphDef;

/** Every REPL command, scripted, on the TF-Slim Inception V1 inference graph made by real TensorFlow. */
class GraphShellTest {
    private static final String MODEL = "inception_v1_inference_graph.pb";
    private static final String OUTPUT = "InceptionV1/Logits/Predictions/Reshape_1";

    static String run(ModelSource source, String script) throws IOException {
        GraphShell shell = new GraphShell(source, ModelLoader.load(source));
        StringWriter out = new StringWriter();
        shell.runScript(new BufferedReader(new StringReader(script)), new PrintWriter(out, true));
        return out.toString();
    }

    private static String run(String script) throws IOException {
        return run(ModelSource.graphFile(TestData.model(MODEL)), script);
    }

    @Test
    void summaryIsTheOriginalReportAndThePreprocessingHint() throws IOException {
        assertEquals(TestData.expectedSummary(MODEL)
                + "TF-Slim inception_v1 (scope InceptionV1): mean [127.5,127.5,127.5], scale 127.5\n"
                + "  convert --input_model " + TestData.model(MODEL) + " --input_checkpoint <checkpoint> -b 1 "
                + "--mean_values [127.5,127.5,127.5] --scale 127.5\n", run("summary\n"));
    }

    @Test
    void summaryOfAKerasSavedModelHasItsPreprocessing() throws IOException {
        Path dir = TestData.repo().resolve("testdata/keras/VGG16_notop_saved_model");
        String summary = run(ModelSource.savedModel(dir), "summary\n");
        assertTrue(summary.endsWith("Keras vgg16 (scope vgg16): mean [103.939,116.779,123.68], scale 1; the IR takes "
                + "BGR images (as OpenVINO's samples and cv2 read them; add --reverse_input_channels to feed RGB)\n"
                + "  convert --saved_model_dir " + dir + " -b 1 --mean_values [103.939,116.779,123.68]\n"), summary);
    }

    @Test
    void inputsAndOutputs() throws IOException {
        assertEquals("input  float32 (-1,224,224,3)\n" + OUTPUT + " (Reshape)\n", run("inputs\noutputs\n"));
    }

    @Test
    void findTakesRegexOrGlob() throws IOException {
        String regex = run("find Conv2d_1a\n");
        assertTrue(regex.contains("InceptionV1/InceptionV1/Conv2d_1a_7x7/Conv2D (Conv2D)\n"), regex);
        assertTrue(regex.lines().allMatch(line -> line.contains("Conv2d_1a")), regex);
        String glob = run("find InceptionV1/Conv2d_1a_7x7/*/moving_mean\n");
        assertEquals("InceptionV1/Conv2d_1a_7x7/BatchNorm/moving_mean (VariableV2)\n", glob);
    }

    @Test
    void opsListsNodesOfAType() throws IOException {
        assertEquals("InceptionV1/Logits/Predictions/Softmax\n", run("ops Softmax\n"));
        String histogram = run("ops\n");
        assertTrue(histogram.lines().anyMatch(line -> line.matches(" +58  Conv2D")), histogram);
    }

    @Test
    void showRendersOpAttributesInputsAndConsumers() throws IOException {
        String shown = run("show InceptionV1/InceptionV1/Conv2d_1a_7x7/Conv2D\n");
        assertTrue(shown.startsWith("InceptionV1/InceptionV1/Conv2d_1a_7x7/Conv2D\n  op:        Conv2D\n"), shown);
        assertTrue(shown.contains("  attr strides = [1,2,2,1]\n"), shown);
        assertTrue(shown.contains("  attr padding = \"SAME\"\n"), shown);
        assertTrue(shown.contains("  output 0:  float32 (-1,112,112,64)\n"), shown);
        assertTrue(shown.contains("  input 0:   input (Placeholder)  float32 (-1,224,224,3)\n"), shown);
        assertTrue(shown.contains("  input 1:   InceptionV1/Conv2d_1a_7x7/weights/read (Identity)  float32 (7,7,3,64)\n"), shown);
        assertTrue(shown.contains("  consumer:  InceptionV1/InceptionV1/Conv2d_1a_7x7/BatchNorm/"), shown);
    }

    @Test
    void inAndOutDrawTrees() throws IOException {
        String in = run("in " + OUTPUT + " 1\n");
        assertTrue(in.startsWith(OUTPUT + " (Reshape)\n├─ InceptionV1/Logits/Predictions/Softmax (Softmax)\n"), in);
        String out = run("out input 1\n");
        assertTrue(out.startsWith("input (Placeholder)\n└─ InceptionV1/InceptionV1/Conv2d_1a_7x7/Conv2D (Conv2D)\n"), out);
    }

    @Test
    void pathFollowsEdges() throws IOException {
        List<String> lines = run("path input " + OUTPUT + "\n").lines().toList();
        assertEquals("   input (Placeholder)", lines.get(0));
        assertEquals(" → " + OUTPUT + " (Reshape)", lines.get(lines.size() - 2));
        assertEquals((lines.size() - 2) + " edges", lines.get(lines.size() - 1));
    }

    @Test
    void lsShowsScopesWithCounts() throws IOException {
        String top = run("ls\n");
        assertTrue(top.lines().anyMatch(line -> line.matches("InceptionV1/ \\d+ nodes")), top);
        assertTrue(top.contains("input (Placeholder)\n"), top);
        String logits = run("ls InceptionV1/Logits/Predictions\n");
        assertTrue(logits.contains("Softmax (Softmax)\n") && logits.contains("Reshape_1 (Reshape)\n"), logits);
        String tree = run("ls InceptionV1/Logits 2\n");
        assertTrue(tree.contains("Predictions/ 5 nodes\n  Reshape/ 1 nodes\n  Reshape (Reshape)\n"), tree);
    }

    @Test
    void statsAndConsts() throws IOException {
        assertTrue(run("stats\n").contains("Op types used: "));
        List<String> consts = run("consts --top 3\n").lines().toList();
        assertEquals(3, consts.size(), consts.toString());
        assertTrue(consts.get(0).contains("InceptionV1/Logits/Conv2d_0c_1x1/weights (VariableV2)"), consts.get(0));
    }

    @Test
    void cutAndSaveWriteAGraphWhoseInputIsTheCut(@TempDir Path dir) throws IOException {
        Path saved = dir.resolve("head.pb");
        String out = run("cut --input InceptionV1/InceptionV1/Mixed_5c/concat --output " + OUTPUT + "\nsave " + saved + "\n");
        assertTrue(out.startsWith("cut: "), out);
        assertTrue(out.contains("wrote " + saved), out);
        String summary = run(ModelSource.graphFile(saved), "inputs\noutputs\n");
        assertEquals("InceptionV1/InceptionV1/Mixed_5c/concat  float32 (-1,7,7,1024)\n" + OUTPUT + " (Reshape)\n", summary);
    }

    @Test
    void saveFreezesWithTheCheckpointsValuesAsTensorFlowDoes(@TempDir Path dir) throws IOException {
        Path freeze = TestData.repo().resolve("testdata/freeze/partitioned");
        ModelSource meta = ModelSource.metaGraph(freeze.resolve("model.ckpt.meta"));
        Path saved = dir.resolve("frozen.pb");
        String out = run(meta, "cut --output y\nsave " + saved + "\n");
        assertTrue(out.contains("wrote " + saved + " (36 nodes, 10 variable(s) frozen with their checkpoint values)"),
                out);
        // tf_frozen.pb: tf.compat.v1.graph_util.convert_variables_to_constants of the same MetaGraph (make_freeze_models.py)
        assertEquals(GraphDef.parseFrom(Files.readAllBytes(freeze.resolve("tf_frozen.pb"))).getNodeList(),
                GraphDef.parseFrom(Files.readAllBytes(saved)).getNodeList());
    }

    @Test
    void cutTellsWhatConvertCannotTranslate() throws IOException {
        String out = run("cut --input InceptionV1/InceptionV1/Mixed_5c/concat\n");
        assertTrue(out.contains("  convert: unsupported op types: VariableV2\n"), out);
    }

    @Test
    void convertRunsTheConverterOnTheExploredModel(@TempDir Path dir) throws IOException {
        String out = run(ModelSource.graphFile(TestData.model("small_frozen.pb")), "convert -b 1 --output_dir " + dir
                + "\n");
        assertTrue(Files.size(dir.resolve("small_frozen.xml")) > 0 && Files.size(dir.resolve("small_frozen.bin")) > 0,
                out);
        assertTrue(out.contains(dir.resolve("small_frozen.xml").toString()), out);
    }

    @Test
    void mistakesAreReportedAndTheLoopGoesOn() throws IOException {
        String out = run("frobnicate\nshow NoSuchNode\nhelp show\nquit\nsummary\n");
        assertEquals("error: unknown command 'frobnicate'; 'help' lists the commands\n"
                + "error: no node named 'NoSuchNode'; 'find' searches names\n"
                + "usage: show <node>\n  a node: op, device, attributes, output types, inputs, consumers, control edges\n", out);
    }

    @Test
    void savedModelIsExploredToo() throws IOException {
        ModelSource savedModel = ModelSource.savedModel(TestData.model("saved_model_tf2"));
        String out = run(savedModel, "summary\n");
        assertEquals(TestData.expectedSummary("saved_model_tf2"), out);
        assertTrue(Files.isDirectory(savedModel.savedModelDir()));
    }
}
