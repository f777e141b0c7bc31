package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;

import dev.tfir.common.types.DTypes;
import dev.tfir.common.types.PartialShape;
import java.util.List;
import org.tensorflow.proto.DataType;

/**
 * Variables: reference variables (VariableV2, whose outputs have reference dtypes, and Assign*) and resource
 * variables (VarHandleOp, whose handle carries the variable's type to ReadVariableOp).
 */
final class VariableRules {
    private static final int REF_OFFSET = 100;

    private VariableRules() {}

    /** The rule of this op type, or null when the op type is not of this family. */
    static ShapeRule forOp(String op) {
        return switch (op) {
            case "VariableV2", "Variable" -> c -> one(ref(c.attrs().type("dtype")), c.attrs().shape("shape"));
            case "VarHandleOp" -> c -> one(DataType.DT_RESOURCE, Shapes.scalar());
            case "ReadVariableOp" -> VariableRules::readVariable;
            case "VarIsInitializedOp", "IsVariableInitialized" -> c -> one(DataType.DT_BOOL, Shapes.scalar());
            case "Assign" -> VariableRules::assign;
            case "AssignAdd", "AssignSub" -> c -> one(ref(c.typeAttrOr("T", 0)), Shapes.merge(c.shape(0), c.shape(1)));
            case "AssignVariableOp", "AssignAddVariableOp", "AssignSubVariableOp" -> c -> List.of();
            default -> null;
        };
    }

    /** The reference dtype of a dtype ({@code DT_FLOAT} gives {@code DT_FLOAT_REF}). */
    static DataType ref(DataType type) {
        DataType base = DTypes.baseType(type);
        return base == DataType.DT_INVALID ? base : DataType.forNumber(base.getNumber() + REF_OFFSET);
    }

    /**
     * The type of the variable behind a resource output of this node: a VarHandleOp's dtype and shape attrs, else
     * what its resource input 0 carries (Identity, Switch, Enter... pass the handle on); null when not known.
     */
    static TensorType handleData(NodeContext c) {
        if (c.op().equals("VarHandleOp")) {
            return new TensorType(c.attrs().type("dtype"), c.attrs().shape("shape"));
        }
        return c.inputCount() > 0 && c.dtype(0) == DataType.DT_RESOURCE ? c.handle(0) : null;
    }

    /** The dtype attr; the shape from the handle, or from a {@code _shape} attr where a function's graph set one. */
    private static List<TensorType> readVariable(NodeContext c) {
        DataType dtype = c.attrs().type("dtype");
        PartialShape annotated = c.attrs().shape("_shape");
        if (annotated.hasRank()) {
            return one(dtype, annotated);
        }
        TensorType variable = c.handle(0);
        return one(dtype, variable == null ? PartialShape.unknownRank() : variable.shape());
    }

    /** Assign gives the reference back; with validate_shape the two shapes are merged, else the value's shape. */
    private static List<TensorType> assign(NodeContext c) {
        PartialShape shape = c.attrs().bool("validate_shape", true) ? Shapes.merge(c.shape(0), c.shape(1))
                : c.shape(1);
        return one(ref(c.typeAttrOr("T", 0)), shape);
    }
}
