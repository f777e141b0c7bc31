package dev.tfir.convert.ops;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;

/**
 * Images resized along two axes: Interpolate-4 or -11 in sizes mode (nearest, bilinear), or by a weight matrix per axis
 * (TensorFlow's bicubic and area kernels).
 */
public final class Resizing {
    private Resizing() {}

    /**
     * Interpolate of {@code x} to {@code size} (an i64 vector: height, width) along {@code axes}; {@code mode} nearest
     * or linear_onnx, with the coordinate transformation and (for nearest) rounding mode as TensorFlow's attributes
     * select them. A constant size is Interpolate-4 with the scales it implies; a size computed at run time (Keras'
     * UpSampling2D, a resize to another tensor's size) is Interpolate-11, which takes the sizes alone.
     */
    public static Output interpolate(Output x, long[] axes, Output size, String mode, String coordinates,
            String nearestMode) {
        long[] dims = x.shape().dims();
        long[] sizes = Constants.knownElements(size);
        double[] scales = new double[2];
        for (int i = 0; i < 2; i++) {
            long in = dims[(int) axes[i]];
            scales[i] = in > 0 && sizes[i] > 0 ? (double) sizes[i] / in : 1.0;
            dims[(int) axes[i]] = sizes[i];
        }
        String zeros = "0" + ",0".repeat(dims.length - 1);
        Node.Builder interpolate = Node.builder("Interpolate", size.isConstant() ? "opset4" : "opset11")
                .attribute("mode", mode).attribute("shape_calculation_mode", "sizes")
                .attribute("coordinate_transformation_mode", coordinates).attribute("nearest_mode", nearestMode)
                .attribute("antialias", false).attribute("pads_begin", zeros).attribute("pads_end", zeros)
                .attribute("cube_coeff", -0.75);
        if (size.isConstant()) {
            interpolate.inputs(x, size, Constants.of(ConstTensor.ofDoubles(ElementType.F32, new long[] {2}, scales)),
                    Constants.i64(axes));
        } else {
            interpolate.inputs(x, size, Constants.i64(axes));
        }
        return interpolate.output(x.type(), PartialShape.of(dims)).buildOutput();
    }

    /**
     * TensorFlow's ResizeBicubic ({@code area} false) or ResizeArea of float32 images held channels first (N, C, H,
     * W) of known H and W, to {@code height} x {@code width}: a MatMul by each axis' weight matrix (ResizeWeights).
     */
    public static Output separable(Output x, long height, long width, boolean area, boolean alignCorners,
            boolean halfPixelCenters) {
        int in = x.rank() - 2;
        float[][] rows = weights((int) x.shape().dim(in), (int) height, area, alignCorners, halfPixelCenters);
        float[][] columns = weights((int) x.shape().dim(in + 1), (int) width, area, alignCorners, halfPixelCenters);
        return MatMuls.matMul(MatMuls.matMul(matrix(rows), x, false, false), matrix(columns), false, true);
    }

    private static float[][] weights(int in, int out, boolean area, boolean alignCorners, boolean halfPixelCenters) {
        return area ? ResizeWeights.area(in, out, alignCorners)
                : ResizeWeights.bicubic(in, out, alignCorners, halfPixelCenters);
    }

    private static Output matrix(float[][] weights) {
        double[] values = new double[weights.length * weights[0].length];
        for (int o = 0; o < weights.length; o++) {
            for (int i = 0; i < weights[o].length; i++) {
                values[o * weights[o].length + i] = weights[o][i];
            }
        }
        return Constants.of(ConstTensor.ofDoubles(ElementType.F32, new long[] {weights.length, weights[0].length},
                values));
    }
}
