package dev.tfir.convert.ops;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;

/**
 * SpaceToBatch-2 and BatchToSpace-2: blocks of the spatial axes moved to the batch axis and back (TensorFlow's way of
 * computing a dilated convolution). Block shape, pads and crops have one entry per axis of the data (1 and 0 for
 * the batch and channel axes). DepthToSpace, SpaceToDepth and ExtractImagePatches: blocks to channels and back.
 */
public final class SpaceBatch {
    private SpaceBatch() {}

    /**
     * SpaceToBatch-2: axis i padded by begin[i] and end[i] (i64 vectors, constants or computed at run time: an
     * axis is then of a known size where its pads are known), then split in block[i]; the blocks join the batch.
     */
    public static Output spaceToBatch(Output data, long[] block, Output begin, Output end) {
        long[] dims = data.shape().dims();
        long[] before = Constants.knownElements(begin);
        long[] after = Constants.knownElements(end);
        long blocks = 1;
        for (int i = 1; i < dims.length; i++) {
            blocks *= block[i];
            dims[i] = Shapes.known(dims[i]) && Shapes.known(before[i]) && Shapes.known(after[i])
                    ? (dims[i] + before[i] + after[i]) / block[i] : PartialShape.UNKNOWN_DIM;
        }
        dims[0] = Shapes.known(dims[0]) ? dims[0] * blocks : PartialShape.UNKNOWN_DIM;
        return build("SpaceToBatch", data, block, begin, end, dims);
    }

    /** BatchToSpace-2: the batch's blocks back to axis i (times block[i]), cropped by begin[i] and end[i]. */
    public static Output batchToSpace(Output data, long[] block, Output begin, Output end) {
        long[] dims = data.shape().dims();
        long[] before = Constants.knownElements(begin);
        long[] after = Constants.knownElements(end);
        long blocks = 1;
        for (int i = 1; i < dims.length; i++) {
            blocks *= block[i];
            dims[i] = Shapes.known(dims[i]) && Shapes.known(before[i]) && Shapes.known(after[i])
                    ? dims[i] * block[i] - before[i] - after[i] : PartialShape.UNKNOWN_DIM;
        }
        dims[0] = Shapes.known(dims[0]) ? dims[0] / blocks : PartialShape.UNKNOWN_DIM;
        return build("BatchToSpace", data, block, begin, end, dims);
    }

    private static Output build(String type, Output data, long[] block, Output begin, Output end, long[] dims) {
        return Node.builder(type, "opset2").inputs(data, Constants.i64(block), begin, end)
                .output(data.type(), PartialShape.of(dims)).buildOutput();
    }

    /**
     * DepthToSpace-1 (blocks_first, TensorFlow's order) of channels-first data: [N, C, H, W] to
     * [N, C / b^2, H * b, W * b].
     */
    public static Output depthToSpace(Output data, long block) {
        long[] dims = data.shape().dims();
        dims[1] = Shapes.known(dims[1]) ? dims[1] / (block * block) : PartialShape.UNKNOWN_DIM;
        for (int i = 2; i < dims.length; i++) {
            dims[i] = Shapes.known(dims[i]) ? dims[i] * block : PartialShape.UNKNOWN_DIM;
        }
        return depthSpace("DepthToSpace", data, block, dims);
    }

    /** SpaceToDepth-1 (blocks_first) of channels-first data: [N, C, H, W] to [N, C * b^2, H / b, W / b]. */
    public static Output spaceToDepth(Output data, long block) {
        long[] dims = data.shape().dims();
        dims[1] = Shapes.known(dims[1]) ? dims[1] * block * block : PartialShape.UNKNOWN_DIM;
        for (int i = 2; i < dims.length; i++) {
            dims[i] = Shapes.known(dims[i]) ? dims[i] / block : PartialShape.UNKNOWN_DIM;
        }
        return depthSpace("SpaceToDepth", data, block, dims);
    }

    private static Output depthSpace(String type, Output data, long block, long[] dims) {
        return Node.builder(type, "opset1").attribute("mode", "blocks_first").attribute("block_size", block)
                .inputs(data).output(data.type(), PartialShape.of(dims)).buildOutput();
    }

    /**
     * ExtractImagePatches-3 of channels-first data: each (dilated) sizes[0] x sizes[1] window, at the strides, becomes
     * the channels of one output position (rows, then columns, then the input's channels), SAME (same_upper) or VALID.
     */
    public static Output extractImagePatches(Output data, long[] sizes, long[] strides, long[] rates, boolean same) {
        long[] dims = data.shape().dims();
        dims[1] = Shapes.known(dims[1]) ? dims[1] * sizes[0] * sizes[1] : PartialShape.UNKNOWN_DIM;
        for (int i = 0; i < 2; i++) {
            dims[i + 2] = Shapes.windowOutput(dims[i + 2], sizes[i], rates[i], strides[i], 0, same);
        }
        return Node.builder("ExtractImagePatches", "opset3").attribute("sizes", sizes).attribute("strides", strides)
                .attribute("rates", rates).attribute("auto_pad", same ? "same_upper" : "valid").inputs(data)
                .output(data.type(), PartialShape.of(dims)).buildOutput();
    }
}
