package dev.tfir.convert.translate.op;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.BoxDrawing;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

/**
 * DrawBoundingBoxes (images, boxes) and DrawBoundingBoxesV2 (images, boxes, colors): NHWC images of 1, 3 or 4
 * channels with height and width known, a known number of boxes; the colours given (their first channels) or, when
 * none are, TensorFlow's table of ten (for one channel, their first value 1: white).
 */
public final class BoxDrawingTranslator {
    /** TensorFlow's default colours (RGBA): yellow, blue, red, lime, purple, olive, maroon, navy, aqua, fuchsia. */
    private static final double[][] DEFAULT_COLORS = {{1, 1, 0, 1}, {0, 0, 1, 1}, {1, 0, 0, 1}, {0, 1, 0, 1},
        {0.5, 0, 0.5, 1}, {0.5, 0.5, 0, 1}, {0.5, 0, 0, 1}, {0, 0, 0.5, 1}, {0, 1, 1, 1}, {1, 0, 1, 1}};

    private BoxDrawingTranslator() {}

    public static List<TfTensor> drawBoundingBoxes(NodeContext node) {
        Output images = node.input(0);
        Output boxes = node.input(1);
        PartialShape shape = images.shape();
        node.require(shape.rank() == 4 && Shapes.known(shape.dim(1)) && Shapes.known(shape.dim(2))
                && Arrays.asList(1L, 3L, 4L).contains(shape.dim(3)), "needs images [batch, height, width, 1, 3 "
                + "or 4] with height and width known, not " + shape);
        node.require(boxes.rank() == 3 && Shapes.known(boxes.shape().dim(1)) && boxes.shape().dim(2) == 4
                && boxes.type() == ElementType.F32, "needs float32 boxes [batch, n, 4] with n known, not "
                + boxes.type().irName() + boxes.shape());
        if (boxes.shape().dim(1) == 0) {
            return List.of(TfTensor.of(images));
        }
        return List.of(TfTensor.of(BoxDrawing.draw(images, boxes, colors(node, shape.dim(3), images.type()))));
    }

    /** The colour table [k, channels] in the images' type. */
    private static Output colors(NodeContext node, long channels, ElementType type) {
        if (node.inputCount() > 2) {
            Output given = node.input(2);
            PartialShape shape = given.shape();
            node.require(shape.rank() == 2 && Shapes.known(shape.dim(0)) && Shapes.known(shape.dim(1))
                    && shape.dim(1) >= channels, "needs colors [k, " + channels + " or more] of known size, not "
                    + shape);
            if (shape.dim(0) > 0) {
                Output firstChannels = Movement.gather(given, Constants.i64(LongStream.range(0, channels).toArray()),
                        1);
                return Elementwise.convert(firstChannels, type);
            }
        }
        double[] table = new double[DEFAULT_COLORS.length * (int) channels];
        for (int i = 0; i < DEFAULT_COLORS.length; i++) {
            for (int c = 0; c < channels; c++) {
                table[i * (int) channels + c] = channels == 1 ? 1 : DEFAULT_COLORS[i][c];
            }
        }
        return Constants.of(ConstTensor.ofDoubles(type, new long[] {DEFAULT_COLORS.length, channels}, table));
    }
}
