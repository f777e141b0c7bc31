package dev.tfir.summarize;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tfir.common.Failure;
import dev.tfir.common.TfirException;
import dev.tfir.common.detect.IoDetector;
import dev.tfir.common.model.LoadedModel;
import dev.tfir.common.model.ModelLoader;
import dev.tfir.common.model.ModelSource;
import dev.tfir.common.testing.TestData;
import dev.tfir.convert.ConvertCommand;
import dev.tfir.summarize.ir.IrGraphs;
import dev.tfir.summarize.ir.IrModel;
import dev.tfir.summarize.ir.IrReader;
import dev.tfir.summarize.ir.IrReport;
import dev.tfir.summarize.report.StatsReport;
import dev.tfir.summarize.view.HtmlView;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Fuzz targets: fuzzed bytes as one file of a model or checkpoint, read through the entry points of
 * summarize-graph and convert. The oracle is the tools' contract: the readers succeed or throw {@link TfirException}
 * (exit 1), the tools exit 0, or 1 with one line on stderr; anything else (an exit 3, an Error, a hang) is a finding.
 *
 * <p>In a test run each target replays its seeds (the fixtures named below) and the inputs under
 * {@code src/test/resources/dev/tfir/summarize/FuzzTargetsTestInputs/<target>/} (earlier findings, hostile files).
 * {@code tools/fuzz/run.sh} fuzzes them.
 */
class FuzzTargetsTest {
    private static final Path WORK = workDirectory();
    private static final Tool SUMMARIZE = new Tool("summarize-graph", SummarizeGraphCommand::commandLine);
    private static final Tool CONVERT = new Tool("convert", ConvertCommand::commandLine);

    /** A binary GraphDef, read and summarized as {@code summarize-graph --json --stats} does. */
    @MethodSource("graphs")
    @FuzzTest
    void binaryGraph(byte[] data) {
        withFile("model.pb", data, model -> summarize(ModelSource.graphFile(model)));
    }

    @MethodSource("textGraphs")
    @FuzzTest
    void textGraph(byte[] data) {
        withFile("model.pbtxt", data, model -> summarize(ModelSource.graphFile(model)));
    }

    /** A MetaGraph with its checkpoint beside it: read, frozen with the checkpoint's values, summarized. */
    @MethodSource("metaGraphs")
    @FuzzTest
    void metaGraph(byte[] data) {
        Path dir = fixtureCopy("meta", "testdata/models", "small.index", "small.data-00000-of-00001");
        replace(dir.resolve("small.meta"), data);
        summarize(ModelSource.metaGraph(dir.resolve("small.meta")));
    }

    /** A SavedModel's saved_model.pb, with the variables of the TF2 fixture; read as for summarizing and converting. */
    @MethodSource("savedModels")
    @FuzzTest
    void savedModel(byte[] data) {
        Path dir = fixtureCopy("saved_model", "testdata/models/saved_model_tf2", "variables/variables.index",
                "variables/variables.data-00000-of-00001");
        replace(dir.resolve("saved_model.pb"), data);
        ModelSource source = ModelSource.savedModel(dir);
        expectBadInputOnly(() -> {
            summarize(source);
            ModelLoader.loadForConversion(source);
        });
    }

    /** A V1 checkpoint, listed with every tensor read ({@code --list_variables --verify}). */
    @MethodSource("v1Checkpoints")
    @FuzzTest
    void v1Checkpoint(byte[] data) {
        withFile("model.ckpt", data, file -> expectBadInputOnly(() -> VariableListing.render(file, true)));
    }

    /** The index of a V2 checkpoint, with the data file of the fixture, listed with every tensor read. */
    @MethodSource("v2Indexes")
    @FuzzTest
    void v2Index(byte[] data) {
        Path dir = fixtureCopy("v2", "testdata/checkpoints/v2_small", "model.ckpt.data-00000-of-00001");
        replace(dir.resolve("model.ckpt.index"), data);
        expectBadInputOnly(() -> VariableListing.render(dir.resolve("model.ckpt"), true));
    }

    /** An inference graph frozen with the values of its checkpoint: {@code summarize-graph --save_frozen}. */
    @MethodSource("inferenceGraphs")
    @FuzzTest
    void freeze(byte[] data) {
        String checkpoint = TestData.model("small").toString();
        withFile("inference_graph.pb", data, model -> SUMMARIZE.run("--input_model", model.toString(),
                "--input_checkpoint", checkpoint, "--save_frozen", model.resolveSibling("frozen.pb").toString()));
    }

    /** A frozen graph converted to IR: {@code convert --input_model}. */
    @MethodSource("frozenGraphs")
    @FuzzTest
    void convertGraph(byte[] data) {
        withFile("frozen.pb", data, model -> CONVERT.run("--input_model", model.toString(), "--output_dir",
                model.resolveSibling("ir").toString()));
    }

    static Stream<byte[]> graphs() {
        return seeds("testdata/models/small_inference_graph.pb", "testdata/models/while_loop.pb",
                "testdata/models/cond_v2.pb", "testdata/models/dtypes_shapes.pb", "testdata/models/control_dep_only.pb",
                "testdata/models/unlikely_names.pb", "testdata/shapes/shape_ops.pb", "testdata/shapes/conv_pool.pb");
    }

    static Stream<byte[]> textGraphs() {
        return seeds("testdata/models/small.pbtxt");
    }

    static Stream<byte[]> metaGraphs() {
        return seeds("testdata/models/small.meta");
    }

    static Stream<byte[]> savedModels() {
        return seeds("testdata/models/saved_model_tf2/saved_model.pb");
    }

    static Stream<byte[]> v1Checkpoints() {
        return seeds("testdata/checkpoints/v1_small/model.ckpt");
    }

    static Stream<byte[]> v2Indexes() {
        return seeds("testdata/checkpoints/v2_small/model.ckpt.index");
    }

    static Stream<byte[]> inferenceGraphs() {
        return seeds("testdata/models/small_inference_graph.pb");
    }

    static Stream<byte[]> frozenGraphs() {
        return seeds("testdata/models/two_inputs_two_outputs.pb", "testdata/convert/ops_zoo.pb",
                "testdata/shapes/conv_pool.pb", "testdata/shapes/elementwise.pb");
    }

    /**
     * An OpenVINO IR's .xml (with the .bin of testdata/ir/small_ovc beside it), read back as summarize-graph
     * --json --stats reads it, and as the REPL and the HTML view see it.
     */
    @MethodSource("irs")
    @FuzzTest
    void irModel(byte[] data) {
        withFile("model.xml", data, xml -> {
            try {
                Files.copy(TestData.repo().resolve("testdata/ir/small_ovc.bin"), xml.resolveSibling("model.bin"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            expectBadInputOnly(() -> {
                IrModel ir = IrReader.read(xml);
                IrReport.json(ir, true);
                IrReport.text(ir, true);
                LoadedModel loaded = IrGraphs.loaded(ir);
                HtmlView.render(loaded.graph(), IrGraphs.summary(ir, loaded.graph()), "fuzz", "");
            });
        });
    }

    static Stream<byte[]> irs() {
        return seeds("testdata/ir/small_ovc.xml", "testdata/ir/two_mo.xml", "testdata/ir/small_v10.xml");
    }

    private static Stream<byte[]> seeds(String... fixtures) {
        return Stream.of(fixtures).map(f -> read(TestData.repo().resolve(f)));
    }

    /** What summarize-graph does with a model: load, detect, JSON report (with shape inference) and statistics. */
    private static void summarize(ModelSource source) {
        expectBadInputOnly(() -> {
            LoadedModel model = ModelLoader.load(source);
            JsonReport.render(model, IoDetector.summarize(model.graph()));
            StatsReport.render(model.stored());
        });
    }

    /** Runs the action; bad input must be a {@link TfirException} whose message is one line. */
    private static void expectBadInputOnly(Runnable action) {
        try {
            action.run();
        } catch (TfirException e) {
            String line = Failure.message("tool", e);
            if (line.contains("\n") || line.contains("\r")) {
                throw new AssertionError("an error message of more than one line: " + line, e);
            }
        }
    }

    /** An executable's command line, made once (picocli resets the options on each run). */
    private static final class Tool {
        private final String name;
        private final StringWriter err = new StringWriter();
        private final CommandLine commandLine;

        Tool(String name, CommandLines commandLines) {
            this.name = name;
            this.commandLine = commandLines.of(new PrintWriter(Writer.nullWriter(), true), new PrintWriter(err, true));
        }

        /** Anything but success or a one-line bad-input error is a finding. */
        void run(String... args) {
            err.getBuffer().setLength(0);
            int code = commandLine.execute(args);
            String stderr = err.toString();
            boolean oneLine = stderr.startsWith(name + ": error: ") && stderr.indexOf('\n') == stderr.length() - 1;
            if (code != 0 && !(code == Failure.BAD_INPUT && oneLine)) {
                throw new AssertionError(name + " exited with " + code + ":\n" + stderr);
            }
        }
    }

    private interface CommandLines {
        CommandLine of(PrintWriter out, PrintWriter err);
    }

    /** Writes the bytes to a file in a new directory, runs the target on it, deletes the directory. */
    private static void withFile(String name, byte[] data, java.util.function.Consumer<Path> target) {
        Path dir;
        try {
            dir = Files.createTempDirectory(WORK, "run");
            Files.write(dir.resolve(name), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            target.accept(dir.resolve(name));
        } finally {
            delete(dir);
        }
    }

    /** A directory (made once per JVM) with copies of fixture files, where the fuzzed file is replaced. */
    private static Path fixtureCopy(String name, String fixtureDir, String... files) {
        Path dir = WORK.resolve(name);
        try {
            if (!Files.isDirectory(dir)) {
                for (String file : files) {
                    Path target = dir.resolve(file);
                    Files.createDirectories(target.getParent());
                    Files.copy(TestData.repo().resolve(fixtureDir).resolve(file), target);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces a file by a new one: a file an earlier run may still have mapped is never truncated. */
    private static void replace(Path file, byte[] data) {
        try {
            Path next = Files.write(file.resolveSibling(file.getFileName() + ".next"), data);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where the targets write a file per run: the directory {@code tools/fuzz/run.sh} names ({@code tfir.fuzz.work};
     * it removes it when the fuzzer has exited, since a shutdown hook would race the fuzzer's last run), else a new
     * directory, in memory where the machine has /dev/shm, deleted when the JVM exits.
     */
    private static Path workDirectory() {
        try {
            String given = System.getProperty("tfir.fuzz.work");
            if (given != null) {
                return Files.createDirectories(Path.of(given));
            }
            Path shm = Path.of("/dev/shm");
            Path dir = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "tfir-fuzz")
                    : Files.createTempDirectory("tfir-fuzz");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
