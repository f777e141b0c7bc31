package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Resizing;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.Arrays;
import java.util.List;

/**
 * ResizeNearestNeighbor and ResizeBilinear of NHWC images to the constant size (input 1), as OpenVINO's TF frontend
 * maps them: align_corners to align_corners (nearest then rounds halves up), half_pixel_centers to
 * tf_half_pixel_for_nn (nearest) or half_pixel (bilinear), neither to asymmetric; both at once is refused.
 * Bilinear gives float32, as TensorFlow does. An input held channels first is resized so.
 */
public final class ResizeTranslators {
    private ResizeTranslators() {}

    public static List<TfTensor> nearest(NodeContext node) {
        return resize(node, "nearest", "tf_half_pixel_for_nn");
    }

    public static List<TfTensor> bilinear(NodeContext node) {
        return resize(node, "linear_onnx", "half_pixel");
    }

    private static List<TfTensor> resize(NodeContext node, String mode, String halfPixel) {
        long[] size = node.constantInput(1, "size");
        node.require(node.inputShape(0).rank() == 4, "needs a rank-4 (NHWC) input");
        node.require(size.length == 2 && size[0] > 0 && size[1] > 0, "has size " + Arrays.toString(size)
                + "; two positive values are needed");
        boolean alignCorners = node.attrs().bool("align_corners", false);
        boolean halfPixelCenters = node.attrs().bool("half_pixel_centers", false);
        node.require(!(alignCorners && halfPixelCenters),
                "has align_corners and half_pixel_centers both true, which TensorFlow does not allow");
        String coordinates = alignCorners ? "align_corners" : halfPixelCenters ? halfPixel : "asymmetric";
        String nearestMode = alignCorners ? "round_prefer_ceil" : "floor";
        boolean channelsFirst = node.isChannelsFirst(0);
        Output x = channelsFirst ? node.channelsFirstInput(0) : node.input(0);
        if (mode.equals("linear_onnx")) {
            x = Elementwise.convert(x, ElementType.F32);
        }
        Output y = Resizing.interpolate(x, channelsFirst ? new long[] {2, 3} : new long[] {1, 2}, size[0], size[1],
                mode, coordinates, nearestMode);
        return List.of(channelsFirst ? TfTensor.channelsFirst(y) : TfTensor.of(y));
    }
}
