package dev.tfir.convert.pipeline;

import dev.tfir.common.model.ModelSource;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.cli.InputSpec;
import dev.tfir.convert.cli.LayoutSpec;
import dev.tfir.convert.cli.NamedValues;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What to convert and how, as mo's options say it.
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
 * @param givenOptions     the options as given, for the IR's {@code conversion_parameters} (kept sorted)
 */
public record ConversionRequest(ModelSource source, List<InputSpec> inputs, List<String> outputs,
                                List<PartialShape> inputShapes, Long batch, NamedValues meanValues,
                                NamedValues scaleValues, Double scale, boolean reverseChannels, LayoutSpec layout,
                                boolean compressToFp16, String modelName, Map<String, String> givenOptions) {

    public ConversionRequest {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        inputShapes = List.copyOf(inputShapes);
        givenOptions = Collections.unmodifiableMap(new TreeMap<>(givenOptions));
    }
}
