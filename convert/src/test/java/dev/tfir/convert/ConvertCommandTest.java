package dev.tfir.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.testing.TestData;
import dev.tfir.convert.translate.op.OpTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: mo's options, the summary, exit codes, one-line errors, nothing written on failure. */
class ConvertCommandTest {
    private static final String ZOO = TestData.repo().resolve("testdata/convert/ops_zoo.pb").toString();
    private static final String UNSUPPORTED = TestData.repo().resolve("testdata/convert/unsupported_ops.pb")
            .toString();

    @TempDir
    Path dir;

    @Test
    void convertsWithTheSeedsOptions() throws IOException {
        Cli cli = Cli.run("--input_model", ZOO, "-b", "1", "--mean_value", "[127.5,127.5,127.5]", "--scale", "127.5",
                "--output_dir", dir.toString());

        assertEquals(0, cli.exitCode(), cli.err());
        assertEquals("", cli.err());
        assertTrue(cli.out().contains("  input: f32 [1,16,16,3] (mean [127.5,127.5,127.5], scale 127.5)\n"),
                cli.out());
        assertTrue(cli.out().contains("  output: f32 [1,10]\n"), cli.out());
        assertTrue(cli.out().contains("[ SUCCESS ] XML file: " + dir.resolve("ops_zoo.xml").toAbsolutePath()));
        assertTrue(cli.out().contains("weights in FP16"), cli.out());
        String xml = Files.readString(dir.resolve("ops_zoo.xml"));
        assertTrue(xml.contains("<mean_values value=\"[127.5,127.5,127.5]\" />"), xml);
        assertTrue(xml.contains("<input_model value=\"DIR/ops_zoo.pb\" />"));
        assertTrue(xml.contains("names=\"input,input:0\""));
        assertEquals(List.of("ops_zoo.bin", "ops_zoo.xml"), files(dir));
    }

    @Test
    void cutsTheGraphAtNamedInputsAndOutputs() {
        Cli cli = Cli.run("--input_model", ZOO, "--input", "relu6[2,8,8,8]", "--output", "squeeze",
                "--compress_to_fp16=False", "--model_name", "cut", "--output_dir", dir.toString());

        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("  relu6: f32 [2,8,8,8]\n"), cli.out());
        assertTrue(cli.out().contains("  squeeze: f32 [2,44]\n"), cli.out());
        assertTrue(cli.out().contains("weights in FP32"), cli.out());
    }

    @Test
    void theSummarySaysWhatIsLeftOutAndWhatIsAddedAsInput() throws IOException {
        Path model = new GraphBuilder().placeholder("input", -1, 4).placeholder("input_1", 1, 4)
                .placeholder("unused_control_flow_input", 1).floats("w", new long[] {4}, null)
                .op("mul", "Mul", Map.of(), "input", "w").op("out", "AddV2", Map.of(), "mul", "input_1")
                .op("w/Regularizer/l2_regularizer", "L2Loss", Map.of(), "w").write(dir.resolve("ends.pb"));

        Cli defaults = Cli.run("--input_model", model.toString(), "-b", "1", "--output_dir", dir.toString());
        Cli cut = Cli.run("--input_model", model.toString(), "--input", "0:mul", "--input_shape", "[1,4]",
                "--output_dir", dir.toString());

        assertEquals(0, defaults.exitCode(), defaults.err());
        assertTrue(defaults.out().contains("  left out: 1 Placeholder the outputs do not need: "
                + "'unused_control_flow_input'\n"), defaults.out());
        assertTrue(defaults.out().contains("  left out: 1 training-only output that no model input reaches "
                + "(L2Loss 1): 'w/Regularizer/l2_regularizer'; name them in --output to keep them\n"), defaults.out());
        assertEquals(0, cut.exitCode(), cut.err());
        assertTrue(cut.out().contains("  0:mul: f32 [1,4]\n  input_1: f32 [1,4] (not in --input, but the outputs "
                + "need this Placeholder: a further input, as in mo)\n"), cut.out());
    }

    @Test
    void listsTheSupportedOpsFromTheRegistry() {
        Cli cli = Cli.run("--list-ops");

        assertEquals(0, cli.exitCode());
        assertArrayEquals(OpTable.standard().opTypes().toArray(), cli.out().split("\n"));
    }

    @Test
    void convertsATf2SavedModelThroughItsFunctionBodies() throws IOException {
        Cli cli = Cli.run("--saved_model_dir", TestData.model("saved_model_tf2_calls").toString(),
                "--compress_to_fp16=False", "--output_dir", dir.toString());

        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().startsWith("Model: SavedModel (TF2), 36 TensorFlow nodes converted\nInputs:\n"
                + "  x: f32 [?,6]\nOutputs:\n  Identity: f32 [?,6]\n"), cli.out());
        String xml = Files.readString(dir.resolve("saved_model.xml"));
        assertEquals(1, count(xml, "type=\"Result\""), "the signature's output only, not what control edges ordered");
        assertEquals(2, count(xml, "type=\"Split\""), "Split and Unpack of the called functions");
        assertEquals(1, count(xml, "type=\"VariadicSplit\""), "SplitV");
        assertEquals(3, count(xml, "type=\"Squeeze\""), "Unpack's 3 pieces lose their axis");
        assertTrue(xml.contains("name=\"w\" type=\"Const\""), "the captured variable from the checkpoint");
    }

    @Test
    void convertsArgMaxAndSizeOfADynamicBatch() throws IOException {
        Cli cli = Cli.run("--saved_model_dir", TestData.model("saved_model_tf2_multi").toString(),
                "--output_dir", dir.toString());

        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("Outputs:\n  Identity: i64 [?]\n  Identity_1: i32 []\n  Identity_2: f32 [?,3]\n"),
                cli.out());
        String xml = Files.readString(dir.resolve("saved_model.xml"));
        assertEquals(1, count(xml, "type=\"TopK\" version=\"opset11\""), "ArgMax: the first of the largest");
        assertEquals(1, count(xml, "type=\"ReduceProd\""), "Size of an input whose length is known at run time");
        assertTrue(xml.contains(",Identity,Identity:0,best\""), "the signature's key names its output, as in mo");
        assertTrue(xml.contains(",Identity_2,Identity_2:0,scores\""), xml);
    }

    @Test
    void aTf1SavedModelsTensorsAreNamedByTheirSignatureKeysToo() throws IOException {
        Cli cli = Cli.run("--saved_model_dir", TestData.model("saved_model_tf1").toString(), "--output_dir",
                dir.toString());

        assertEquals(0, cli.exitCode(), cli.err());
        String xml = Files.readString(dir.resolve("saved_model.xml"));
        assertTrue(xml.contains("names=\"input,input:0,images\""), "the input, by its key 'images' too");
        assertTrue(xml.contains("SmallNet/Predictions/Reshape_1:0,scores\""), "the output, by its key 'scores' too");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void unsupportedOpsFailOnceWithTheFullListAndWriteNothing() throws IOException {
        Cli cli = Cli.run("--input_model", UNSUPPORTED, "--output_dir", dir.toString());

        assertEquals(1, cli.exitCode());
        assertEquals("convert: error: the model uses 2 op types that convert cannot translate: Igamma (2 nodes: "
                + "'gamma_low', 'gamma_high'), Zeta (node 'zeta'); 'convert --list-ops' lists the supported op types\n",
                cli.err());
        assertEquals(List.of(), files(dir));
    }

    @Test
    void aFailedConversionLeavesEarlierFilesAlone() throws IOException {
        assertEquals(0, Cli.run("--input_model", ZOO, "-b", "1", "--model_name", "m", "--output_dir",
                dir.toString()).exitCode());
        byte[] xml = Files.readAllBytes(dir.resolve("m.xml"));

        assertEquals(1, Cli.run("--input_model", UNSUPPORTED, "--model_name", "m", "--output_dir",
                dir.toString()).exitCode());
        assertArrayEquals(xml, Files.readAllBytes(dir.resolve("m.xml")));
        assertEquals(List.of("m.bin", "m.xml"), files(dir));
    }

    @Test
    void usageErrorsAreOneLineAndExit2() {
        assertUsage("Unknown option: '--bogus'", "--input_model", ZOO, "--bogus");
        assertUsage("'x' in [1,x] is not a dimension", "--input_model", ZOO, "--input_shape", "[1,x]");
        assertUsage("expected True or False, not 'maybe'", "--input_model", ZOO, "--compress_to_fp16=maybe");
        assertUsage("expected a positive integer, not '0'", "--input_model", ZOO, "-b", "0");
        assertUsage("changing the layout ('nhwc->nchw') is not supported", "--input_model", ZOO, "--layout",
                "nhwc->nchw");
        assertUsage("no model given", "-b", "1");
    }

    @Test
    void badInputsAreOneLineAndExit1() throws IOException {
        Cli missing = Cli.run("--input_model", dir.resolve("missing.pb").toString());
        assertEquals(1, missing.exitCode());
        assertEquals(1, missing.err().lines().count(), missing.err());

        Cli shapes = Cli.run("--input_model", ZOO, "--input_shape", "[1,16,16,3],[1,2]", "--output_dir",
                dir.toString());
        assertEquals(1, shapes.exitCode());
        assertEquals("convert: error: --input_shape gives 2 shape(s) for 1 input(s); give one per input, in the "
                + "order of --input\n", shapes.err());

        Cli channels = Cli.run("--input_model", ZOO, "--mean_values", "[1,2,3,4]", "--output_dir", dir.toString());
        assertEquals(1, channels.exitCode());
        assertTrue(channels.err().startsWith("convert: error: cannot tell the channel axis of input 'input'"),
                channels.err());
        assertEquals(List.of(), files(dir));
    }

    @Test
    void anInferenceGraphNeedsItsCheckpoint() {
        Cli without = Cli.run("--input_model", TestData.model("small_inference_graph.pb").toString(), "-b", "1",
                "--output_dir", dir.toString());
        assertEquals(1, without.exitCode());
        assertTrue(without.err().endsWith("the graph has variables, so it is not frozen: give their checkpoint with "
                + "--input_checkpoint\n"), without.err());

        Cli with = Cli.run("--input_model", TestData.model("small_inference_graph.pb").toString(),
                "--input_checkpoint", TestData.model("small").toString(), "-b", "1", "--output_dir", dir.toString());
        assertEquals(0, with.exitCode(), with.err());
        assertTrue(with.out().startsWith("Model: GraphDef + checkpoint"), with.out());
    }

    @Test
    void batchOnlyWhereTheFirstAxisCanBeOne() {
        Cli cli = Cli.run("--input_model", ZOO, "--input", "input[4,16,16,3]", "-b", "2", "--output_dir",
                dir.toString());
        assertEquals(1, cli.exitCode());
    }

    private static void assertUsage(String problem, String... args) {
        Cli cli = Cli.run(args);
        assertEquals(2, cli.exitCode(), cli.err());
        assertEquals(1, cli.err().lines().count(), cli.err());
        assertTrue(cli.err().startsWith("convert: error: ") && cli.err().contains(problem), cli.err());
        assertTrue(cli.err().endsWith(" (see 'convert --help')\n"), cli.err());
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
