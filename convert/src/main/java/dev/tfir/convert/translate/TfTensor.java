package dev.tfir.convert.translate;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Movement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The IR value standing for one TensorFlow tensor: held as TF has it, or (rank 4 only) channels first. The other
 * layout is made on first request, once, by a Transpose. A complex tensor (complex64, complex128) is held as its
 * real and imaginary parts in a trailing axis of 2, as OpenVINO's DFT ops take and give them; only translators
 * registered as taking complex tensors see one (the session refuses the others).
 */
public final class TfTensor {
    private final Output stored;
    private final boolean channelsFirst;
    private final boolean complex;
    private Output other;
    private final List<String> names = new ArrayList<>();

    private TfTensor(Output stored, boolean channelsFirst, boolean complex) {
        if (channelsFirst && stored.rank() != 4) {
            throw new IllegalArgumentException("only rank-4 tensors are held channels first, not " + stored.shape());
        }
        if (complex && (stored.rank() <= 0 || stored.shape().dim(stored.rank() - 1) != 2)) {
            throw new IllegalArgumentException("a complex tensor is held with a trailing axis of 2, not "
                    + stored.shape());
        }
        this.stored = stored;
        this.channelsFirst = channelsFirst;
        this.complex = complex;
    }

    /** A tensor held as TensorFlow has it. */
    public static TfTensor of(Output output) {
        return new TfTensor(output, false, false);
    }

    /** An NHWC tensor held as its NCHW permutation. */
    public static TfTensor channelsFirst(Output output) {
        return new TfTensor(output, true, false);
    }

    /** A complex tensor of TensorFlow's shape [..., d] held as its parts, [..., d, 2] (real, imaginary). */
    public static TfTensor complex(Output parts) {
        return new TfTensor(parts, false, true);
    }

    /** Whether this is a complex tensor, held as its parts in a trailing axis of 2. */
    public boolean isComplex() {
        return complex;
    }

    public boolean isChannelsFirst() {
        return channelsFirst;
    }

    /** The result of an op that works the same in either layout (elementwise): held in this tensor's layout. */
    public TfTensor map(UnaryOperator<Output> op) {
        return new TfTensor(op.apply(stored), channelsFirst, complex);
    }

    /** The IR values that hold this tensor: the stored one, and its other layout once made. */
    List<Output> values() {
        return other == null ? List.of(stored) : List.of(stored, other);
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

    /** The shape in TensorFlow's layout (of a complex tensor: without its parts' axis). */
    public PartialShape tfShape() {
        if (complex) {
            return PartialShape.of(Arrays.copyOf(stored.shape().dims(), stored.rank() - 1));
        }
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
