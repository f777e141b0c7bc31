package dev.tfir.convert;

import dev.tfir.cli.TrueFalse;
import dev.tfir.common.model.ModelSource;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.options.InputSpec;
import dev.tfir.convert.options.LayoutSpec;
import dev.tfir.convert.options.NamedValues;
import dev.tfir.convert.options.OptionConverters;
import dev.tfir.convert.pipeline.ConversionRequest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * mo's options that say how to convert a model (all but those naming it): a picocli mixin of the {@code convert}
 * executable and of the REPL's {@code convert}, which both turn them into the same {@link ConversionRequest}.
 */
public final class ConversionOptions {
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

    /** The request for the model the command line named with its model options (convert's). */
    public ConversionRequest request(ModelSource source, CommandSpec spec) {
        return request(source, spec, GivenOptions.of(spec.commandLine().getParseResult()));
    }

    /**
     * The request for a model opened elsewhere (the REPL's): its conversion parameters record the options that
     * name it as convert's command line would have given them.
     */
    public ConversionRequest requestFor(ModelSource opened, CommandSpec spec) {
        Map<String, String> given = new HashMap<>(GivenOptions.of(opened));
        given.putAll(GivenOptions.of(spec.commandLine().getParseResult()));
        return request(opened, spec, given);
    }

    private ConversionRequest request(ModelSource source, CommandSpec spec, Map<String, String> given) {
        if (targetLayout != null) {
            throw new ParameterException(spec.commandLine(), "--target_layout is not supported: convert keeps the "
                    + "model's layout (TensorFlow's NHWC inputs stay NHWC)");
        }
        if (framework != null && !framework.equals("tf")) {
            throw new ParameterException(spec.commandLine(), "--framework " + framework + " is not supported: "
                    + "convert reads TensorFlow models (--framework tf)");
        }
        return ConversionRequest.of(source).inputs(inputs).outputs(outputs).inputShapes(inputShapes).batch(batch)
                .meanValues(meanValues).scaleValues(scaleValues).scale(scale)
                .reverseChannels(reverseInputChannels).layout(layout).compressToFp16(compressToFp16)
                .modelName(modelName).outputDir(outputDir).givenOptions(given).build();
    }
}
