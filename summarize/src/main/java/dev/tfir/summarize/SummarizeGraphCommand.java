package dev.tfir.summarize;

import dev.tfir.common.detect.GraphSummary;
import dev.tfir.common.detect.IoDetector;
import dev.tfir.common.model.LoadedModel;
import dev.tfir.common.model.ModelLoader;
import dev.tfir.common.model.ModelSource;
import dev.tfir.convert.cli.ToolCommandLine;
import dev.tfir.summarize.repl.GraphShell;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code summarize-graph}: prints a TensorFlow model's inputs and outputs exactly as OpenVINO's
 * {@code summarize_graph.py} does, and more on request.
 */
@Command(name = SummarizeGraphCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Versions.class,
        description = "Finds the inputs and outputs of a TensorFlow model (as OpenVINO's summarize_graph.py does).",
        footer = {"", "Examples:",
                "  summarize-graph --input_model inception_v1_inference_graph.pb",
                "  summarize-graph --saved_model_dir my_saved_model --json",
                "  summarize-graph --input_model frozen.pb --stats", ""})
public final class SummarizeGraphCommand implements Callable<Integer> {
    static final String NAME = "summarize-graph";

    @Spec
    private CommandSpec spec;

    @Option(names = "--input_model", paramLabel = "FILE",
            description = "TensorFlow graph: binary (.pb) or text (.pbtxt) GraphDef; a .meta file is read as MetaGraph.")
    private Path inputModel;

    @Option(names = "--input_model_is_text", description = "Read --input_model as text protobuf (also detected from content).")
    private boolean inputModelIsText;

    @Option(names = "--input_meta", description = "--input_model is a MetaGraph (.meta).")
    private boolean inputMeta;

    @Option(names = "--input_meta_graph", paramLabel = "FILE", description = "MetaGraph file (.meta), as in mo.")
    private Path inputMetaGraph;

    @Option(names = "--input_checkpoint", paramLabel = "PATH",
            description = "Variables of an inference graph: checkpoint file, V2 prefix or directory.")
    private Path inputCheckpoint;

    @Option(names = "--saved_model_dir", paramLabel = "DIR", description = "SavedModel directory.")
    private Path savedModelDir;

    @Option(names = "--saved_model_tags", paramLabel = "TAGS", split = ",",
            description = "Tag set of the SavedModel's MetaGraph, comma-separated (default: serve).")
    private List<String> savedModelTags = List.of();

    @Option(names = "--json", description = "Print inputs and outputs as JSON, with output types and shapes.")
    private boolean json;

    @Option(names = "--stats", description = "Also print statistics: op types used, parameters, control edges.")
    private boolean stats;

    @Option(names = {"-i", "--interactive"},
            description = "Explore the graph in a REPL (from a pipe: read commands line by line).")
    private boolean interactive;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces of errors.")
    private boolean verbose;

    /** The configured command line; {@code main} and the tests both use it. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        SummarizeGraphCommand command = new SummarizeGraphCommand();
        return ToolCommandLine.of(command, NAME, () -> command.verbose, out, err);
    }

    @Override
    public Integer call() throws IOException {
        if (inputModel == null && inputMetaGraph == null && savedModelDir == null) {
            throw new ParameterException(spec.commandLine(),
                    "no model given: pass --input_model FILE, --input_meta_graph FILE or --saved_model_dir DIR");
        }
        LoadedModel model = ModelLoader.load(source());
        PrintWriter out = spec.commandLine().getOut();
        if (interactive) {
            return explore(model, out);
        }
        GraphSummary summary = IoDetector.summarize(model.graph());
        if (json) {
            out.print(JsonReport.render(model, summary));
        } else {
            out.print(TextReport.render(summary));
            if (stats) {
                out.print(StatsReport.render(model.stored()));
            }
        }
        out.flush();
        return 0;
    }

    private ModelSource source() {
        return new ModelSource(inputModel, inputModelIsText, inputMeta, inputMetaGraph, savedModelDir, savedModelTags,
                inputCheckpoint);
    }

    private int explore(LoadedModel model, PrintWriter out) throws IOException {
        GraphShell shell = new GraphShell(source(), model);
        if (System.console() == null) {
            shell.runScript(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out);
        } else {
            try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                shell.runOnTerminal(terminal);
            }
        }
        return 0;
    }
}
