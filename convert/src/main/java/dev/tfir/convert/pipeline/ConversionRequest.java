package dev.tfir.convert.pipeline;

import dev.tfir.common.model.ModelSource;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.options.InputSpec;
import dev.tfir.convert.options.LayoutSpec;
import dev.tfir.convert.options.NamedValues;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What to convert and how, as mo's options say it; made with {@link #of(ModelSource)}, which starts from mo's
 * defaults.
 *
 * @param source           the model files
 * @param inputs           {@code --input}; empty: the graph's Placeholders
 * @param outputs          {@code --output}; empty: the detected outputs
 * @param inputShapes      {@code --input_shape}, in the order of the inputs; empty when not given
 * @param batch            {@code -b}, or null
 * @param meanValues       {@code --mean_values}, or null
 * @param scaleValues      {@code --scale_values}, or null
 * @param scale            {@code --scale} (for every input), or null
 * @param reverseChannels  {@code --reverse_input_channels}
 * @param layout           {@code --layout}/{@code --source_layout}, or null
 * @param compressToFp16   {@code --compress_to_fp16}
 * @param modelName        the IR's name (file names and {@code <net name>})
 * @param outputDir        where the IR's files go ({@code --output_dir})
 * @param givenOptions     the options as given, for the IR's {@code conversion_parameters} (kept sorted)
 */
public record ConversionRequest(ModelSource source, List<InputSpec> inputs, List<String> outputs,
                                List<PartialShape> inputShapes, Long batch, NamedValues meanValues,
                                NamedValues scaleValues, Double scale, boolean reverseChannels, LayoutSpec layout,
                                boolean compressToFp16, String modelName, Path outputDir,
                                Map<String, String> givenOptions) {

    public ConversionRequest {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        inputShapes = List.copyOf(inputShapes);
        givenOptions = Collections.unmodifiableMap(new TreeMap<>(givenOptions));
    }

    /**
     * A request with mo's defaults, to be changed with the builder's setters: the detected inputs and outputs, no
     * preprocessing, weights compressed to FP16, the IR named after the model file, written to the current
     * directory.
     */
    public static Builder of(ModelSource source) {
        return new Builder(source);
    }

    /** A builder of a request; each setter is one of mo's options. */
    public static final class Builder {
        private final ModelSource source;
        private List<InputSpec> inputs = List.of();
        private List<String> outputs = List.of();
        private List<PartialShape> inputShapes = List.of();
        private Long batch;
        private NamedValues meanValues;
        private NamedValues scaleValues;
        private Double scale;
        private boolean reverseChannels;
        private LayoutSpec layout;
        private boolean compressToFp16 = true;
        private String modelName;
        private Path outputDir = Path.of(".");
        private Map<String, String> givenOptions = Map.of();

        private Builder(ModelSource source) {
            this.source = source;
        }

        public Builder inputs(List<InputSpec> inputs) {
            this.inputs = inputs;
            return this;
        }

        public Builder outputs(List<String> outputs) {
            this.outputs = outputs;
            return this;
        }

        public Builder inputShapes(List<PartialShape> inputShapes) {
            this.inputShapes = inputShapes;
            return this;
        }

        public Builder batch(Long batch) {
            this.batch = batch;
            return this;
        }

        public Builder meanValues(NamedValues meanValues) {
            this.meanValues = meanValues;
            return this;
        }

        public Builder scaleValues(NamedValues scaleValues) {
            this.scaleValues = scaleValues;
            return this;
        }

        public Builder scale(Double scale) {
            this.scale = scale;
            return this;
        }

        public Builder reverseChannels(boolean reverseChannels) {
            this.reverseChannels = reverseChannels;
            return this;
        }

        public Builder layout(LayoutSpec layout) {
            this.layout = layout;
            return this;
        }

        public Builder compressToFp16(boolean compressToFp16) {
            this.compressToFp16 = compressToFp16;
            return this;
        }

        /** The IR's name; null keeps mo's default, the model file's name. */
        public Builder modelName(String modelName) {
            this.modelName = modelName;
            return this;
        }

        public Builder outputDir(Path outputDir) {
            this.outputDir = outputDir;
            return this;
        }

        public Builder givenOptions(Map<String, String> givenOptions) {
            this.givenOptions = givenOptions;
            return this;
        }

        public ConversionRequest build() {
            return new ConversionRequest(source, inputs, outputs, inputShapes, batch, meanValues, scaleValues, scale,
                    reverseChannels, layout, compressToFp16, modelName != null ? modelName : defaultName(source),
                    outputDir, givenOptions);
        }
    }

    /** mo's default: the model file's name without extension; "saved_model" for a SavedModel. */
    private static String defaultName(ModelSource source) {
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
