package dev.tfir.convert;

import dev.tfir.ConvertedModel;
import dev.tfir.Tfir;
import dev.tfir.cli.ModelOptions;
import dev.tfir.cli.ToolCommandLine;
import dev.tfir.cli.VerboseOption;
import dev.tfir.cli.Versions;
import dev.tfir.convert.pipeline.ConversionRequest;
import dev.tfir.convert.progress.Progress;
import dev.tfir.convert.progress.ProgressBar;
import dev.tfir.convert.translate.op.OpTable;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code convert}: a TensorFlow model to OpenVINO IR v11 (model.xml + model.bin), with the options of Model
 * Optimizer ({@code mo}) for TensorFlow models.
 */
@Command(name = ConvertCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false, addMethodSubcommands = false,
        versionProvider = Versions.Provider.class,
        description = "Converts a TensorFlow model to OpenVINO IR (as Model Optimizer, mo, does).",
        footer = {"", "Examples:",
                "  convert --input_model frozen.pb -b 1 --mean_values [127.5,127.5,127.5] --scale 127.5",
                "  convert --input_model frozen.pb --input input[1,224,224,3] --output logits --compress_to_fp16=False",
                "  convert --list-ops", ""})
public final class ConvertCommand implements Callable<Integer> {
    static final String NAME = "convert";

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOptions model;

    @Mixin
    private ConversionOptions conversion;

    @Option(names = "--list-ops", description = "List the TensorFlow op types convert handles (translated, or "
            + "inlined, frozen or dropped with their control edges), and exit.")
    private boolean listOps;

    @Mixin
    private VerboseOption verbose;

    @Option(names = "--no_progress", hidden = true, description = "No progress line on the terminal.")
    private boolean noProgress;

    /** The configured command line; {@code main} and the tests both use it. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return ToolCommandLine.of(new ConvertCommand(), out, err);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (listOps) {
            OpTable.standard().opTypes().forEach(out::println);
            out.flush();
            return 0;
        }
        ConversionRequest request = conversion.request(model.source(spec), spec);
        long start = System.nanoTime();
        ConvertedModel converted;
        try (Progress progress = noProgress ? Progress.NONE : ProgressBar.onTerminal(spec.commandLine().getErr())) {
            converted = Tfir.convert(request, progress);
        }
        ConversionSummary.print(out, converted, System.nanoTime() - start);
        out.flush();
        return 0;
    }
}
