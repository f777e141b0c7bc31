package dev.tfir.summarize;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keras applications (tf_keras.applications) recognised from their node names: a Keras model names its nodes
 * {@code <model name>/<layer name>/...} (in a frozen graph, and in a TF2 SavedModel's function bodies), and each
 * application has its own model name ({@code resnet50}, {@code mobilenetv2_1.00_224}, {@code MobilenetV3small},
 * {@code NASNet}) and layer names. An application is recognised when a top scope is its model name and holds its
 * distinctive layers, never from a name alone. The preprocessing is that of the module's {@code preprocess_input}
 * (imagenet_utils modes):
 * <ul>
 *   <li>'caffe' (resnet, vgg16, vgg19): RGB to BGR, then minus the ImageNet mean in BGR order, so the model takes
 *       BGR images: mean [103.939,116.779,123.68] in that order;
 *   <li>'tf': x / 127.5 - 1, i.e. mean 127.5 scale 127.5;
 *   <li>'torch' (densenet): (x / 255 - [0.485,0.456,0.406]) / [0.229,0.224,0.225], i.e. mean
 *       [123.675,116.28,103.53] and per-channel scale [58.395,57.12,57.375];
 *   <li>inside the model (mobilenet_v3, efficientnet: a Rescaling layer first; preprocess_input is the identity):
 *       no mean/scale. A MobileNetV3 built with include_preprocessing=False has no Rescaling layer and takes
 *       [-1, 1] as 'tf' makes it.
 * </ul>
 */
final class KerasApplications {
    private static final String FRAMEWORK = "Keras";
    private static final Pattern RESCALING = Pattern.compile("rescaling(_\\d+)?");

    /** How {@code preprocess_input} maps [0, 255] RGB images, as mean/scale options. */
    private enum Mode {
        CAFFE(List.of("103.939", "116.779", "123.68"), "1", List.of(), true),
        TF(List.of("127.5", "127.5", "127.5"), "127.5", List.of(), false),
        TORCH(List.of("123.675", "116.28", "103.53"), "1", List.of("58.395", "57.12", "57.375"), false),
        INSIDE(List.of(), "1", List.of(), false);

        private final List<String> mean;
        private final String scale;
        private final List<String> scaleValues;
        private final boolean bgr;

        Mode(List<String> mean, String scale, List<String> scaleValues, boolean bgr) {
            this.mean = mean;
            this.scale = scale;
            this.scaleValues = scaleValues;
            this.bgr = bgr;
        }
    }

    /** An application family: its module, its model names, the layers every member has, its preprocessing. */
    private record Family(String module, Pattern modelName, Set<String> layers, Mode mode) {
        Family(String module, String modelName, Mode mode, String... layers) {
            this(module, Pattern.compile(modelName), Set.of(layers), mode);
        }
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("resnet", "resnet(50|101|152)", Mode.CAFFE, "conv1_bn", "conv2_block1_0_conv",
                    "conv5_block3_out"),
            new Family("resnet_v2", "resnet(50|101|152)v2", Mode.TF, "conv2_block1_preact_bn", "post_bn"),
            new Family("vgg16", "vgg16", Mode.CAFFE, "block1_conv1", "block5_conv3", "block5_pool"),
            new Family("vgg19", "vgg19", Mode.CAFFE, "block1_conv1", "block5_conv4", "block5_pool"),
            new Family("mobilenet", "mobilenet_\\d\\.\\d\\d_\\d+", Mode.TF, "conv_dw_1", "conv_pw_13"),
            new Family("mobilenet_v2", "mobilenetv2_\\d\\.\\d\\d_\\d+", Mode.TF, "expanded_conv_project",
                    "block_16_project"),
            new Family("mobilenet_v3", "MobilenetV3(small|large)", Mode.INSIDE, "Conv", "expanded_conv", "Conv_1"),
            new Family("inception_v3", "inception_v3", Mode.TF, "mixed0", "mixed10"),
            new Family("inception_resnet_v2", "inception_resnet_v2", Mode.TF, "mixed_5b", "block35_1_conv",
                    "mixed_7a", "conv_7b"),
            new Family("xception", "xception", Mode.TF, "block1_conv1", "block14_sepconv2"),
            new Family("densenet", "densenet(121|169|201)?", Mode.TORCH, "conv1", "conv2_block1_0_bn", "pool2_conv"),
            new Family("efficientnet", "efficientnetb[0-7]", Mode.INSIDE, "stem_conv", "block1a_dwconv", "top_conv"),
            new Family("nasnet", "NASNet", Mode.TF, "stem_conv1", "reduction_concat_stem_1", "normal_concat_0"));

    private KerasApplications() {}

    /** The first top scope (sorted) that is an application's model name holding its layers, or empty. */
    static Optional<PreprocessingHint> recognise(NameScopes scopes, boolean variables) {
        for (String scope : scopes.top()) {
            Set<String> layers = scopes.under(scope);
            for (Family family : FAMILIES) {
                if (family.modelName().matcher(scope).matches() && layers.containsAll(family.layers())) {
                    Mode mode = family.mode() == Mode.INSIDE
                            && layers.stream().noneMatch(layer -> RESCALING.matcher(layer).matches())
                            ? Mode.TF : family.mode();
                    return Optional.of(new PreprocessingHint(FRAMEWORK, family.module(), scope, mode.mean,
                            mode.scale, mode.scaleValues, mode.bgr, variables));
                }
            }
        }
        return Optional.empty();
    }
}
