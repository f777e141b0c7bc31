package dev.tfir.convert.ops;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;

/**
 * SpaceToBatch-2 and BatchToSpace-2: blocks of the spatial axes moved to the batch axis and back (TensorFlow's way of
 * computing a dilated convolution). Block shape, pads and crops have one entry per axis of the data (1 and 0 for
 * the batch and channel axes).
 */
public final class SpaceBatch {
    private SpaceBatch() {}

    /** SpaceToBatch-2: axis i padded by begin[i] and end[i], then split in block[i]; the blocks join the batch. */
    public static Output spaceToBatch(Output data, long[] block, long[] begin, long[] end) {
        long[] dims = data.shape().dims();
        long blocks = 1;
        for (int i = 1; i < dims.length; i++) {
            blocks *= block[i];
            dims[i] = Shapes.known(dims[i]) ? (dims[i] + begin[i] + end[i]) / block[i] : PartialShape.UNKNOWN_DIM;
        }
        dims[0] = Shapes.known(dims[0]) ? dims[0] * blocks : PartialShape.UNKNOWN_DIM;
        return build("SpaceToBatch", data, block, begin, end, dims);
    }

    /** BatchToSpace-2: the batch's blocks back to axis i (times block[i]), cropped by begin[i] and end[i]. */
    public static Output batchToSpace(Output data, long[] block, long[] begin, long[] end) {
        long[] dims = data.shape().dims();
        long blocks = 1;
        for (int i = 1; i < dims.length; i++) {
            blocks *= block[i];
            dims[i] = Shapes.known(dims[i]) ? dims[i] * block[i] - begin[i] - end[i] : PartialShape.UNKNOWN_DIM;
        }
        dims[0] = Shapes.known(dims[0]) ? dims[0] / blocks : PartialShape.UNKNOWN_DIM;
        return build("BatchToSpace", data, block, begin, end, dims);
    }

    private static Output build(String type, Output data, long[] block, long[] begin, long[] end, long[] dims) {
        return Node.builder(type, "opset2")
                .inputs(data, Constants.i64(block), Constants.i64(begin), Constants.i64(end))
                .output(data.type(), PartialShape.of(dims)).buildOutput();
    }
}
