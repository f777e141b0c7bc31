package dev.tfir.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Graphs TensorFlow rejects (testdata/bad/graphs, made by tools/models/make_bad_graphs.py, each with TensorFlow's own
 * error beside it): convert exits 1 with one line on stderr that names the node and says what TensorFlow requires,
 * prints no stack trace and leaves no files. And a hostile size: an AddN of 200,000 inputs converts in linear time.
 */
class BadGraphTest {
    /** For each case, what the line must say about the attribute or value that is wrong. */
    private static final Map<String, String> SAYS = Map.ofEntries(
            Map.entry("conv2d_zero_stride", "strides [1, 0, 1, 1]"),
            Map.entry("conv2d_strides_length", "strides [1, 1, 1]"),
            Map.entry("conv2d_zero_dilation", "dilations [1, 0, 1, 1]"),
            Map.entry("conv2d_filter_depth", "input depth 3 is not a multiple of the filters' input depth 5"),
            Map.entry("depthwise_zero_stride", "strides [1, 1, 0, 1]"),
            Map.entry("maxpool_zero_ksize", "ksize [1, 0, 2, 1]"),
            Map.entry("avgpool_zero_stride", "strides [1, 2, 0, 1]"),
            Map.entry("maxpool_window_too_big", "the window (9) is larger than the input (8"),
            Map.entry("split_zero", "num_split 0"),
            Map.entry("split_uneven", "num_split 3 for axis 1 of size 4"),
            Map.entry("split_axis", "axis 5 is out of range for rank 2"),
            Map.entry("splitv_sizes", "size_splits [1, 2] for axis 1 of size 4"),
            Map.entry("unpack_num", "num 3 for axis 0 of size 2"),
            Map.entry("transpose_perm_out_of_range", "perm [5, 5] for an input of rank 2"),
            Map.entry("transpose_perm_repeated", "perm [0, 0] for an input of rank 2"),
            Map.entry("matmul_inner_dims", "have inner dims 4 and 7"),
            Map.entry("matmul_transpose_b", "have inner dims 4 and 3"),
            Map.entry("batch_matmul_inner_dims", "have inner dims 4 and 5"),
            Map.entry("pad_negative", "paddings [-1, 0, 0, 0]"),
            Map.entry("pad_shape", "paddings of shape [3, 2] for an input of shape [1, 4]"),
            Map.entry("mirror_pad_too_big", "paddings 4, 0 of dim 1 of size 4"),
            Map.entry("reshape_count", "cannot reshape [1, 4] (4 elements) to [3, 2] (6 elements)"),
            Map.entry("reshape_two_unknown", "shape [-1, -1] has more than one -1"),
            Map.entry("concat_dims", "dims 3 and 4 differ"),
            Map.entry("concat_axis", "shape [2, 4] has rank 2; TensorFlow requires rank >= 3"),
            Map.entry("pack_shapes", "dims 4 and 3 differ"),
            Map.entry("mean_axis", "axis 7 is out of range for rank 2"),
            Map.entry("argmax_axis", "axis 2 is out of range for rank 2"),
            Map.entry("squeeze_not_one", "squeeze_dims holds dim 1 of [1, 4], of size 4"),
            Map.entry("expand_dims_axis", "axis 4 is out of range for rank 3"),
            Map.entry("gather_axis", "shape [1, 4] has rank 2; TensorFlow requires rank >= 4"),
            Map.entry("strided_slice_zero_stride", "strides[1] is 0"),
            Map.entry("bias_add_size", "dims 4 and 3 differ"),
            Map.entry("add_shapes", "shapes [1, 4] and [3] do not broadcast"),
            Map.entry("ensure_shape_mismatch", "dims 4 and 3 differ"),
            Map.entry("const_shape_overflow", "value of shape [1099511627776, 1099511627776], more than 2^63 - 1"),
            Map.entry("const_shape_overflow_no_content",
                    "value of shape [1099511627776, 1099511627776], more than 2^63 - 1"),
            Map.entry("name_with_newline", "node #2 has name 'bad?line' and op 'Conv2D', which TensorFlow does not "
                    + "allow"));

    @TempDir
    Path dir;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(TestData.bad("graphs"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".pb"))
                    .map(name -> name.substring(0, name.length() - ".pb".length())).sorted().toList().stream();
        }
    }

    @Test
    void everyFixtureIsChecked() throws IOException {
        assertEquals(SAYS.keySet(), Set.copyOf(cases().toList()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneLineNamingTheNodeAndNothingWritten(String name) throws IOException {
        Path graph = TestData.bad("graphs/" + name + ".pb");
        assertTrue(Files.isRegularFile(TestData.bad("graphs/" + name + ".tf_error.txt")), "TensorFlow rejects it");
        Path out = dir.resolve("out");
        Cli result = Cli.run("--input_model", graph.toString(), "-o", out.toString(), "--no_progress");
        assertEquals(1, result.exitCode(), result.err());
        assertEquals("", result.out());
        String line = result.err();
        assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "one line: " + line);
        assertTrue(line.startsWith("convert: error: "), line);
        assertTrue(line.contains("'bad'") || line.contains("'bad?line'"), "names the node: " + line);
        assertTrue(line.contains(SAYS.get(name)), line);
        assertTrue(line.contains("TensorFlow"), "says what TensorFlow requires: " + line);
        assertFalse(line.contains("Exception") || line.contains("\tat "), line);
        assertTrue(!Files.exists(out) || isEmpty(out), "nothing written");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Cli result = Cli.run("--verbose", "--input_model", TestData.bad("graphs/split_zero.pb").toString(), "-o",
                dir.toString(), "--no_progress");
        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("convert: error: Split 'bad': num_split 0; TensorFlow requires num_split "
                + ">= 1\n"), result.err());
        assertTrue(result.err().contains("\tat dev.tfir."), result.err());
    }

    /** Valid graphs that the given input shape makes invalid: convert's own translation checks them. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "matmul_unknown_input | [1,5] | MatMul 'bad': MatMul of [1, 5] and [4, 3] (transposed: false, false) has inner "
                + "dims 5 and 4; they must be equal",
        "concat_unknown_input | [1,5] | ConcatV2 'bad': Concat along axis 0 of [1, 5] and [2, 4]: the other dims must "
                + "be equal",
        "maxpool_unknown_input | [1,2,2,3] | MaxPool 'bad': the window (3) is larger than the input (2, padded); TensorFlow "
                + "requires it to fit",
    })
    void inputShapesThatBreakTheGraphAreOneLine(String name, String shape, String message) throws IOException {
        Cli result = Cli.run("--input_model", TestData.bad(name + ".pb").toString(), "--input_shape", shape, "-o",
                dir.toString(), "--no_progress");
        assertEquals(1, result.exitCode());
        assertEquals("convert: error: " + message + "\n", result.err());
        assertTrue(isEmpty(dir));
    }

    @Test
    void aConstantTooBigToHoldIsOneLine() {
        Cli result = Cli.run("--input_model", TestData.bad("const_zeros_16gb.pb").toString(), "-o", dir.toString(),
                "--no_progress");
        assertEquals(1, result.exitCode());
        assertEquals("convert: error: Const 'bad': repeats 0 listed values to 4294967296 f32 elements ([65536, 65536]), "
                + "more than convert holds in one constant (2147483639 bytes)\n", result.err());
    }

    @Test
    void aTextGraphWithAnUnknownFieldIsOneLine() {
        String graph = TestData.bad("unknown_field.pbtxt").toString();
        Cli result = Cli.run("--input_model", graph, "-o", dir.toString(), "--no_progress");
        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("convert: error: " + graph + ": not a GraphDef in text format (line 2, "
                + "column 3: unknown field tensorflow.NodeDef.foo); expected a TensorFlow model"), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
    }

    /** A Split of 2^31 - 1 outputs (split_zero.pb with num_split edited): refused before the outputs exist. */
    @Test
    void aHugeOutputCountIsRefusedBeforeAnythingIsAllocated() throws IOException {
        GraphDef.Builder graph = GraphDef.parseFrom(Files.readAllBytes(TestData.bad("graphs/split_zero.pb")))
                .toBuilder();
        for (NodeDef.Builder node : graph.getNodeBuilderList()) {
            if (node.getName().equals("bad")) {
                node.putAttr("num_split", AttrValue.newBuilder().setI(Integer.MAX_VALUE).build());
            }
        }
        Path model = dir.resolve("split_huge.pb");
        Files.write(model, graph.build().toByteArray());
        Cli result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Cli.run("--input_model",
                model.toString(), "-o", dir.toString(), "--no_progress"));
        assertEquals(1, result.exitCode());
        assertEquals("convert: error: Split 'bad': num_split 2147483647: more outputs than tfir takes for one node "
                + "(1048576)\n", result.err());
    }

    /** Before: naming the 200,000 Adds of the chain took minutes (each name longer than the last). */
    @Test
    void anAddNOf200000InputsConvertsInLinearTime() throws IOException {
        GraphDef seed = GraphDef.parseFrom(Files.readAllBytes(TestData.bad("addn.pb")));
        GraphDef.Builder graph = seed.toBuilder();
        int inputs = 200_000;
        for (NodeDef.Builder node : graph.getNodeBuilderList()) {
            if (node.getOp().equals("AddN")) {
                node.clearInput().addAllInput(Collections.nCopies(inputs, "input"))
                        .putAttr("N", AttrValue.newBuilder().setI(inputs).build());
            }
        }
        Path model = dir.resolve("addn_200000.pb");
        Files.write(model, graph.build().toByteArray());
        Cli result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("--input_model",
                model.toString(), "-o", dir.toString(), "--no_progress", "--compress_to_fp16=False"));
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("IR: 200001 layers"), result.out());
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }
}
