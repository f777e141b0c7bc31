package dev.tfir.summarize;

import dev.tfir.ModelSummary;
import dev.tfir.Tfir;
import dev.tfir.cli.ModelOptions;
import dev.tfir.cli.ToolCommandLine;
import dev.tfir.cli.VerboseOption;
import dev.tfir.cli.Versions;
import dev.tfir.common.TfirException;
import dev.tfir.common.detect.GraphSummary;
import dev.tfir.common.model.CheckpointMatch;
import dev.tfir.common.model.LoadedModel;
import dev.tfir.common.model.ModelLoader;
import dev.tfir.common.model.ModelSource;
import dev.tfir.common.model.VariableValues;
import dev.tfir.summarize.diff.DiffReport;
import dev.tfir.summarize.ir.IrModel;
import dev.tfir.summarize.ir.IrReader;
import dev.tfir.summarize.ir.IrReport;
import dev.tfir.summarize.repl.GraphShell;
import dev.tfir.summarize.report.Json;
import dev.tfir.summarize.report.PreprocessingHint;
import dev.tfir.summarize.report.SignaturesReport;
import dev.tfir.summarize.report.StatsReport;
import dev.tfir.summarize.report.TextReport;
import dev.tfir.summarize.view.HtmlView;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code summarize-graph}: prints a TensorFlow model's inputs and outputs exactly as OpenVINO's
 * {@code summarize_graph.py} does, and more on request.
 */
@Command(name = SummarizeGraphCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
        addMethodSubcommands = false, versionProvider = Versions.Provider.class,
        description = "Finds the inputs and outputs of a TensorFlow model (as OpenVINO's summarize_graph.py does).",
        footer = {"", "Examples:",
                "  summarize-graph --input_model inception_v1_inference_graph.pb",
                "  summarize-graph --saved_model_dir my_saved_model --json",
                "  summarize-graph --input_model frozen.pb --stats",
                "  summarize-graph --input_model model.xml --json   (an OpenVINO IR v10/v11)",
                "  summarize-graph --input_model inference_graph.pb --diff frozen.pb",
                "  summarize-graph --input_model frozen.pb --html graph.html",
                "  summarize-graph --input_model inference_graph.pb --input_checkpoint model.ckpt --save_frozen frozen.pb",
                ""})
public final class SummarizeGraphCommand implements Callable<Integer> {
    static final String NAME = "summarize-graph";

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOptions model;

    @Option(names = "--json", description = "Print inputs and outputs as JSON, with output types and shapes.")
    private boolean json;

    @Option(names = "--stats", description = "Also print statistics: op types used, parameters, control edges.")
    private boolean stats;

    @Option(names = "--list_variables",
            description = "List the variables of --input_checkpoint (name, dtype, shape), as tf.train.list_variables.")
    private boolean listVariables;

    @Option(names = "--verify",
            description = "With --list_variables: also read every tensor, checking its CRC32C, and report the bytes read.")
    private boolean verify;

    @Option(names = "--save_frozen", paramLabel = "FILE",
            description = "Write the frozen GraphDef of the detected outputs: variables become Consts holding their "
                    + "checkpoint values (--input_checkpoint, the checkpoint beside a .meta, a SavedModel's variables).")
    private Path saveFrozen;

    @Option(names = "--output", paramLabel = "NAMES", split = ",",
            description = "With --save_frozen: the output nodes to freeze, comma-separated (default: the detected "
                    + "outputs that are model outputs, not a Saver's or an initializer's).")
    private List<String> outputs = List.of();

    @Option(names = "--diff", paramLabel = "MODEL",
            description = "Compare with another model (a GraphDef, .meta, SavedModel directory or OpenVINO IR): nodes "
                    + "only in one, and nodes whose op, inputs, attributes or constant values differ, by scope.")
    private Path diff;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Write the graph as one self-contained HTML page: scopes folded into boxes that open on "
                    + "click, node details, search, inputs and outputs marked.")
    private Path html;

    @Option(names = {"-i", "--interactive"},
            description = "Explore the graph in a REPL (from a pipe: read commands line by line).")
    private boolean interactive;

    @Mixin
    private VerboseOption verbose;

    /** The configured command line; {@code main} and the tests both use it. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return ToolCommandLine.of(new SummarizeGraphCommand(), out, err);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (listVariables) {
            if (model.checkpoint() == null) {
                throw new ParameterException(spec.commandLine(), "--list_variables needs --input_checkpoint PATH");
            }
            out.print(VariableListing.render(model.checkpoint(), verify));
            out.flush();
            return 0;
        }
        if (verify) {
            throw new ParameterException(spec.commandLine(), "--verify goes with --list_variables");
        }
        if (!outputs.isEmpty() && saveFrozen == null) {
            throw new ParameterException(spec.commandLine(), "--output goes with --save_frozen FILE");
        }
        ModelSource source = model.source(spec);
        if (diff != null) {
            out.print(DiffReport.models(source, diff, json));
            out.flush();
            return 0;
        }
        if (html != null) {
            out.println(html + ": " + HtmlView.writeModel(source, html) + " nodes");
            out.flush();
            return 0;
        }
        if (source.inputModel() != null && IrReader.looksLikeIr(source.inputModel())) {
            return summarizeIr(source, out);
        }
        if (interactive) {
            return explore(new GraphShell(source, ModelLoader.load(source)), out);
        }
        ModelSummary summarized = Tfir.summarize(source);
        LoadedModel loaded = summarized.model();
        GraphSummary summary = summarized.detected();
        Optional<PreprocessingHint> preprocessing = PreprocessingHint.recognise(loaded);
        Map<String, String> jsonMembers = new LinkedHashMap<>();
        jsonMembers.put("preprocessing", preprocessing.map(p -> p.json(source)).orElse("null"));
        if (!loaded.signatures().isEmpty()) {
            jsonMembers.put("signature", Json.string(loaded.signature()));
            jsonMembers.put("signatures", SignaturesReport.json(loaded));
        }
        StringBuilder textAfter = new StringBuilder();
        try (VariableValues variables = new VariableValues(source, loaded)) {
            if (model.checkpoint() != null) {
                CheckpointMatch match = CheckpointMatch.of(loaded.graph(), variables.binding());
                jsonMembers.put("checkpoint", CheckpointReport.json(variables.binding().checkpoint(), match));
                textAfter.append(CheckpointReport.text(variables.binding().checkpoint(), match));
            }
            if (saveFrozen != null) {
                FrozenExport.Written written = FrozenExport.write(loaded, summary, outputs, variables, saveFrozen);
                jsonMembers.put("frozen", written.json());
                textAfter.append(written.text());
            }
        }
        if (json) {
            out.print(JsonReport.render(loaded, summary, jsonMembers));
        } else {
            out.print(TextReport.render(summary));
            if (stats) {
                out.print(StatsReport.render(loaded.stored()));
            }
            out.print(textAfter);
            // on stderr: stdout stays what summarize_graph.py prints
            preprocessing.ifPresent(p -> spec.commandLine().getErr().print(p.text(source)));
        }
        out.flush();
        spec.commandLine().getErr().flush();
        return 0;
    }

    /** An OpenVINO IR: its inputs and outputs, statistics, JSON or the REPL. */
    private int summarizeIr(ModelSource source, PrintWriter out) throws IOException {
        if (model.checkpoint() != null || saveFrozen != null) { // told by the file's content: bad input, not usage
            throw new TfirException(source.inputModel() + ": an OpenVINO IR; --input_checkpoint and --save_frozen go "
                    + "with TensorFlow models (give the TensorFlow graph instead)");
        }
        IrModel ir = IrReader.read(source.inputModel());
        if (interactive) {
            return explore(new GraphShell(source, ir), out);
        }
        out.print(json ? IrReport.json(ir, stats) : IrReport.text(ir, stats));
        out.flush();
        return 0;
    }

    private int explore(GraphShell shell, PrintWriter out) throws IOException {
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
