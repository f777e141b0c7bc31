package dev.tfir.common.infer;

import dev.tfir.common.types.PartialShape;
import java.util.List;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;

/**
 * Typed reads of a node's attrs. An absent attr gives the fallback (the op's default); an attr holding the wrong
 * kind of value throws {@link CannotInfer}.
 */
final class NodeAttrs {
    private final NodeDef node;

    NodeAttrs(NodeDef node) {
        this.node = node;
    }

    /** A type attr ({@code T}, {@code dtype}...), or {@code DT_INVALID} when absent or not a type. */
    DataType type(String name) {
        AttrValue value = node.getAttrMap().get(name);
        return value != null && value.hasType() && value.getType() != DataType.UNRECOGNIZED
                ? value.getType() : DataType.DT_INVALID;
    }

    List<DataType> types(String name) {
        AttrValue value = get(name);
        return value == null ? List.of() : list(name, value).getTypeList();
    }

    long integer(String name, long fallback) {
        AttrValue value = get(name);
        if (value == null) {
            return fallback;
        }
        require(value.hasI(), name, "an int");
        return value.getI();
    }

    boolean bool(String name, boolean fallback) {
        AttrValue value = get(name);
        if (value == null) {
            return fallback;
        }
        require(value.hasB(), name, "a bool");
        return value.getB();
    }

    float real(String name, float fallback) {
        AttrValue value = get(name);
        if (value == null) {
            return fallback;
        }
        require(value.hasF(), name, "a float");
        return value.getF();
    }

    String string(String name, String fallback) {
        AttrValue value = get(name);
        if (value == null) {
            return fallback;
        }
        require(value.hasS(), name, "a string");
        return value.getS().toStringUtf8();
    }

    /** A list of ints; the fallback when absent. */
    long[] ints(String name, long[] fallback) {
        AttrValue value = get(name);
        return value == null ? fallback : list(name, value).getIList().stream().mapToLong(Long::longValue).toArray();
    }

    /** A list of ints that the op requires. */
    long[] ints(String name) {
        long[] ints = ints(name, null);
        if (ints == null) {
            throw new CannotInfer("attribute '" + name + "' is missing; TensorFlow requires it");
        }
        return ints;
    }

    /** A shape attr; an unknown rank when absent. */
    PartialShape shape(String name) {
        AttrValue value = get(name);
        if (value == null) {
            return PartialShape.unknownRank();
        }
        require(value.hasShape(), name, "a shape");
        return PartialShape.fromProto(value.getShape());
    }

    List<PartialShape> shapes(String name) {
        AttrValue value = get(name);
        return value == null ? List.of()
                : list(name, value).getShapeList().stream().map(PartialShape::fromProto).toList();
    }

    /** A tensor attr (a Const's {@code value}). */
    TensorProto tensor(String name) {
        AttrValue value = get(name);
        require(value != null && value.hasTensor(), name, "a tensor");
        return value.getTensor();
    }

    private AttrValue get(String name) {
        return node.getAttrMap().get(name);
    }

    private static AttrValue.ListValue list(String name, AttrValue value) {
        require(value.hasList(), name, "a list");
        return value.getList();
    }

    private static void require(boolean ok, String name, String what) {
        if (!ok) {
            throw new CannotInfer("attribute '" + name + "' is not " + what + "; TensorFlow requires " + what);
        }
    }
}
