package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.ops.SpaceBatch;
import dev.tfir.convert.translate.Layouts;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SpaceToBatchND and BatchToSpaceND (around the Conv2D of a dilated convolution that TensorFlow computes on
 * blocks): a constant block shape and (M, 2) paddings or crops, constants or computed at run time, for the M spatial
 * axes after the batch axis, extended with 1 and 0 for the other axes; channels first when the rank-4 input is held
 * so and the paddings or crops are constants. DepthToSpace, SpaceToDepth and
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

    /**
     * The block shape (a constant) and the (M, 2) paddings or crops (constants, or computed at run time from the
     * input's size, as tf.nn.atrous_conv2d and Keras' dilated Conv2D do for an image of unknown size: then computed
     * in TensorFlow's layout).
     */
    private static List<TfTensor> blocks(NodeContext node, String amounts, boolean toBatch) {
        long[] blockShape = node.constantInput(1, "block_shape");
        Output pairs = Elementwise.convert(node.input(2), ElementType.I64);
        int rank = node.inputShape(0).rank();
        node.require(pairs.rank() == 2 && pairs.shape().dim(0) == blockShape.length && blockShape.length <= rank - 1,
                "has a block shape of " + blockShape.length + " axes and " + amounts + " of shape " + pairs.shape()
                        + " for a rank " + rank + " input");
        boolean channelsFirst = rank == 4 && node.isChannelsFirst(0) && pairs.isConstant();
        long[] block = new long[rank];
        long[] begin = new long[rank];
        long[] end = new long[rank];
        long[] values = Constants.valuesOf(pairs);
        for (int tfAxis = 0; tfAxis < rank; tfAxis++) {
            int axis = channelsFirst ? Layouts.TO_CHANNELS_LAST[tfAxis] : tfAxis;
            int spatial = tfAxis - 1;
            boolean blocked = spatial >= 0 && spatial < blockShape.length;
            block[axis] = blocked ? blockShape[spatial] : 1;
            begin[axis] = blocked && values != null ? values[2 * spatial] : 0;
            end[axis] = blocked && values != null ? values[2 * spatial + 1] : 0;
        }
        Output before = values != null ? Constants.i64(begin) : column(pairs, 0, rank);
        Output after = values != null ? Constants.i64(end) : column(pairs, 1, rank);
        Output data = channelsFirst ? node.channelsFirstInput(0) : node.input(0);
        Output y = toBatch ? SpaceBatch.spaceToBatch(data, block, before, after)
                : SpaceBatch.batchToSpace(data, block, before, after);
        return List.of(channelsFirst ? TfTensor.channelsFirst(y) : TfTensor.of(y));
    }

    /** Column c of run-time (M, 2) pairs as a vector over all rank axes: 0 for the batch and the unblocked axes. */
    private static Output column(Output pairs, int c, int rank) {
        int blocked = (int) pairs.shape().dim(0);
        List<Output> parts = new ArrayList<>();
        parts.add(Constants.i64(new long[] {0}));
        parts.add(Movement.gather(pairs, Constants.i64Scalar(c), 1));
        if (rank - 1 - blocked > 0) {
            parts.add(Constants.i64(new long[rank - 1 - blocked]));
        }
        return Movement.concat(parts, 0);
    }
}
