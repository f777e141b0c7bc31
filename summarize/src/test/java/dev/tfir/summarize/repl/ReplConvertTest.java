package dev.tfir.summarize.repl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.model.ModelSource;
import dev.tfir.common.testing.TestData;
import dev.tfir.convert.ConvertCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The REPL's convert and the convert executable, given the same options on the same model, write the same IR: the
 * same conversion parameters in the .xml (nothing REPL-only), the same .xml and a byte-equal .bin; in every form a
 * model is opened in.
 */
class ReplConvertTest {
    private static final Pattern PARAMETERS = Pattern.compile("<conversion_parameters>.*?</conversion_parameters>",
            Pattern.DOTALL);

    static Stream<Arguments> models() {
        Path frozen = TestData.model("small_frozen.pb");
        Path inference = TestData.model("small_inference_graph.pb");
        Path checkpoint = TestData.model("small");
        Path meta = TestData.model("small.meta");
        Path text = TestData.model("small.pbtxt");
        Path savedModel = TestData.model("saved_model_tf2");
        return Stream.of(
                Arguments.of(ModelSource.graphFile(frozen), List.of("--input_model", frozen.toString())),
                Arguments.of(ModelSource.graphFile(inference).withCheckpoint(checkpoint),
                        List.of("--input_model", inference.toString(), "--input_checkpoint", checkpoint.toString())),
                Arguments.of(ModelSource.metaGraph(meta), List.of("--input_meta_graph", meta.toString())),
                Arguments.of(ModelSource.graphFile(text).readAsText(),
                        List.of("--input_model", text.toString(), "--input_model_is_text")),
                Arguments.of(ModelSource.savedModel(savedModel).withTags(List.of("serve")),
                        List.of("--saved_model_dir", savedModel.toString(), "--saved_model_tags", "serve")));
    }

    @ParameterizedTest
    @MethodSource("models")
    void theReplsConvertWritesTheIrTheCliWrites(ModelSource source, List<String> modelArgs, @TempDir Path dir)
            throws IOException {
        Path fromRepl = dir.resolve("repl/ir");
        Path fromCli = dir.resolve("cli/ir");
        String replOut = GraphShellTest.run(source, "convert -b 1 --output_dir " + fromRepl + "\n");
        List<String> args = new ArrayList<>(modelArgs);
        args.addAll(List.of("-b", "1", "--output_dir", fromCli.toString()));
        StringWriter cliOut = new StringWriter();
        int exit = ConvertCommand.commandLine(new PrintWriter(cliOut, true), new PrintWriter(cliOut, true))
                .execute(args.toArray(String[]::new));
        assertEquals(0, exit, cliOut.toString());

        Path replXml = onlyFile(fromRepl, ".xml", replOut);
        Path cliXml = onlyFile(fromCli, ".xml", cliOut.toString());
        assertEquals(cliXml.getFileName(), replXml.getFileName());
        String replText = Files.readString(replXml);
        String cliText = Files.readString(cliXml);
        assertEquals(parameters(cliText), parameters(replText));
        assertTrue(parameters(cliText).contains("<batch value=\"1\" />"), parameters(cliText));
        assertEquals(cliText, replText);
        String bin = cliXml.getFileName().toString().replaceFirst("\\.xml$", ".bin");
        assertArrayEquals(Files.readAllBytes(fromCli.resolve(bin)), Files.readAllBytes(fromRepl.resolve(bin)));
    }

    @Test
    void aFailedConvertIsOneLineAndTheLoopGoesOn(@TempDir Path dir) throws IOException {
        String out = GraphShellTest.run(ModelSource.graphFile(TestData.model("small_frozen.pb")),
                "convert --frobnicate\nconvert --output no_such_node --output_dir " + dir + "\ninputs\n");
        List<String> lines = out.lines().toList();
        assertEquals(3, lines.size(), out);
        assertTrue(lines.get(0).startsWith("error: Unknown option: '--frobnicate'"), out);
        assertTrue(lines.get(1).startsWith("error: ") && lines.get(1).contains("no_such_node"), out);
        assertTrue(lines.get(2).startsWith("input "), out);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "a failed convert leaves no file");
        }
    }

    private static Path onlyFile(Path dir, String suffix, String output) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.toString().endsWith(suffix)).toList();
            assertEquals(1, found.size(), output);
            return found.get(0);
        }
    }

    private static String parameters(String xml) {
        Matcher m = PARAMETERS.matcher(xml);
        assertTrue(m.find(), "no conversion_parameters in the IR");
        return m.group();
    }
}
