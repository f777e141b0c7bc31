package dev.tfir.summarize.report;

import dev.tfir.cli.ModelOptions;
import dev.tfir.common.model.CheckpointBinding;
import dev.tfir.common.model.LoadedModel;
import dev.tfir.common.model.ModelSource;
import java.util.List;
import java.util.Optional;

/**
 * The preprocessing a classifier was trained with, recognised from its node names ({@link KerasApplications},
 * {@link SlimNets}), as the mean/scale options that make the converted IR take [0, 255] images: printed by
 * summarize-graph on stderr with a ready convert command, in --json as {@code preprocessing}, and in the REPL's
 * summary.
 *
 * @param framework   who named the family: {@code TF-Slim} or {@code Keras}
 * @param family      the family ({@code inception_v3} as research/slim's nets_factory names it; for Keras the module
 *                    of tf_keras.applications, {@code resnet}, {@code mobilenet_v2})
 * @param scope       the scope that told it ({@code InceptionV3}, {@code resnet50}, {@code mobilenetv2_1.00_224})
 * @param mean        the per-channel mean to subtract, in the channel order of {@code bgr}; empty when the model
 *                    preprocesses its input itself
 * @param scale       what to divide by after subtracting the mean (1 means no --scale)
 * @param scaleValues per-channel values to divide by instead of {@code scale}, or empty
 * @param bgr         whether the model takes BGR images (Keras' 'caffe' preprocessing reverses the channels)
 * @param variables   whether the graph holds variables (an inference graph: convert needs their checkpoint)
 */
public record PreprocessingHint(String framework, String family, String scope, List<String> mean, String scale,
        List<String> scaleValues, boolean bgr, boolean variables) {

    /** A hint of RGB images with a mean and one scale. */
    static PreprocessingHint rgb(String framework, String family, String scope, List<String> mean, String scale,
            boolean variables) {
        return new PreprocessingHint(framework, family, scope, mean, scale, List.of(), false, variables);
    }

    /** The Keras application's or else the TF-Slim net's preprocessing, or empty when the nodes name neither. */
    public static Optional<PreprocessingHint> recognise(LoadedModel model) {
        NameScopes scopes = NameScopes.of(model);
        boolean variables = model.graph().nodes().stream()
                .anyMatch(node -> CheckpointBinding.VARIABLE_OPS.contains(node.getOp()));
        return KerasApplications.recognise(scopes, variables).or(() -> SlimNets.recognise(scopes, variables));
    }

    /**
     * The convert command line for the model as it was opened, with -b 1 and this mean and scale; for an inference
     * graph opened without its checkpoint, {@code --input_checkpoint <checkpoint>} says what is still needed.
     */
    public String convertCommand(ModelSource source) {
        StringBuilder command = new StringBuilder("convert");
        ModelOptions.arguments(source).forEach(word -> command.append(' ').append(word));
        if (variables && source.checkpointPath() == null) {
            command.append(" --input_checkpoint <checkpoint>");
        }
        command.append(" -b 1");
        if (!mean.isEmpty()) {
            command.append(" --mean_values ").append(list(mean, ","));
        }
        if (!scaleValues.isEmpty()) {
            command.append(" --scale_values ").append(list(scaleValues, ","));
        } else if (!scale.equals("1")) {
            command.append(" --scale ").append(scale);
        }
        return command.toString();
    }

    /** The two lines summarize-graph prints on stderr (and the REPL's summary after the detected outputs). */
    public String text(ModelSource source) {
        String values = mean.isEmpty() ? "no mean/scale, the model scales its input itself: feed [0,255] images"
                : "mean " + list(mean, ",") + ", scale " + (scaleValues.isEmpty() ? scale : list(scaleValues, ","));
        String channels = bgr ? "; the IR takes BGR images (as OpenVINO's samples and cv2 read them; add "
                + "--reverse_input_channels to feed RGB)" : "";
        return framework + " " + family + " (scope " + scope + "): " + values + channels + "\n  "
                + convertCommand(source) + "\n";
    }

    /** The {@code preprocessing} object of --json. */
    public String json(ModelSource source) {
        return "{\"framework\": " + Json.string(framework) + ", \"family\": " + Json.string(family) + ", \"scope\": "
                + Json.string(scope) + ", \"mean_values\": " + list(mean, ", ") + ", \"scale\": " + scale
                + ", \"scale_values\": " + (scaleValues.isEmpty() ? "null" : list(scaleValues, ", "))
                + ", \"channel_order\": " + Json.string(bgr ? "BGR" : "RGB") + ", \"convert\": "
                + Json.string(convertCommand(source)) + "}";
    }

    private static String list(List<String> values, String separator) {
        return "[" + String.join(separator, values) + "]";
    }
}
