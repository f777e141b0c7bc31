package dev.tfir.convert.translate;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Movement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The IR value standing for one TensorFlow tensor: held as TF has it, or (rank 4 only) channels first. The other
 * layout is made on first request, once, by a Transpose.
 */
public final class TfTensor {
    private final Output stored;
    private final boolean channelsFirst;
    private Output other;
    private final List<String> names = new ArrayList<>();

    private TfTensor(Output stored, boolean channelsFirst) {
        if (channelsFirst && stored.rank() != 4) {
            throw new IllegalArgumentException("only rank-4 tensors are held channels first, not " + stored.shape());
        }
        this.stored = stored;
        this.channelsFirst = channelsFirst;
    }

    /** A tensor held as TensorFlow has it. */
    public static TfTensor of(Output output) {
        return new TfTensor(output, false);
    }

    /** An NHWC tensor held as its NCHW permutation. */
    public static TfTensor channelsFirst(Output output) {
        return new TfTensor(output, true);
    }

    public boolean isChannelsFirst() {
        return channelsFirst;
    }

    /** The result of an op that works the same in either layout (elementwise): held in this tensor's layout. */
    public TfTensor map(UnaryOperator<Output> op) {
        return new TfTensor(op.apply(stored), channelsFirst);
    }

    /** The IR output as stored (in either layout). */
    public Output stored() {
        return stored;
    }

    /** The tensor in TensorFlow's layout. */
    public Output tfLayout() {
        if (!channelsFirst) {
            return stored;
        }
        if (other == null) {
            other = Movement.transpose(stored, Layouts.TO_CHANNELS_LAST);
            other.node().setName(stored.node().name() + "/to_nhwc");
            other.node().addTensorNames(other.port(), names);
        }
        return other;
    }

    /** The rank-4 tensor channels first. */
    public Output channelsFirstLayout() {
        if (channelsFirst) {
            return stored;
        }
        if (other == null) {
            other = Movement.transpose(stored, Layouts.TO_CHANNELS_FIRST);
            other.node().setName(stored.node().name() + "/to_nchw");
        }
        return other;
    }

    /** The shape in TensorFlow's layout. */
    public PartialShape tfShape() {
        if (!channelsFirst) {
            return stored.shape();
        }
        long[] nchw = stored.shape().dims();
        return PartialShape.of(nchw[0], nchw[2], nchw[3], nchw[1]);
    }

    /**
     * Adds tensor names (an Identity adds its own to its input's): they go on the TF-layout output, now or when it
     * is made. The layout transposes are named after the node producing the stored output.
     */
    void addNames(List<String> tensorNames) {
        names.addAll(tensorNames);
        Output tf = channelsFirst ? other : stored;
        if (tf != null) {
            tf.node().addTensorNames(tf.port(), tensorNames);
        }
    }
}
