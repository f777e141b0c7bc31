package dev.tfir.common.infer;

import static dev.tfir.common.types.PartialShape.UNKNOWN_DIM;

import dev.tfir.common.graph.NodeAttrs;
import dev.tfir.common.types.DTypes;
import dev.tfir.common.types.PartialShape;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;

/**
 * What a shape rule sees of one node: its NodeDef and attrs, and for each data input (in input order, control
 * inputs left out) the node that makes it, the inferred type, the known value (see {@link KnownValue}) and, for a
 * resource handle, the type of the variable it points to.
 */
final class NodeContext {
    private final NodeDef node;
    private final NodeAttrs attrs;
    private final List<TensorType> inputs;
    private final List<KnownValue> values;
    private final List<TensorType> handles;
    private final List<NodeDef> producers;

    /** Entries of {@code values} and {@code handles} are null where nothing is known. */
    NodeContext(NodeDef node, List<TensorType> inputs, List<KnownValue> values, List<TensorType> handles,
                List<NodeDef> producers) {
        this.node = node;
        this.attrs = new NodeAttrs(node, CannotInfer::new);
        this.inputs = inputs;
        this.values = values;
        this.handles = handles;
        this.producers = producers;
    }

    NodeDef node() {
        return node;
    }

    String op() {
        return node.getOp();
    }

    NodeAttrs attrs() {
        return attrs;
    }

    int inputCount() {
        return inputs.size();
    }

    TensorType input(int i) {
        if (i >= inputs.size()) {
            throw new CannotInfer("has no input " + i + "; TensorFlow's " + op() + " requires at least " + (i + 1));
        }
        return inputs.get(i);
    }

    PartialShape shape(int i) {
        return input(i).shape();
    }

    /** The dtype of input i, a reference type dereferenced. */
    DataType dtype(int i) {
        return DTypes.baseType(input(i).dtype());
    }

    /** The type attr, or else the (dereferenced) dtype of input i. */
    DataType typeAttrOr(String attr, int input) {
        DataType type = attrs.type(attr);
        return type != DataType.DT_INVALID || input >= inputs.size() ? type : dtype(input);
    }

    /** The value of input i, constant or partial (see {@link KnownValue}); null when nothing is known. */
    KnownValue value(int i) {
        input(i);
        return values.get(i);
    }

    /** The elements of input i when it is a constant (see {@link KnownValue.Origin#CONSTANT}), else null. */
    long[] ints(int i) {
        KnownValue value = value(i);
        return value != null && value.isConstant() ? value.elements() : null;
    }

    /** The value of a one-element input i, or null when not known. */
    Long intScalar(int i) {
        long[] ints = ints(i);
        if (ints == null) {
            return null;
        }
        if (ints.length != 1) {
            throw new CannotInfer("input " + i + " holds " + ints.length + " values; TensorFlow requires one");
        }
        return ints[0];
    }

    /** The node that makes data input i. */
    NodeDef producer(int i) {
        input(i);
        return producers.get(i);
    }

    /** The type of the variable that resource input i points to, or null. */
    TensorType handle(int i) {
        input(i);
        return handles.get(i);
    }

    /**
     * Input i, a 1-D int tensor, read as a shape (InferenceContext::MakeShapeFromShapeTensor): its known elements
     * become dims, unknown elements and -1 unknown dims; with no value, as many unknown dims as it has elements.
     */
    PartialShape shapeTensor(int i) {
        PartialShape vector = Shapes.withRank(shape(i), 1);
        if (vector.dim(0) == 0) {
            return Shapes.scalar();
        }
        KnownValue value = value(i);
        if (value == null || value.rank() != 1) {
            return Shapes.known(vector.dim(0)) ? Shapes.unknownOfRank((int) vector.dim(0)) : PartialShape.unknownRank();
        }
        long[] dims = value.elements().clone();
        for (int d = 0; d < dims.length; d++) {
            if (dims[d] == KnownValue.UNKNOWN) {
                dims[d] = UNKNOWN_DIM;
            } else if (dims[d] < UNKNOWN_DIM) {
                throw new CannotInfer("shape " + Arrays.toString(value.elements()) + " (input " + i + ") has the dim "
                        + dims[d] + "; TensorFlow requires dims >= 0, or -1 for one to be inferred");
            }
        }
        return PartialShape.of(dims);
    }
}
