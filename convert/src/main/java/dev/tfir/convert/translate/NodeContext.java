package dev.tfir.convert.translate;

import dev.tfir.common.graph.NodeAttrs;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ir.TfTypes;
import dev.tfir.convert.weights.GraphConstants;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;

/**
 * What a translator sees of one TensorFlow node: its name and op type, its data inputs as IR values (in TF's
 * layout, or channels first where the translator can work that way), and its attributes, read by common's
 * {@link NodeAttrs} as summarize's shape rules read them (with two helpers for translators: a float attribute with
 * an exact double default, a type attribute as an IR element type).
 */
public final class NodeContext {
    private final NodeDef node;
    private final List<TfTensor> inputs;
    private final NodeAttrs attributes;
    private final Supplier<ConstTensor> value;
    private final FunctionCalls functions;
    private final Function<Boolean, Predicate<Output>> outsideBranch;

    NodeContext(NodeDef node, List<TfTensor> inputs, Supplier<ConstTensor> value, FunctionCalls functions,
                Function<Boolean, Predicate<Output>> outsideBranch) {
        this.node = node;
        this.inputs = inputs;
        this.attributes = new NodeAttrs(node, ConversionException::new);
        this.value = value;
        this.functions = functions;
        this.outsideBranch = outsideBranch;
    }

    /**
     * The node over inputs made in memory (IR values of any element type and shape: Parameters, constants): a
     * translator runs on it alone, without a graph; a Const's value is its {@code value} attribute.
     */
    public static NodeContext of(NodeDef node, List<TfTensor> inputs) {
        return new NodeContext(node, List.copyOf(inputs), () -> new GraphConstants().valueOf(node), null,
                side -> output -> true);
    }

    /**
     * For a Merge that joins the two sides of a tf.cond: whether an IR value is computed outside that side's
     * branch (every value is, for a node made in memory).
     */
    public Predicate<Output> outsideBranch(boolean side) {
        require(outsideBranch != null, "joins no two sides of a tf.cond");
        return outsideBranch.apply(side);
    }

    /** The function of the graph's library that a function attribute ({@code cond}, {@code body}...) names. */
    public TfFunction function(String attribute) {
        String name = node.getAttrOrDefault(attribute, AttrValue.getDefaultInstance()).getFunc().getName();
        require(!name.isEmpty(), "needs attribute '" + attribute + "' naming a function");
        require(functions != null, "runs function '" + name + "', but no function library is at hand");
        return functions.function(name, node.getOp() + " '" + node.getName() + "'");
    }

    public String name() {
        return node.getName();
    }

    public String opType() {
        return node.getOp();
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

    /** The node's attributes, read as summarize's shape rules read them (common's reader). */
    public NodeAttrs attrs() {
        return attributes;
    }

    /** A float attribute, widened; the fallback as given when absent (a double default stays exact). */
    public double real(String attribute, double fallback) {
        return attributes.has(attribute) ? attributes.real(attribute, 0) : fallback;
    }

    /** A type attribute ({@code T}, {@code DstT}...) as an element type; null when absent. */
    public ElementType type(String attribute) {
        if (!attributes.has(attribute)) {
            return null;
        }
        DataType dtype = attributes.type(attribute);
        require(dtype != DataType.DT_INVALID, "attribute '" + attribute + "' is not a type");
        ElementType type = TfTypes.elementType(dtype);
        require(type != null, "attribute '" + attribute + "' is " + dtype + ", which OpenVINO IR cannot hold");
        return type;
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
