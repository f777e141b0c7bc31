package dev.tfir.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tfir.common.testing.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input: one line on stderr that names the file, says what it is or what is wrong and what was expected;
 * exit code 1 (2 for usage errors); nothing on stdout; no stack trace unless --verbose.
 */
class BadInputTest {
    private static final String EXPECTED = "; expected a TensorFlow model: a frozen or inference graph (.pb), a text "
            + "graph (.pbtxt), a MetaGraph (.meta) or a SavedModel directory (--saved_model_dir)\n";

    private static void assertError(int exitCode, String message, String... args) {
        Cli result = Cli.run(args);
        assertEquals(message, result.err());
        assertEquals(exitCode, result.exitCode());
        assertEquals("", result.out());
    }

    private static String bad(String name) {
        return TestData.bad(name).toString();
    }

    @Test
    void missingPath() {
        String path = TestData.repo().resolve("testdata/no_such_model.pb").toString();
        assertError(1, "summarize-graph: error: " + path + ": no such file, expected a GraphDef file\n",
                "--input_model", path);
    }

    @Test
    void directory(@TempDir Path dir) {
        assertError(1, "summarize-graph: error: " + dir + ": is a directory, expected a GraphDef file\n",
                "--input_model", dir.toString());
    }

    @Test
    void savedModelDirectoryGivenAsModelFile() {
        String dir = TestData.model("saved_model_tf2").toString();
        assertError(1, "summarize-graph: error: " + dir + ": is a directory, expected a GraphDef file; it holds a "
                + "SavedModel: pass it with --saved_model_dir\n", "--input_model", dir);
    }

    @Test
    void emptyFile() {
        assertError(1, "summarize-graph: error: " + bad("empty.pb") + ": the file is empty, expected a GraphDef file\n",
                "--input_model", bad("empty.pb"));
    }

    @Test
    void randomBytes() {
        assertError(1, "summarize-graph: error: " + bad("random_bytes.pb")
                + ": not a valid GraphDef (the bytes are not protobuf data)" + EXPECTED, "--input_model", bad("random_bytes.pb"));
    }

    @Test
    void truncatedGraph() {
        assertError(1, "summarize-graph: error: " + bad("truncated.pb") + ": not a valid GraphDef (a field at byte 73 "
                + "declares 947 bytes, but only 924 are left in the message that holds it: the file is truncated or "
                + "corrupt)" + EXPECTED, "--input_model", bad("truncated.pb"));
    }

    @Test
    void onnxModel() {
        assertError(1, "summarize-graph: error: " + bad("tiny.onnx") + ": this is an ONNX model; tfir reads TensorFlow "
                + "models only\n", "--input_model", bad("tiny.onnx"));
    }

    @Test
    void tfliteFlatbuffer() {
        assertError(1, "summarize-graph: error: " + bad("tiny.tflite") + ": this is a TensorFlow Lite flatbuffer "
                + "(.tflite), which is already converted; tfir reads the TensorFlow model it was made from\n",
                "--input_model", bad("tiny.tflite"));
    }

    @Test
    void kerasH5() {
        assertError(1, "summarize-graph: error: " + bad("tiny_keras.h5") + ": this is an HDF5 file (a Keras .h5 model); "
                + "save the Keras model as a SavedModel (tf.saved_model.save) and pass its directory with "
                + "--saved_model_dir\n", "--input_model", bad("tiny_keras.h5"));
    }

    @Test
    void textThatIsNotAGraph() {
        assertError(1, "summarize-graph: error: " + bad("not_a_graph.txt") + ": not a GraphDef in text format (line 1, "
                + "column 6: Expected \"{\".)" + EXPECTED, "--input_model", bad("not_a_graph.txt"));
    }

    @Test
    void binaryGraphForcedToText() {
        String graph = TestData.model("small_frozen.pb").toString();
        assertError(1, "summarize-graph: error: " + graph + ": the file is binary, but it was to be read as text "
                + "(--input_model_is_text); leave the option out, binary and text are told apart by content\n",
                "--input_model", graph, "--input_model_is_text");
    }

    @Test
    void checkpointIndexGivenAsModel() {
        String index = TestData.model("small.index").toString();
        assertError(1, "summarize-graph: error: " + index + ": this is a TensorFlow checkpoint file (a table of "
                + "variables, not a graph); pass it with --input_checkpoint next to --input_model or "
                + "--input_meta_graph\n", "--input_model", index);
    }

    @Test
    void usageErrors() {
        assertError(2, "summarize-graph: error: Unknown option: '--frobnicate' (see 'summarize-graph --help')\n",
                "--frobnicate");
        assertError(2, "summarize-graph: error: no model given: pass --input_model FILE, --input_meta_graph FILE or "
                + "--saved_model_dir DIR (see 'summarize-graph --help')\n");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Cli result = Cli.run("--verbose", "--input_model", bad("truncated.pb"));
        assertEquals(1, result.exitCode());
        assertFalse(result.err().lines().count() < 3, result.err());
    }

    @Test
    void noStackTraceWithoutVerbose() {
        Cli result = Cli.run("--input_model", bad("random_bytes.pb"));
        assertEquals(1, result.err().lines().count(), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
    }
}
