package dev.tfir.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.testing.TestData;
import dev.tfir.convert.ConvertCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Hostile files made from TensorFlow's fixtures, through both command lines in the JVM: a bad one gets exit 1 and
 * one line on stderr (no trace, no crash), a valid one is read.
 */
class HostileInputTest {
    /** The bytes of the first packed float array of small_inference_graph.pb: field 5 of a TensorProto, 4 bytes. */
    private static final byte[] ONE_PACKED_FLOAT = {0x2a, 0x04};
    private static final byte[] LENGTH_0X7FFFFFFF = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07};

    @TempDir
    Path dir;

    /** A length of 0x7fffffff made protobuf 3.25's decoder of mapped files read outside the file (a JVM crash). */
    @Test
    void packedArrayLengthPastTheFile() throws IOException {
        byte[] graph = Files.readAllBytes(TestData.model("small_inference_graph.pb"));
        int at = indexOf(graph, ONE_PACKED_FLOAT);
        Path hostile = write("packed_length.pb", concat(Arrays.copyOf(graph, at + 1), LENGTH_0X7FFFFFFF,
                Arrays.copyOfRange(graph, at + 2, graph.length)));
        String problem = ": not a valid GraphDef (a field at byte " + at + " declares 2147483647 bytes";
        for (Run run : new Run[] {summarize("--input_model", hostile.toString()),
                convert("--input_model", hostile.toString(), "--output_dir", dir.resolve("ir").toString())}) {
            assertOneLineError(run, hostile, problem);
        }
    }

    /** A binary graph whose first 4 KB are printable (a node name of a million letters) is still binary. */
    @Test
    void millionCharacterNodeName() throws IOException {
        GraphDef graph = GraphDef.parseFrom(Files.readAllBytes(TestData.model("two_inputs_two_outputs.pb")));
        String old = graph.getNode(0).getName();
        byte[] bytes = null;
        String name = null;
        for (int length = 1_000_000; bytes == null || !startsPrintable(bytes); length++) {
            name = "n".repeat(length);
            bytes = renamed(graph, old, name).toByteArray();
        }
        Path model = write("long_name.pb", bytes);
        assertTrue(bytes.length > 1_000_000, "size " + bytes.length);

        Run summary = summarize("--input_model", model.toString());
        assertEquals(0, summary.exitCode(), summary.err());
        assertTrue(summary.out().contains("Name: " + name + ", type: "), "the input is listed");
        Run conversion = convert("--input_model", model.toString(), "--output_dir", dir.resolve("ir").toString());
        assertEquals(0, conversion.exitCode(), conversion.err());
        assertTrue(Files.readString(dir.resolve("ir/long_name.xml")).contains(name));
    }

    private static GraphDef renamed(GraphDef graph, String old, String name) {
        GraphDef.Builder builder = graph.toBuilder();
        for (NodeDef.Builder node : builder.getNodeBuilderList()) {
            if (node.getName().equals(old)) {
                node.setName(name);
            }
            for (int i = 0; i < node.getInputCount(); i++) {
                String input = node.getInput(i);
                if (input.equals(old) || input.startsWith(old + ":") || input.equals("^" + old)) {
                    node.setInput(i, input.replaceFirst("^(\\^?)" + old, "$1" + name));
                }
            }
        }
        return builder.build();
    }

    private static boolean startsPrintable(byte[] bytes) {
        for (int i = 0; i < 4096; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static void assertOneLineError(Run run, Path file, String problem) {
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith(run.tool() + ": error: " + file + problem), run.err());
        assertEquals("", run.out());
    }

    private record Run(String tool, int exitCode, String out, String err) {}

    private static Run summarize(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SummarizeGraphCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new Run("summarize-graph", code, out.toString(), err.toString());
    }

    private static Run convert(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ConvertCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run("convert", code, out.toString(), err.toString());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        for (int i = 0; i + pattern.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not found");
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
