package dev.tfir.summarize.report;

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
 *   <li>inside the model (mobilenet_v3, efficientnet, efficientnet_v2, convnext, regnet, resnet_rs: a Rescaling or
 *       Normalization layer first; preprocess_input is the identity): no mean/scale. Built with
 *       include_preprocessing=False, the model has no such layer and takes what it would make: [-1, 1] as 'tf'
 *       (MobileNetV3, EfficientNetV2 S/M/L), 'torch' (EfficientNetV2 B0-B3, ConvNeXt, ResNetRS), [0, 1]
 *       (RegNet: scale 255).
 * </ul>
 */
final class KerasApplications {
    private static final String FRAMEWORK = "Keras";
    /** Stands for the model name in a family's layer names. */
    private static final String MODEL = "{model}";
    private static final String RESCALING = "rescaling(_\\d+)?";

    /** How {@code preprocess_input} maps [0, 255] RGB images, as mean/scale options. */
    private enum Mode {
        CAFFE(List.of("103.939", "116.779", "123.68"), "1", List.of(), true),
        TF(List.of("127.5", "127.5", "127.5"), "127.5", List.of(), false),
        TORCH(List.of("123.675", "116.28", "103.53"), "1", List.of("58.395", "57.12", "57.375"), false),
        UNIT(List.of(), "255", List.of(), false),
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

    /**
     * An application family: its module, its model names, the layers every member has and its preprocessing. A
     * family with preprocessing inside the model ({@code mode} INSIDE) names the layer that does it; a model built
     * without it (include_preprocessing=False) takes what that layer would make ({@code without}). In layer names,
     * {@code {model}} stands for the model name (ConvNeXt and RegNet prefix their layers with it).
     */
    private record Family(String module, Pattern modelName, List<String> layers, Mode mode, String inside,
                          Mode without) {
        Family(String module, String modelName, Mode mode, String... layers) {
            this(module, Pattern.compile(modelName), List.of(layers), mode, null, null);
        }

        /** A family that scales its input inside the model, with the layer doing it and the mode without it. */
        static Family inside(String module, String modelName, String inside, Mode without, String... layers) {
            return new Family(module, Pattern.compile(modelName), List.of(layers), Mode.INSIDE, inside, without);
        }

        boolean holds(String scope, Set<String> scopeLayers) {
            return modelName.matcher(scope).matches()
                    && layers.stream().allMatch(layer -> scopeLayers.contains(layer.replace(MODEL, scope)));
        }

        /** The mode of this model: without the preprocessing layer, what that layer would make. */
        Mode modeOf(String scope, Set<String> scopeLayers) {
            if (inside == null) {
                return mode;
            }
            Pattern layer = Pattern.compile(inside.replace(MODEL, Pattern.quote(scope)));
            return scopeLayers.stream().anyMatch(name -> layer.matcher(name).matches()) ? mode : without;
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
            // Rescaling(1 / 127.5, offset -1) first; without it (include_preprocessing=False) [-1, 1] as 'tf'
            Family.inside("mobilenet_v3", "MobilenetV3(small|large)", RESCALING, Mode.TF, "Conv", "expanded_conv",
                    "Conv_1"),
            new Family("inception_v3", "inception_v3", Mode.TF, "mixed0", "mixed10"),
            new Family("inception_resnet_v2", "inception_resnet_v2", Mode.TF, "mixed_5b", "block35_1_conv",
                    "mixed_7a", "conv_7b"),
            new Family("xception", "xception", Mode.TF, "block1_conv1", "block14_sepconv2"),
            new Family("densenet", "densenet(121|169|201)?", Mode.TORCH, "conv1", "conv2_block1_0_bn", "pool2_conv"),
            Family.inside("efficientnet", "efficientnetb[0-7]", RESCALING, Mode.TF, "stem_conv", "block1a_dwconv",
                    "top_conv"),
            // B0-B3: Rescaling(1 / 255) and Normalization by the ImageNet mean and deviation, without them 'torch';
            // S, M, L: Rescaling to [-1, 1], without it 'tf'
            Family.inside("efficientnet_v2", "efficientnetv2-b[0-3]", RESCALING, Mode.TORCH, "stem_conv",
                    "block1a_project_conv", "top_conv"),
            Family.inside("efficientnet_v2", "efficientnetv2-[sml]", RESCALING, Mode.TF, "stem_conv",
                    "block1a_project_conv", "top_conv"),
            // Normalization by the ImageNet mean and deviation times 255 first; without it 'torch' does that
            Family.inside("convnext", "convnext_(tiny|small|base|large|xlarge)", MODEL + "_prestem_normalization",
                    Mode.TORCH, MODEL + "_stem", MODEL + "_stage_0_block_0_depthwise_conv",
                    MODEL + "_stage_0_block_0_layer_scale"),
            // Rescaling(1 / 255) first; without it [0, 1]
            Family.inside("regnet", "regnet[xy]\\d{3}", MODEL + "_prestem_rescaling", Mode.UNIT,
                    MODEL + "_stem_conv", MODEL + "_stem_bn"),
            // Rescaling(1 / 255) and Normalization by the ImageNet mean and deviation; without them 'torch'
            Family.inside("resnet_rs", "resnet-rs-\\d+", RESCALING, Mode.TORCH, "stem_1_stem_conv_1",
                    "stem_1_stem_batch_norm_1"),
            new Family("nasnet", "NASNet", Mode.TF, "stem_conv1", "reduction_concat_stem_1", "normal_concat_0"));

    private KerasApplications() {}

    /** The first top scope (sorted) that is an application's model name holding its layers, or empty. */
    static Optional<PreprocessingHint> recognise(NameScopes scopes, boolean variables) {
        for (String scope : scopes.top()) {
            Set<String> layers = scopes.under(scope);
            for (Family family : FAMILIES) {
                if (family.holds(scope, layers)) {
                    Mode mode = family.modeOf(scope, layers);
                    return Optional.of(new PreprocessingHint(FRAMEWORK, family.module(), scope, mode.mean,
                            mode.scale, mode.scaleValues, mode.bgr, variables));
                }
            }
        }
        return Optional.empty();
    }
}
