package dev.tfir.summarize.report;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TF-Slim classifiers recognised from the top scope of their node names (research/slim's nets name their scopes
 * InceptionV1..V4, InceptionResnetV2, MobilenetV1/V2, resnet_v1_50, resnet_v2_101, vgg_16, alexnet_v2, overfeat;
 * NASNet and PNASNet build their cells at the top level: cell_stem_0, cell_0, and for NASNet reduction_cell_0),
 * with the mean and scale OpenVINO's documentation gives for the family (Converting TF-Slim models): inception,
 * mobilenet, nasnet, pnasnet and resnet_v2 were trained on (x / 255 - 0.5) * 2, i.e. mean 127.5 scale 127.5; vgg
 * and resnet_v1 (and alexnet_v2 and overfeat, trained with the same vgg_preprocessing) on x minus the ImageNet
 * channel means [123.68, 116.78, 103.94], scale 1.
 */
final class SlimNets {
    private static final String FRAMEWORK = "TF-Slim";
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

    private SlimNets() {}

    /**
     * The first family (in the order above) one of whose scopes is a top scope of a node, or empty when none is.
     * NASNet and PNASNet both have cell_stem_0; only NASNet has reduction cells, so it is tried first.
     */
    static Optional<PreprocessingHint> recognise(NameScopes scopes, boolean variables) {
        for (Family family : FAMILIES) {
            for (String scope : scopes.top()) {
                Matcher match = family.scope().matcher(scope);
                if (match.matches()) {
                    String name = family.format().formatted(match.groupCount() > 0 ? match.group(1) : "");
                    return Optional.of(family.inceptionPreprocessing()
                            ? PreprocessingHint.rgb(FRAMEWORK, name, scope, INCEPTION_MEAN, "127.5", variables)
                            : PreprocessingHint.rgb(FRAMEWORK, name, scope, VGG_MEAN, "1", variables));
                }
            }
        }
        return Optional.empty();
    }
}
