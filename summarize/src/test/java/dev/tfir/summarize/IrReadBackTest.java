package dev.tfir.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * summarize-graph on OpenVINO IRs that mo, ovc and OpenVINO's v10 serializer wrote (testdata/ir, made by
 * tools/models/make_ir_fixtures.py): the inputs and outputs must be those OpenVINO's own read_model gives (the
 * .read_model.json goldens); statistics from the file's contents; bad IRs get one line and exit 1.
 */
class IrReadBackTest {
    private static final Pattern OURS = Pattern.compile("\"names\": \\[([^\\]]*)], \"layer\": \"[^\"]*\", "
            + "\"element_type\": \"([^\"]+)\", \"shape\": (?:null|\\[[-0-9, ]*]), \"partial_shape\": \"([^\"]+)\"");
    private static final Pattern GOLDEN = Pattern.compile(
            "\"element_type\": \"([^\"]+)\",\\s*\"names\": \\[([^\\]]*)],\\s*\"partial_shape\": \"([^\"]+)\"");

    private static Path ir(String name) {
        return TestData.repo().resolve("testdata/ir/" + name);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"two_mo", "two_ovc", "small_ovc", "small_v10"})
    void inputsAndOutputsAreWhatReadModelGives(String name) throws IOException {
        Cli result = Cli.run("--input_model", ir(name + ".xml").toString(), "--json");
        assertEquals(0, result.exitCode(), result.err());
        String golden = Files.readString(ir(name + ".read_model.json"));
        int split = golden.indexOf("\"outputs\"");
        int ourSplit = result.out().indexOf("\"outputs\"");
        assertEquals(tensors(GOLDEN, golden.substring(0, split), 2, 1, 3),
                tensors(OURS, result.out().substring(0, ourSplit), 1, 2, 3), "inputs");
        List<String> goldenOutputs = tensors(GOLDEN, golden.substring(split), 2, 1, 3);
        assertFalse(goldenOutputs.isEmpty());
        assertEquals(goldenOutputs, tensors(OURS, result.out().substring(ourSplit), 1, 2, 3), "outputs");
    }

    /** "names sorted | element type | partial shape" of each tensor, in order. */
    private static List<String> tensors(Pattern pattern, String json, int names, int type, int shape) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(json);
        while (m.find()) {
            String[] list = m.group(names).replaceAll("[\"\\s]", "").split(",");
            Arrays.sort(list);
            found.add(String.join(",", list) + " | " + m.group(type) + " | " + m.group(shape));
        }
        return found;
    }

    @Test
    void textListsInputsAndOutputsAsSummarizeGraphDoes() {
        Cli result = Cli.run("--input_model", ir("two_ovc.xml").toString());
        assertEquals("""
                2 input(s) detected:
                Name: input_a:0, type: f32, shape: [?,4]
                Name: input_b:0, type: f32, shape: [?,4]
                2 output(s) detected:
                Name: product:0, type: f32, shape: [?,4]
                Name: sum:0, type: f32, shape: [?,4]
                """, result.out());
    }

    @Test
    void statsCountTheFilesLayersAndConstantBytes() throws IOException {
        String xml = Files.readString(ir("small_ovc.xml"));
        long constants = count(xml, "type=\"Const\"");
        long convolutions = count(xml, "type=\"Convolution\"");
        Cli result = Cli.run("--input_model", ir("small_ovc.xml").toString(), "--stats");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains(constants + " Const"), result.out());
        assertTrue(result.out().contains(convolutions + " Convolution"), result.out());
        // every constant of ovc's IR lies in the .bin, one after the other
        assertTrue(result.out().contains("Constants: " + Files.size(ir("small_ovc.bin")) + " bytes"), result.out());
        assertTrue(result.out().contains("rt_info conversion_parameters.is_python_object = False"), result.out());
        Cli json = Cli.run("--input_model", ir("small_v10.xml").toString(), "--stats", "--json");
        assertTrue(json.out().contains("\"format\": \"OpenVINO IR v10\""), json.out());
        Matcher f16 = Pattern.compile("element_type=\"f16\" shape=\"[0-9, ]*\" offset=\"[0-9]+\" size=\"([0-9]+)\"")
                .matcher(Files.readString(ir("small_v10.xml")));
        long f16Bytes = 0;
        while (f16.find()) {
            f16Bytes += Long.parseLong(f16.group(1));
        }
        assertTrue(f16Bytes > 20_000);
        assertTrue(json.out().contains("\"constant_bytes\": {\"f16\": " + f16Bytes + ","), json.out());
    }

    private static long count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    @Test
    void badIrsGetOneLineAndExitOne(@TempDir Path dir) throws IOException {
        String good = Files.readString(ir("small_ovc.xml"));
        Files.copy(ir("small_ovc.bin"), dir.resolve("bin_truncated.bin"));
        Files.writeString(dir.resolve("bin_truncated.xml"), good);
        try (var channel = java.nio.channels.FileChannel.open(dir.resolve("bin_truncated.bin"),
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(1000);
        }
        Files.writeString(dir.resolve("no_bin.xml"), good);
        Files.writeString(dir.resolve("cut.xml"), good.substring(0, good.length() / 2));
        Files.writeString(dir.resolve("v7.xml"), good.replace("version=\"11\"", "version=\"7\""));
        Files.writeString(dir.resolve("root.xml"), "<?xml version=\"1.0\"?><graph/>");
        Files.writeString(dir.resolve("edge.xml"), good.replaceFirst("from-port=\"0\"", "from-port=\"9\""));
        Files.writeString(dir.resolve("doctype.xml"), "<?xml version=\"1.0\"?><!DOCTYPE net [<!ENTITY x "
                + "SYSTEM \"file:///etc/passwd\">]><net version=\"11\">&x;</net>");
        Files.writeString(dir.resolve("shape_gap.xml"), good.replace("shape=\"?,32,32,3\"", "shape=\"?,32,,3\""));
        Files.writeString(dir.resolve("dim_overflow.xml"), good.replaceFirst("<dim>32</dim>",
                "<dim>99999999999999999999</dim>"));
        for (String bad : List.of("shape_gap", "dim_overflow")) {
            Files.copy(ir("small_ovc.bin"), dir.resolve(bad + ".bin"));
        }
        for (String[] bad : new String[][] {{"bin_truncated", "the .bin is truncated"},
                {"shape_gap", "Parameter 'input:0' has shape=\"?,32,,3\", not a shape"},
                {"dim_overflow", "<dim>99999999999999999999</dim>, not a size"},
                {"no_bin", "no_bin.bin: cannot read the weights"}, {"cut", "XML error at line"},
                {"v7", "IR version '7'"}, {"root", "the root element is <graph>"}, {"edge", "joins no such port"},
                {"doctype", "not an OpenVINO IR"}}) {
            Cli result = Cli.run("--input_model", dir.resolve(bad[0] + ".xml").toString());
            assertEquals(1, result.exitCode(), bad[0] + ": " + result.err());
            assertEquals(1, result.err().lines().count(), bad[0] + ": " + result.err());
            assertTrue(result.err().contains(bad[1]), bad[0] + ": " + result.err());
            assertEquals("", result.out(), bad[0]);
        }
    }
}
