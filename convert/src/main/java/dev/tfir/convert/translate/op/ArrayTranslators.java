package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.translate.Layouts;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ops that join or pad tensors: ConcatV2 and Pad/PadV2/MirrorPad (channels first when their rank-4 inputs are),
 * Pack, GatherV2.
 */
public final class ArrayTranslators {
    private ArrayTranslators() {}

    /** ConcatV2: the values, then the axis as the last input. */
    public static List<TfTensor> concat(NodeContext node) {
        int count = node.inputCount() - 1;
        return concat(node, 0, count, node.constantInput(count, "axis")[0]);
    }

    /** Concat (TF1): the axis as the first input, then the values. */
    public static List<TfTensor> concatAxisFirst(NodeContext node) {
        return concat(node, 1, node.inputCount(), node.constantInput(0, "axis")[0]);
    }

    /** The values of inputs [from, to) joined along axis. */
    private static List<TfTensor> concat(NodeContext node, int from, int to, long axis) {
        boolean channelsFirst = false;
        boolean allRank4 = true;
        for (int i = from; i < to; i++) {
            channelsFirst |= node.isChannelsFirst(i);
            allRank4 &= node.inputShape(i).rank() == 4;
        }
        List<Output> parts = new ArrayList<>();
        for (int i = from; i < to; i++) {
            parts.add(channelsFirst && allRank4 ? node.channelsFirstInput(i) : node.input(i));
        }
        if (channelsFirst && allRank4) {
            return List.of(TfTensor.channelsFirst(Movement.concat(parts, Layouts.channelsFirstAxis(axis))));
        }
        return List.of(TfTensor.of(Movement.concat(parts, axis)));
    }

    /** Pack: each value gets a new axis, then they are joined along it. */
    public static List<TfTensor> pack(NodeContext node) {
        long axis = node.attrs().integer("axis", 0);
        int rank = node.inputShape(0).rank() + 1;
        long at = axis < 0 ? axis + rank : axis;
        List<Output> parts = new ArrayList<>();
        for (int i = 0; i < node.inputCount(); i++) {
            parts.add(Movement.unsqueeze(node.input(i), at));
        }
        return List.of(TfTensor.of(Movement.concat(parts, at)));
    }

    /** Pad: zeros. */
    public static List<TfTensor> pad(NodeContext node) {
        return pad(node, "constant", null);
    }

    /** PadV2: the constant value of input 2. */
    public static List<TfTensor> padV2(NodeContext node) {
        return pad(node, "constant", node.input(2));
    }

    /** MirrorPad: {@code mode} REFLECT or SYMMETRIC. */
    public static List<TfTensor> mirrorPad(NodeContext node) {
        return pad(node, node.attrs().string("mode", "REFLECT").toLowerCase(Locale.ROOT), null);
    }

    /**
     * Paddings are a (rank, 2) input: before and after for each axis; a constant one, or one computed at run time
     * (tf.image.non_max_suppression_padded pads the boxes to whole tiles). A complex input (Pad, MirrorPad) is
     * padded as its parts, the parts' axis not: with zeros, or mirrored (by constant paddings only).
     */
    private static List<TfTensor> pad(NodeContext node, String mode, Output value) {
        if (!node.input(1).isConstant()) {
            node.require(!node.tensor(0).isComplex(), "pads a complex tensor by paddings computed at run time; "
                    + "convert pads complex tensors by constant paddings only");
            Output data = node.input(0);
            return List.of(TfTensor.of(Movement.pad(data, node.input(1), mode, padValue(mode, value, data))));
        }
        long[] paddings = node.constantInput(1, "paddings");
        int rank = paddings.length / 2;
        node.require(rank == node.inputShape(0).rank(), "has paddings for " + rank + " axes of a rank "
                + node.inputShape(0).rank() + " input");
        boolean channelsFirst = node.isChannelsFirst(0);
        boolean complex = node.tensor(0).isComplex();
        long[] begin = new long[complex ? rank + 1 : rank];
        long[] end = new long[begin.length];
        for (int i = 0; i < rank; i++) {
            int from = channelsFirst ? Layouts.TO_CHANNELS_FIRST[i] : i;
            begin[i] = paddings[2 * from];
            end[i] = paddings[2 * from + 1];
        }
        Output data = channelsFirst ? node.channelsFirstInput(0) : node.tensor(0).stored();
        Output y = Movement.pad(data, begin, end, mode, padValue(mode, value, data));
        return List.of(complex ? TfTensor.complex(y) : channelsFirst ? TfTensor.channelsFirst(y) : TfTensor.of(y));
    }

    /** The value a Pad fills with: the given one, none for the mirror modes, else zeros of the data's type. */
    private static Output padValue(String mode, Output value, Output data) {
        return value != null || !mode.equals("constant") ? value : Constants.scalar(data.type(), 0);
    }

    public static List<TfTensor> gather(NodeContext node) {
        return gather(node, node.constantInput(2, "axis")[0]);
    }

    /** Gather (v1): GatherV2 along axis 0. */
    public static List<TfTensor> gatherV1(NodeContext node) {
        return gather(node, 0);
    }

    /**
     * ResourceGather (Keras Embedding in a SavedModel): the variable (input 0, a constant once frozen) gathered
     * along the axis batch_dims.
     */
    public static List<TfTensor> resourceGather(NodeContext node) {
        long batchDims = node.attrs().integer("batch_dims", 0);
        node.require(batchDims >= 0, "has batch_dims " + batchDims + "; 0 or more is supported");
        return gather(node, batchDims);
    }

    private static List<TfTensor> gather(NodeContext node, long axis) {
        int rank = node.inputShape(0).rank();
        int indicesRank = node.inputShape(1).rank();
        node.require(axis >= -rank && axis < rank, "has axis " + axis + " for params of rank " + rank);
        long batchDims = node.attrs().integer("batch_dims", 0);
        long batch = batchDims < 0 ? batchDims + indicesRank : batchDims;
        node.require(batch >= 0 && batch <= indicesRank && batch <= Math.floorMod(axis, rank),
                "has batch_dims " + batchDims + "; TensorFlow requires it within the indices' rank " + indicesRank
                        + " and at most the axis");
        return List.of(TfTensor.of(Movement.gather(node.input(0), node.input(1), axis, (int) batch)));
    }
}
