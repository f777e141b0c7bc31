package dev.tfir.common.graph;

import dev.tfir.common.types.PartialShape;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;

/**
 * Typed reads of a node's attrs, for summarize's shape rules and convert's translators alike. An absent attr gives
 * the fallback (the op's default); an attr holding the wrong kind of value is an error made by the reader's
 * {@code error} function from a one-line message (what is wrong and what TensorFlow requires).
 */
public final class NodeAttrs {
    private final NodeDef node;
    private final Function<String, ? extends RuntimeException> error;

    public NodeAttrs(NodeDef node, Function<String, ? extends RuntimeException> error) {
        this.node = node;
        this.error = error;
    }

    public boolean has(String name) {
        return node.getAttrMap().containsKey(name);
    }

    /** A type attr ({@code T}, {@code dtype}...), or {@code DT_INVALID} when absent or not a type. */
    public DataType type(String name) {
        AttrValue value = node.getAttrMap().get(name);
        return value != null && value.hasType() && value.getType() != DataType.UNRECOGNIZED
                ? value.getType() : DataType.DT_INVALID;
    }

    public List<DataType> types(String name) {
        return get(name, List.of(), AttrValue::hasList, value -> value.getList().getTypeList(), "a list");
    }

    public long integer(String name, long fallback) {
        return get(name, fallback, AttrValue::hasI, AttrValue::getI, "an int");
    }

    public boolean bool(String name, boolean fallback) {
        return get(name, fallback, AttrValue::hasB, AttrValue::getB, "a bool");
    }

    public float real(String name, float fallback) {
        return get(name, fallback, AttrValue::hasF, AttrValue::getF, "a float");
    }

    public String string(String name, String fallback) {
        return get(name, fallback, AttrValue::hasS, value -> value.getS().toStringUtf8(), "a string");
    }

    /** A list of floats; empty when absent. */
    public List<Float> floats(String name) {
        return get(name, List.of(), AttrValue::hasList, value -> value.getList().getFList(), "a list");
    }

    /** A list of ints; the fallback when absent. */
    public long[] ints(String name, long[] fallback) {
        return get(name, fallback, AttrValue::hasList,
                value -> value.getList().getIList().stream().mapToLong(Long::longValue).toArray(), "a list");
    }

    /** A list of ints that the op requires. */
    public long[] ints(String name) {
        long[] ints = ints(name, null);
        if (ints == null) {
            throw error.apply("attribute '" + name + "' is missing; TensorFlow requires it");
        }
        return ints;
    }

    /** A shape attr; an unknown rank when absent. */
    public PartialShape shape(String name) {
        return get(name, PartialShape.unknownRank(), AttrValue::hasShape,
                value -> PartialShape.fromProto(value.getShape()), "a shape");
    }

    public List<PartialShape> shapes(String name) {
        return get(name, List.of(), AttrValue::hasList,
                value -> value.getList().getShapeList().stream().map(PartialShape::fromProto).toList(), "a list");
    }

    /** A tensor attr (a Const's {@code value}), which the op requires. */
    public TensorProto tensor(String name) {
        TensorProto tensor = get(name, null, AttrValue::hasTensor, AttrValue::getTensor, "a tensor");
        if (tensor == null) {
            throw error.apply("attribute '" + name + "' is not a tensor; TensorFlow requires a tensor");
        }
        return tensor;
    }

    private <T> T get(String name, T fallback, Predicate<AttrValue> holds, Function<AttrValue, T> read, String kind) {
        AttrValue value = node.getAttrMap().get(name);
        if (value == null) {
            return fallback;
        }
        if (!holds.test(value)) {
            throw error.apply("attribute '" + name + "' is not " + kind + "; TensorFlow requires " + kind);
        }
        return read.apply(value);
    }
}
