package dev.tfir.convert;

import dev.tfir.cli.ModelOptions;
import dev.tfir.cli.ToolCommandLine;
import dev.tfir.cli.TrueFalse;
import dev.tfir.cli.VerboseOption;
import dev.tfir.cli.Versions;
import dev.tfir.common.model.ModelSource;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.cli.InputSpec;
import dev.tfir.convert.cli.LayoutSpec;
import dev.tfir.convert.cli.NamedValues;
import dev.tfir.convert.cli.OptionConverters;
import dev.tfir.convert.pipeline.Conversion;
import dev.tfir.convert.pipeline.ConversionRequest;
import dev.tfir.convert.pipeline.Converter;
import dev.tfir.convert.progress.Progress;
import dev.tfir.convert.progress.ProgressBar;
import dev.tfir.convert.translate.OpTable;
import dev.tfir.convert.write.IrFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code convert}: a TensorFlow model to OpenVINO IR v11 (model.xml + model.bin), with the options of Model
 * Optimizer ({@code mo}) for TensorFlow models.
 */
@Command(name = ConvertCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
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

    @Option(names = "--framework", paramLabel = "tf", description = "The source framework; only tf (TensorFlow).")
    private String framework;

    @Option(names = "--input", paramLabel = "INPUTS", converter = OptionConverters.Inputs.class,
            description = "Model inputs, comma-separated: node, node:port or port:node, each optionally with a "
                    + "shape, type and value: input[1,224,224,3], input{f32}, flag->True.")
    private List<InputSpec> inputs = List.of();

    @Option(names = "--output", paramLabel = "OUTPUTS", split = ",",
            description = "Model outputs, comma-separated: node, node:port or port:node.")
    private List<String> outputs = List.of();

    @Option(names = "--input_shape", paramLabel = "SHAPES", converter = OptionConverters.Shapes.class,
            description = "Input shapes in the order of --input: [1,224,224,3] or [1,3],[2,5]; ? or -1: unknown.")
    private List<PartialShape> inputShapes = List.of();

    @Option(names = {"-b", "--batch"}, paramLabel = "N", converter = OptionConverters.Positive.class,
            description = "Batch size: sets the first axis (or the layout's N) of every input.")
    private Long batch;

    @Option(names = {"--mean_values", "--mean_value"}, paramLabel = "VALUES",
            converter = OptionConverters.Values.class,
            description = "Values subtracted from the input per channel: [123.68,116.78,103.94] or input[...].")
    private NamedValues meanValues;

    @Option(names = "--scale_values", paramLabel = "VALUES", converter = OptionConverters.Values.class,
            description = "Values the input is divided by per channel (after the mean): [58.4,57.1,57.4].")
    private NamedValues scaleValues;

    @Option(names = {"--scale", "-s"}, paramLabel = "SCALE", description = "One value every input is divided by.")
    private Double scale;

    @Option(names = "--reverse_input_channels", paramLabel = "True|False", arity = "0..1", fallbackValue = "True",
            converter = TrueFalse.class, description = "Reverse the input channels (RGB <-> BGR).")
    private boolean reverseInputChannels;

    @Option(names = {"--layout", "--source_layout"}, paramLabel = "LAYOUT", converter = OptionConverters.Layouts.class,
            description = "Layout of the inputs, for -b and per-channel values: nhwc, or input(nhwc),mask(nc).")
    private LayoutSpec layout;

    @Option(names = "--target_layout", paramLabel = "LAYOUT", hidden = true)
    private String targetLayout;

    @Option(names = "--compress_to_fp16", paramLabel = "True|False", arity = "0..1", fallbackValue = "True",
            converter = TrueFalse.class,
            description = "Store weights in FP16 (computed in FP32). Default: True, as mo.")
    private boolean compressToFp16 = true;

    @Option(names = {"--output_dir", "-o"}, paramLabel = "DIR", description = "Where the IR goes (default: .).")
    private Path outputDir = Path.of(".");

    @Option(names = {"--model_name", "-n"}, paramLabel = "NAME",
            description = "Name of the IR files and model (default: the model file's name).")
    private String modelName;

    @Option(names = "--list-ops", description = "List the TensorFlow op types convert translates, and exit.")
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
        if (targetLayout != null) {
            throw new ParameterException(spec.commandLine(), "--target_layout is not supported: convert keeps the "
                    + "model's layout (TensorFlow's NHWC inputs stay NHWC)");
        }
        if (framework != null && !framework.equals("tf")) {
            throw new ParameterException(spec.commandLine(), "--framework " + framework + " is not supported: "
                    + "convert reads TensorFlow models (--framework tf)");
        }
        ModelSource source = model.source(spec);
        long start = System.nanoTime();
        ConversionRequest request = request(source);
        Conversion conversion;
        IrFiles.Written written;
        try (Progress progress = noProgress ? Progress.NONE : ProgressBar.onTerminal(spec.commandLine().getErr())) {
            conversion = new Converter(progress).convert(request);
            written = IrFiles.write(conversion.model(), outputDir, request.modelName(), progress);
        }
        ConversionSummary.print(out, conversion, written, System.nanoTime() - start);
        out.flush();
        return 0;
    }

    private ConversionRequest request(ModelSource source) {
        return new ConversionRequest(source, inputs, outputs, inputShapes, batch, meanValues, scaleValues, scale,
                reverseInputChannels, layout, compressToFp16, modelName(source),
                GivenOptions.of(spec.commandLine().getParseResult()));
    }

    /** mo's default: the model file's name without extension; "saved_model" for a SavedModel. */
    private String modelName(ModelSource source) {
        if (modelName != null) {
            return modelName;
        }
        Path file = source.inputModel() != null ? source.inputModel() : source.inputMetaGraph();
        if (file == null) {
            return "saved_model";
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return stem.isEmpty() || stem.startsWith(".") ? "model" : stem;
    }
}
