package dev.tfir.convert.translate.op;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Cropping;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Resizing;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.Arrays;
import java.util.List;

/**
 * ResizeNearestNeighbor and ResizeBilinear of NHWC images to the size (input 1, a constant or computed at run time),
 * as OpenVINO's TF frontend
 * maps them: align_corners to align_corners (nearest then rounds halves up), half_pixel_centers to
 * tf_half_pixel_for_nn (nearest) or half_pixel (bilinear), neither to asymmetric; both at once is refused.
 * ResizeBicubic and ResizeArea (which OpenVINO's Interpolate cannot match: TensorFlow tabulates its cubic kernel,
 * drops outside samples with half_pixel_centers, and has no area mode) as TensorFlow's kernels, a weight matrix per
 * axis. All but nearest give float32, as TensorFlow does. An input held channels first is resized so.
 */
public final class ResizeTranslators {
    private ResizeTranslators() {}

    public static List<TfTensor> nearest(NodeContext node) {
        return resize(node, "nearest", "tf_half_pixel_for_nn");
    }

    public static List<TfTensor> bilinear(NodeContext node) {
        return resize(node, "linear_onnx", "half_pixel");
    }

    public static List<TfTensor> bicubic(NodeContext node) {
        return separable(node, false);
    }

    public static List<TfTensor> area(NodeContext node) {
        return separable(node, true);
    }

    private static List<TfTensor> resize(NodeContext node, String mode, String halfPixel) {
        Attributes attributes = Attributes.of(node, false);
        String coordinates = attributes.alignCorners ? "align_corners"
                : attributes.halfPixelCenters ? halfPixel : "asymmetric";
        String nearestMode = attributes.alignCorners ? "round_prefer_ceil" : "floor";
        boolean channelsFirst = node.isChannelsFirst(0);
        Output x = channelsFirst ? node.channelsFirstInput(0) : node.input(0);
        if (mode.equals("linear_onnx")) {
            x = Elementwise.convert(x, ElementType.F32);
        }
        Output size = Elementwise.convert(node.input(1), ElementType.I64);
        node.require(size.rank() == 1 && size.shape().dim(0) == 2, "needs a size (input 1) of two values, not "
                + size.shape());
        if (size.isConstant()) {
            long[] values = size.constant().longs();
            node.require(values[0] > 0 && values[1] > 0, "has size " + Arrays.toString(values)
                    + "; two positive values are needed");
        }
        Output y = Resizing.interpolate(x, channelsFirst ? new long[] {2, 3} : new long[] {1, 2}, size, mode,
                coordinates, nearestMode);
        return List.of(channelsFirst ? TfTensor.channelsFirst(y) : TfTensor.of(y));
    }

    /** ResizeBicubic, ResizeArea (no half_pixel_centers) of images of known height and width, channels first. */
    private static List<TfTensor> separable(NodeContext node, boolean area) {
        Attributes attributes = Attributes.of(node, true);
        PartialShape images = node.inputShape(0);
        node.require(images.dim(1) > 0 && images.dim(2) > 0, "needs images of known height and width, not "
                + images);
        Output x = Elementwise.convert(node.channelsFirstInput(0), ElementType.F32);
        return List.of(TfTensor.channelsFirst(Resizing.separable(x, attributes.size[0], attributes.size[1], area,
                attributes.alignCorners, attributes.halfPixelCenters)));
    }

    /** The coordinate attributes and, when {@code constantSize}, the constant size (input 1), validated. */
    private record Attributes(long[] size, boolean alignCorners, boolean halfPixelCenters) {
        static Attributes of(NodeContext node, boolean constantSize) {
            node.require(node.inputShape(0).rank() == 4, "needs a rank-4 (NHWC) input");
            long[] size = constantSize ? node.constantInput(1, "size") : null;
            node.require(size == null || size.length == 2 && size[0] > 0 && size[1] > 0, "has size "
                    + Arrays.toString(size) + "; two positive values are needed");
            boolean alignCorners = node.attrs().bool("align_corners", false);
            boolean halfPixelCenters = node.attrs().bool("half_pixel_centers", false);
            node.require(!(alignCorners && halfPixelCenters),
                    "has align_corners and half_pixel_centers both true, which TensorFlow does not allow");
            return new Attributes(size, alignCorners, halfPixelCenters);
        }
    }

    /** CropAndResize: method bilinear or nearest, any extrapolation_value; the crop size a constant. */
    public static List<TfTensor> cropAndResize(NodeContext node) {
        long[] crop = node.constantInput(3, "crop_size");
        PartialShape image = node.inputShape(0);
        node.require(image.rank() == 4 && image.dim(1) > 0 && image.dim(2) > 0 && image.dim(3) > 0,
                "needs an image of known height, width and channels, not " + image);
        node.require(crop.length == 2 && crop[0] > 0 && crop[1] > 0, "has crop_size " + Arrays.toString(crop)
                + "; two positive values are needed");
        String method = node.attrs().string("method", "bilinear");
        node.require(method.equals("bilinear") || method.equals("nearest"), "has method '" + method
                + "'; bilinear and nearest are supported");
        return List.of(TfTensor.of(Cropping.cropAndResize(node.input(0), node.input(1), node.input(2), crop[0],
                crop[1], method.equals("bilinear"), node.real("extrapolation_value", 0))));
    }
}
