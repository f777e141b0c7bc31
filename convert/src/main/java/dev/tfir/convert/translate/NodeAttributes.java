package dev.tfir.convert.translate;

import dev.tfir.convert.ConversionException;
import dev.tfir.convert.ir.ElementType;
import java.util.function.Function;
import java.util.function.Predicate;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;

/**
 * Typed reads of a TensorFlow node's attributes: an absent attribute gives the default, one holding the wrong kind
 * of value is an error naming the node.
 */
final class NodeAttributes {
    private final NodeDef node;

    NodeAttributes(NodeDef node) {
        this.node = node;
    }

    boolean has(String name) {
        return node.getAttrMap().containsKey(name);
    }

    String string(String name, String fallback) {
        return get(name, fallback, AttrValue::hasS, value -> value.getS().toStringUtf8(), "a string");
    }

    long integer(String name, long fallback) {
        return get(name, fallback, AttrValue::hasI, AttrValue::getI, "an int");
    }

    double real(String name, double fallback) {
        return get(name, fallback, AttrValue::hasF, value -> (double) value.getF(), "a float");
    }

    boolean bool(String name, boolean fallback) {
        return get(name, fallback, AttrValue::hasB, AttrValue::getB, "a bool");
    }

    long[] integers(String name, long[] fallback) {
        return get(name, fallback, AttrValue::hasList,
                value -> value.getList().getIList().stream().mapToLong(Long::longValue).toArray(), "a list");
    }

    /** A type attribute; null when absent. */
    ElementType type(String name) {
        DataType dtype = get(name, null, AttrValue::hasType, AttrValue::getType, "a type");
        ElementType type = dtype == null ? null : TfTypes.elementType(dtype);
        if (dtype != null && type == null) {
            throw new ConversionException("attribute '" + name + "' is " + dtype + ", which OpenVINO IR cannot hold");
        }
        return type;
    }

    private <T> T get(String name, T fallback, Predicate<AttrValue> holds, Function<AttrValue, T> read, String kind) {
        AttrValue value = node.getAttrMap().get(name);
        if (value == null) {
            return fallback;
        }
        if (!holds.test(value)) {
            throw new ConversionException("attribute '" + name + "' is not " + kind);
        }
        return read.apply(value);
    }
}
