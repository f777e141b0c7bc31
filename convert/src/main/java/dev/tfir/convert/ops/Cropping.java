package dev.tfir.convert.ops;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Output;

/**
 * TensorFlow's CropAndResize decomposed: each box (normalized y1, x1, y2, x2 of the image its index names) sampled
 * on a crop-size grid, bilinearly or at the nearest pixel, with TensorFlow's coordinate arithmetic in float32;
 * samples outside the image take the extrapolation value. Pixels are gathered from the image flattened to
 * (N * H * W, C), so the image's height, width and channels must be known.
 */
public final class Cropping {
    private Cropping() {}

    public static Output cropAndResize(Output image, Output boxes, Output boxIndices, long cropHeight, long cropWidth,
            boolean bilinear, double extrapolation) {
        long[] dims = image.shape().dims();
        Grid grid = new Grid(Movement.reshape(Elementwise.convert(image, ElementType.F32), -1, dims[3]),
                Elementwise.multiply(Movement.unsqueeze(Elementwise.convert(boxIndices, ElementType.I64), 1, 2),
                        Constants.scalar(ElementType.I64, dims[1] * dims[2])), dims[1], dims[2]);
        Output f32Boxes = Elementwise.convert(boxes, ElementType.F32);
        Output rows = Movement.unsqueeze(coordinates(f32Boxes, 0, dims[1], cropHeight), 2);   // [B, crop h, 1]
        Output columns = Movement.unsqueeze(coordinates(f32Boxes, 1, dims[2], cropWidth), 1); // [B, 1, crop w]
        Output value;
        if (bilinear) {
            Output top = Elementwise.unary("Floor", "opset1", rows);
            Output left = Elementwise.unary("Floor", "opset1", columns);
            Output bottom = Elementwise.unary("Ceiling", "opset1", rows);
            Output right = Elementwise.unary("Ceiling", "opset1", columns);
            Output across = Movement.unsqueeze(Elementwise.binary("Subtract", columns, left), 3);
            Output upper = lerp(grid.sample(top, left), grid.sample(top, right), across);
            Output lower = lerp(grid.sample(bottom, left), grid.sample(bottom, right), across);
            value = lerp(upper, lower, Movement.unsqueeze(Elementwise.binary("Subtract", rows, top), 3));
        } else {
            value = grid.sample(roundHalfUp(rows), roundHalfUp(columns));
        }
        Output inside = Movement.unsqueeze(Elementwise.binary("LogicalAnd", inside(rows, dims[1]),
                inside(columns, dims[2])), 3);
        return Elementwise.select(inside, value, Constants.scalar(ElementType.F32, extrapolation));
    }

    /** The flattened image, each box's offset in it (box index * H * W), its height and width. */
    private record Grid(Output pixels, Output offsets, long height, long width) {
        /** The pixels at the float rows and columns (clamped to the image), [B, rows, columns, C]. */
        Output sample(Output rows, Output columns) {
            Output row = Elementwise.convert(Elementwise.clamp(rows, 0, height - 1), ElementType.I64);
            Output column = Elementwise.convert(Elementwise.clamp(columns, 0, width - 1), ElementType.I64);
            Output flat = Elementwise.add(Elementwise.add(offsets, Elementwise.multiply(row,
                    Constants.scalar(ElementType.I64, width))), column);
            return Movement.gather(pixels, flat, 0);
        }
    }

    /**
     * The [B, crop] coordinates along the image's axis of {@code size} pixels (0: y from boxes' columns 0 and 2, 1: x
     * from 1 and 3): start * (size - 1) + i * (end - start) * (size - 1) / (crop - 1); a crop of 1 samples the
     * box's centre.
     */
    private static Output coordinates(Output boxes, int axis, long size, long crop) {
        Output start = exact(Movement.gather(boxes, Constants.i64(axis), 1));
        Output end = exact(Movement.gather(boxes, Constants.i64(axis + 2), 1));
        Output last = Constants.scalar(ElementType.F32, size - 1);
        if (crop == 1) {
            return Elementwise.multiply(Elementwise.multiply(Elementwise.add(start, end),
                    Constants.scalar(ElementType.F32, 0.5)), last);
        }
        Output scale = Elementwise.binary("Divide", Elementwise.multiply(Elementwise.binary("Subtract", end, start),
                last), Constants.scalar(ElementType.F32, crop - 1));
        double[] steps = new double[(int) crop];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i;
        }
        return Elementwise.add(Elementwise.multiply(start, last), Elementwise.multiply(
                Constants.of(ConstTensor.ofDoubles(ElementType.F32, new long[] {1, crop}, steps)), scale));
    }

    /** The box coordinates stay float32 under FP16 compression (a box moved by 1e-3 samples other pixels). */
    private static Output exact(Output coordinate) {
        coordinate.node().keepPrecision();
        return coordinate;
    }

    private static Output lerp(Output from, Output to, Output weight) {
        return Elementwise.add(from, Elementwise.multiply(Elementwise.binary("Subtract", to, from), weight));
    }

    /** TensorFlow's roundf for the coordinates that count (those inside the image, >= 0): floor(x + 0.5). */
    private static Output roundHalfUp(Output x) {
        return Elementwise.unary("Floor", "opset1", Elementwise.add(x, Constants.scalar(ElementType.F32, 0.5)));
    }

    /** 0 <= coordinate <= size - 1. */
    private static Output inside(Output coordinates, long size) {
        return Elementwise.binary("LogicalAnd",
                Elementwise.binary("GreaterEqual", coordinates, Constants.scalar(ElementType.F32, 0)),
                Elementwise.binary("LessEqual", coordinates, Constants.scalar(ElementType.F32, size - 1)));
    }
}
