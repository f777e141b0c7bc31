package dev.tfir.summarize;

import dev.tfir.common.model.CheckpointBinding;
import dev.tfir.common.model.ModelSource;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tensorflow.proto.NodeDef;

/**
 * The preprocessing a TF-Slim classifier was trained with, recognised from the top scope of its node names
 * (research/slim's nets name their scopes InceptionV1..V4, InceptionResnetV2, MobilenetV1/V2, resnet_v1_50,
 * resnet_v2_101, vgg_16, alexnet_v2, overfeat; NASNet and PNASNet build their cells at the top level: cell_stem_0,
 * cell_0, and for NASNet reduction_cell_0), with the mean and scale OpenVINO's documentation gives for the family (Converting TF-Slim models):
 * inception, mobilenet, nasnet, pnasnet and resnet_v2 were trained on (x / 255 - 0.5) * 2, i.e. mean 127.5 scale
 * 127.5; vgg and resnet_v1 (and alexnet_v2 and overfeat, trained with the same vgg_preprocessing) on x minus the
 * ImageNet channel means [123.68, 116.78, 103.94], scale 1.
 *
 * @param family the family as research/slim's nets_factory names it ({@code inception_v3}, {@code resnet_v1_50})
 * @param scope  the scope that told it ({@code InceptionV3}, {@code resnet_v1_50}, {@code cell_stem_0})
 * @param mean   the per-channel mean to subtract (RGB)
 * @param scale  what to divide by after subtracting the mean (1 means no --scale)
 * @param variables whether the graph holds variables (an inference graph: convert needs their checkpoint)
 */
public record SlimPreprocessing(String family, String scope, List<String> mean, String scale, boolean variables) {
    private static final List<String> INCEPTION_MEAN = List.of("127.5", "127.5", "127.5");
    private static final List<String> VGG_MEAN = List.of("123.68", "116.78", "103.94");

    /** A top scope pattern and the family it names (group 1: the version or depth, where the name has one). */
    private record Family(Pattern scope, String format, boolean inceptionPreprocessing) {}

    private static final List<Family> FAMILIES = List.of(
            new Family(Pattern.compile("InceptionV([1-4])"), "inception_v%s", true),
            new Family(Pattern.compile("InceptionResnetV2"), "inception_resnet_v2", true),
            new Family(Pattern.compile("MobilenetV([1-3])"), "mobilenet_v%s", true),
            new Family(Pattern.compile("resnet_v1_(\\d+)"), "resnet_v1_%s", false),
            new Family(Pattern.compile("resnet_v2_(\\d+)"), "resnet_v2_%s", true),
            new Family(Pattern.compile("vgg_(16|19|a)"), "vgg_%s", false),
            new Family(Pattern.compile("alexnet_v2"), "alexnet_v2", false),
            new Family(Pattern.compile("overfeat"), "overfeat", false),
            new Family(Pattern.compile("reduction_cell_0"), "nasnet", true),
            new Family(Pattern.compile("cell_stem_0"), "pnasnet", true));

    /**
     * The first family (in the order above) one of whose scopes is a top scope of a node, or empty when none is.
     * NASNet and PNASNet both have cell_stem_0; only NASNet has reduction cells, so it is tried first.
     */
    public static Optional<SlimPreprocessing> recognise(List<NodeDef> nodes) {
        Set<String> scopes = new HashSet<>();
        boolean variables = false;
        for (NodeDef node : nodes) {
            variables |= CheckpointBinding.VARIABLE_OPS.contains(node.getOp());
            int slash = node.getName().indexOf('/');
            if (slash > 0) {
                scopes.add(node.getName().substring(0, slash));
            }
        }
        for (Family family : FAMILIES) {
            for (String scope : scopes) {
                Matcher match = family.scope().matcher(scope);
                if (match.matches()) {
                    String name = family.format().formatted(match.groupCount() > 0 ? match.group(1) : "");
                    return Optional.of(family.inceptionPreprocessing()
                            ? new SlimPreprocessing(name, scope, INCEPTION_MEAN, "127.5", variables)
                            : new SlimPreprocessing(name, scope, VGG_MEAN, "1", variables));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The convert command line for the model as it was opened, with -b 1 and this mean and scale; for an inference
     * graph opened without its checkpoint, {@code --input_checkpoint <checkpoint>} says what is still needed.
     */
    public String convertCommand(ModelSource source) {
        StringBuilder command = new StringBuilder("convert");
        if (source.savedModelDir() != null) {
            command.append(" --saved_model_dir ").append(source.savedModelDir());
        } else if (source.inputMetaGraph() != null || source.inputIsMeta()) {
            command.append(" --input_meta_graph ").append(source.mainPath());
        } else {
            command.append(" --input_model ").append(source.inputModel());
        }
        if (source.inputCheckpoint() != null) {
            command.append(" --input_checkpoint ").append(source.inputCheckpoint());
        } else if (variables && source.checkpointPath() == null) {
            command.append(" --input_checkpoint <checkpoint>");
        }
        command.append(" -b 1 --mean_values [").append(String.join(",", mean)).append(']');
        if (!scale.equals("1")) {
            command.append(" --scale ").append(scale);
        }
        return command.toString();
    }

    /** The two lines summarize-graph prints on stderr (and the REPL's summary after the detected outputs). */
    public String text(ModelSource source) {
        return "TF-Slim " + family + " (scope " + scope + "): mean [" + String.join(",", mean) + "], scale " + scale
                + "\n  " + convertCommand(source) + "\n";
    }

    /** The {@code preprocessing} object of --json. */
    String json(ModelSource source) {
        return "{\"family\": " + Json.string(family) + ", \"scope\": " + Json.string(scope) + ", \"mean_values\": ["
                + String.join(", ", mean) + "], \"scale\": " + scale + ", \"convert\": "
                + Json.string(convertCommand(source)) + "}";
    }
}
