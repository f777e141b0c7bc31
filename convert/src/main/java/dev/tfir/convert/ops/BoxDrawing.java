package dev.tfir.convert.ops;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Output;
import java.util.stream.LongStream;

/**
 * TensorFlow's DrawBoundingBoxes on NHWC images of static height, width and channels, for a static number of boxes:
 * each box ({@code y1, x1, y2, x2} in [0, 1]) outlined one pixel wide in the colour of its number (cycling through
 * the table), a later box over an earlier one. As the kernel: corners at {@code (int) (y * (height - 1))} (towards
 * zero), a box whose corners are inverted not drawn, its lines clipped to the image.
 */
public final class BoxDrawing {
    private BoxDrawing() {}

    /**
     * @param boxes [batch, n, 4] float32
     * @param colors [k, channels] in the images' type, the colour of box i its row i mod k
     */
    public static Output draw(Output images, Output boxes, Output colors) {
        long height = images.shape().dim(1);
        long width = images.shape().dim(2);
        long count = boxes.shape().dim(1);
        Output top = corner(boxes, 0, height);
        Output left = corner(boxes, 1, width);
        Output bottom = corner(boxes, 2, height);
        Output right = corner(boxes, 3, width);
        Output rows = iota(height, new long[] {1, 1, height, 1});
        Output columns = iota(width, new long[] {1, 1, 1, width});
        Output across = and(or(equal(rows, top), equal(rows, bottom)), within(columns, left, right));
        Output down = and(or(equal(columns, left), equal(columns, right)), within(rows, top, bottom));
        Output drawn = and(or(across, down), and(lessEqual(top, bottom), lessEqual(left, right)));
        Output numbers = Constants.of(ConstTensor.ofLongs(ElementType.I64,
                new long[] {1, count, 1, 1}, LongStream.rangeClosed(1, count).toArray()));
        Output last = Reductions.reduce("ReduceMax", Elementwise.select(drawn, numbers, Constants.i64Scalar(0)),
                new long[] {1}, false);
        Output color = Movement.gather(colors, Elementwise.binary("FloorMod", Elementwise.binary("Subtract", last,
                Constants.i64Scalar(1)), Constants.i64Scalar(colors.shape().dim(0))), 0);
        Output painted = Elementwise.binary("Greater", Movement.unsqueeze(last, 3), Constants.i64Scalar(0));
        return Elementwise.select(painted, color, images);
    }

    /** Corner {@code i} of every box, {@code (int) (value * (size - 1))} as a float, shaped [batch, n, 1, 1]. */
    private static Output corner(Output boxes, int i, long size) {
        Output scaled = Elementwise.multiply(Movement.gather(boxes, Constants.i64Scalar(i), 2),
                Constants.scalar(ElementType.F32, size - 1));
        Output truncated = Elementwise.multiply(Elementwise.unary("Sign", "opset1", scaled),
                Elementwise.unary("Floor", "opset1", Elementwise.unary("Abs", "opset1", scaled)));
        return Movement.unsqueeze(truncated, 2, 3);
    }

    private static Output iota(long size, long[] shape) {
        double[] values = new double[(int) size];
        for (int i = 0; i < size; i++) {
            values[i] = i;
        }
        return Constants.of(ConstTensor.ofDoubles(ElementType.F32, shape, values));
    }

    private static Output within(Output x, Output low, Output high) {
        return and(lessEqual(low, x), lessEqual(x, high));
    }

    private static Output equal(Output a, Output b) {
        return Elementwise.binary("Equal", a, b);
    }

    private static Output lessEqual(Output a, Output b) {
        return Elementwise.binary("LessEqual", a, b);
    }

    private static Output and(Output a, Output b) {
        return Elementwise.binary("LogicalAnd", a, b);
    }

    private static Output or(Output a, Output b) {
        return Elementwise.binary("LogicalOr", a, b);
    }
}
