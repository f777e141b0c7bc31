package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.SpaceBatch;
import dev.tfir.convert.translate.Layouts;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.Arrays;
import java.util.List;

/**
 * SpaceToBatchND and BatchToSpaceND (around the Conv2D of a dilated convolution that TensorFlow computes on
 * blocks): a block shape and (M, 2) paddings or crops for the M spatial axes after the batch axis, extended with 1
 * and 0 for the other axes; channels first when the rank-4 input is held so. DepthToSpace, SpaceToDepth and
 * ExtractImagePatches.
 */
public final class SpaceBatchTranslators {
    private SpaceBatchTranslators() {}

    public static List<TfTensor> spaceToBatch(NodeContext node) {
        return blocks(node, "paddings", true);
    }

    public static List<TfTensor> batchToSpace(NodeContext node) {
        return blocks(node, "crops", false);
    }

    public static List<TfTensor> depthToSpace(NodeContext node) {
        return depthSpace(node, true);
    }

    public static List<TfTensor> spaceToDepth(NodeContext node) {
        return depthSpace(node, false);
    }

    /** DepthToSpace, SpaceToDepth: computed channels first, as OpenVINO's ops are; block_size at least 2. */
    private static List<TfTensor> depthSpace(NodeContext node, boolean toSpace) {
        boolean channelsLast = DataFormat.isChannelsLast(node);
        node.require(node.inputShape(0).rank() == 4, "needs a rank-4 input");
        long block = node.attrs().integer("block_size", 0);
        node.require(block >= 2, "has block_size " + block + "; TensorFlow requires 2 or more");
        Output data = DataFormat.data(node, channelsLast);
        return List.of(DataFormat.result(toSpace ? SpaceBatch.depthToSpace(data, block)
                : SpaceBatch.spaceToDepth(data, block), channelsLast));
    }

    /** ExtractImagePatches: ksizes, strides and rates of 4 values (1 for the batch and channels), SAME or VALID. */
    public static List<TfTensor> extractImagePatches(NodeContext node) {
        String padding = node.attrs().string("padding", "");
        node.require(padding.equals("SAME") || padding.equals("VALID"), "has padding '" + padding
                + "'; SAME and VALID are supported");
        long[][] windows = new long[3][];
        String[] attributes = {"ksizes", "strides", "rates"};
        for (int i = 0; i < 3; i++) {
            long[] values = node.attrs().ints(attributes[i], new long[0]);
            node.require(values.length == 4 && values[0] == 1 && values[3] == 1 && values[1] > 0 && values[2] > 0,
                    "has " + attributes[i] + " " + Arrays.toString(values) + "; 4 positive values, 1 for the batch "
                            + "and channels, are needed");
            windows[i] = new long[] {values[1], values[2]};
        }
        return List.of(TfTensor.channelsFirst(SpaceBatch.extractImagePatches(node.channelsFirstInput(0), windows[0],
                windows[1], windows[2], padding.equals("SAME"))));
    }

    private static List<TfTensor> blocks(NodeContext node, String amounts, boolean toBatch) {
        long[] blockShape = node.constantInput(1, "block_shape");
        long[] pairs = node.constantInput(2, amounts);
        int rank = node.inputShape(0).rank();
        node.require(pairs.length == 2 * blockShape.length && blockShape.length <= rank - 1, "has a block shape of "
                + blockShape.length + " axes and " + amounts + " of " + pairs.length / 2 + " for a rank " + rank
                + " input");
        boolean channelsFirst = rank == 4 && node.isChannelsFirst(0);
        long[] block = new long[rank];
        long[] begin = new long[rank];
        long[] end = new long[rank];
        for (int tfAxis = 0; tfAxis < rank; tfAxis++) {
            int axis = channelsFirst ? Layouts.TO_CHANNELS_LAST[tfAxis] : tfAxis;
            int spatial = tfAxis - 1;
            boolean blocked = spatial >= 0 && spatial < blockShape.length;
            block[axis] = blocked ? blockShape[spatial] : 1;
            begin[axis] = blocked ? pairs[2 * spatial] : 0;
            end[axis] = blocked ? pairs[2 * spatial + 1] : 0;
        }
        Output data = channelsFirst ? node.channelsFirstInput(0) : node.input(0);
        Output y = toBatch ? SpaceBatch.spaceToBatch(data, block, begin, end)
                : SpaceBatch.batchToSpace(data, block, begin, end);
        return List.of(channelsFirst ? TfTensor.channelsFirst(y) : TfTensor.of(y));
    }
}
