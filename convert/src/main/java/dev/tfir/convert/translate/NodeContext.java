package dev.tfir.convert.translate;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ConversionException;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Output;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a translator sees of one TensorFlow node: its name and op type, its data inputs as IR values (in TF's
 * layout, or channels first where the translator can work that way), and typed attribute getters with defaults.
 */
public final class NodeContext {
    private final String name;
    private final String opType;
    private final List<TfTensor> inputs;
    private final NodeAttributes attributes;
    private final Supplier<ConstTensor> value;

    NodeContext(String name, String opType, List<TfTensor> inputs, NodeAttributes attributes,
                Supplier<ConstTensor> value) {
        this.name = name;
        this.opType = opType;
        this.inputs = inputs;
        this.attributes = attributes;
        this.value = value;
    }

    public String name() {
        return name;
    }

    public String opType() {
        return opType;
    }

    public int inputCount() {
        return inputs.size();
    }

    /** Input i in TensorFlow's layout. */
    public Output input(int i) {
        return tensor(i).tfLayout();
    }

    /** Input i as its IR value stands (for ops that follow their input's layout). */
    public TfTensor tensor(int i) {
        if (i >= inputs.size()) {
            throw error("has no input " + i);
        }
        return inputs.get(i);
    }

    /** Rank-4 input i channels first (NCHW). */
    public Output channelsFirstInput(int i) {
        if (inputShape(i).rank() != 4) {
            throw error("input " + i + " must have rank 4, not " + inputShape(i));
        }
        return tensor(i).channelsFirstLayout();
    }

    public boolean isChannelsFirst(int i) {
        return tensor(i).isChannelsFirst();
    }

    /** The shape of input i in TensorFlow's layout. */
    public PartialShape inputShape(int i) {
        return tensor(i).tfShape();
    }

    public ElementType inputType(int i) {
        return tensor(i).stored().type();
    }

    /** The values of input i, which must be a constant (an axis, paddings...); {@code what} names it in errors. */
    public long[] constantInput(int i, String what) {
        Output input = tensor(i).stored();
        if (!input.isConstant()) {
            throw error("needs its " + what + " (input " + i + ") to be a constant");
        }
        return input.constant().longs();
    }

    /** The value a Const node holds. */
    public ConstTensor constantValue() {
        return value.get();
    }

    public boolean hasAttribute(String attribute) {
        return attributes.has(attribute);
    }

    public String string(String attribute, String fallback) {
        return attributes.string(attribute, fallback);
    }

    public long integer(String attribute, long fallback) {
        return attributes.integer(attribute, fallback);
    }

    public long[] integers(String attribute, long[] fallback) {
        return attributes.integers(attribute, fallback);
    }

    public double real(String attribute, double fallback) {
        return attributes.real(attribute, fallback);
    }

    public boolean bool(String attribute, boolean fallback) {
        return attributes.bool(attribute, fallback);
    }

    /** A type attribute ({@code T}, {@code DstT}...); null when absent. */
    public ElementType type(String attribute) {
        return attributes.type(attribute);
    }

    /** Fails the translation unless {@code condition} holds; the message says what the node needs. */
    public void require(boolean condition, String need) {
        if (!condition) {
            throw error(need);
        }
    }

    /** An error about this node; the session names the node in front of the message. */
    public ConversionException error(String message) {
        return new ConversionException(message);
    }
}
