package dev.tfir.convert.translate.op;

import dev.tfir.common.infer.Shapes;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.ColorSpaces;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;

/** The tf.image colour ops on images [..., 3] (channels last): RGBToHSV, HSVToRGB, AdjustSaturation, AdjustHue. */
public final class ColorTranslators {
    private ColorTranslators() {}

    public static List<TfTensor> rgbToHsv(NodeContext node) {
        return List.of(TfTensor.of(ColorSpaces.rgbToHsv(images(node, 1))));
    }

    public static List<TfTensor> hsvToRgb(NodeContext node) {
        return List.of(TfTensor.of(ColorSpaces.hsvToRgb(images(node, 1))));
    }

    /** AdjustSaturation (images, scale): the scale a float32 scalar, converted to the images' type. */
    public static List<TfTensor> adjustSaturation(NodeContext node) {
        Output images = images(node, 3);
        return List.of(TfTensor.of(ColorSpaces.adjustSaturation(images, factor(node, images))));
    }

    /** AdjustHue (images, delta): delta in turns, a float32 scalar, converted to the images' type. */
    public static List<TfTensor> adjustHue(NodeContext node) {
        Output images = images(node, 3);
        return List.of(TfTensor.of(ColorSpaces.adjustHue(images, factor(node, images))));
    }

    /** Input 0: float images of rank {@code minRank} or more, 3 channels last. */
    private static Output images(NodeContext node, int minRank) {
        Output images = node.input(0);
        long channels = images.rank() == 0 ? 0 : images.shape().dim(images.rank() - 1);
        node.require(images.rank() >= minRank && (!Shapes.known(channels) || channels == 3)
                && images.type().isFloating(), "needs float images of rank " + minRank + " or more, [..., 3], not "
                + images.type().irName() + images.shape());
        return images;
    }

    private static Output factor(NodeContext node, Output images) {
        Output factor = node.input(1);
        node.require(factor.rank() == 0, "needs a scalar as input 1, not " + factor.shape());
        return Elementwise.convert(factor, images.type());
    }
}
