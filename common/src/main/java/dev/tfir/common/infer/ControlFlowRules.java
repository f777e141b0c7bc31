package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;

import dev.tfir.common.types.PartialShape;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.proto.DataType;

/**
 * v1 control flow (Switch, Merge, Enter, Exit, NextIteration, LoopCond), IdentityN, and ops without outputs
 * (NoOp, Assert...). The Ref variants pass reference dtypes on.
 */
final class ControlFlowRules {
    private ControlFlowRules() {}

    /** The rule of this op type, or null when the op type is not of this family. */
    static ShapeRule forOp(String op) {
        return switch (op) {
            case "Switch" -> c -> switchOutputs(c, c.typeAttrOr("T", 0));
            case "RefSwitch" -> c -> switchOutputs(c, VariableRules.ref(c.typeAttrOr("T", 0)));
            case "Merge" -> c -> merge(c, c.typeAttrOr("T", 0));
            case "RefMerge" -> c -> merge(c, VariableRules.ref(c.typeAttrOr("T", 0)));
            case "Enter" -> c -> enter(c, c.typeAttrOr("T", 0));
            case "RefEnter" -> c -> enter(c, VariableRules.ref(c.typeAttrOr("T", 0)));
            case "Exit", "NextIteration" -> c -> one(c.typeAttrOr("T", 0), c.shape(0));
            case "RefExit", "RefNextIteration" -> c -> one(VariableRules.ref(c.typeAttrOr("T", 0)), c.shape(0));
            case "LoopCond" -> c -> one(DataType.DT_BOOL, Shapes.withRank(c.shape(0), 0));
            case "IdentityN" -> ControlFlowRules::identityN;
            case "NoOp", "Assert", "ControlTrigger", "PrintV2", "SaveV2", "Save", "SaveSlices" -> c -> List.of();
            default -> null;
        };
    }

    /** Both outputs carry input 0. */
    private static List<TensorType> switchOutputs(NodeContext c, DataType dtype) {
        TensorType out = new TensorType(dtype, c.shape(0));
        return List.of(out, out);
    }

    /**
     * Output 0 keeps the dims on which all inputs agree (an input not inferred yet, a loop's back edge, is
     * unknown); output 1 is the index of the input taken.
     */
    private static List<TensorType> merge(NodeContext c, DataType dtype) {
        PartialShape out = c.shape(0);
        for (int i = 1; i < c.inputCount() && out.hasRank(); i++) {
            PartialShape input = c.shape(i);
            if (input.rank() != out.rank()) {
                out = PartialShape.unknownRank();
            } else {
                long[] dims = out.dims();
                for (int d = 0; d < dims.length; d++) {
                    dims[d] = dims[d] == input.dim(d) ? dims[d] : PartialShape.UNKNOWN_DIM;
                }
                out = PartialShape.of(dims);
            }
        }
        return List.of(new TensorType(dtype, out), new TensorType(DataType.DT_INT32, Shapes.scalar()));
    }

    /** A loop input: its shape is only known for a loop constant (is_constant). */
    private static List<TensorType> enter(NodeContext c, DataType dtype) {
        return one(dtype, c.attrs().bool("is_constant", false) ? c.shape(0) : PartialShape.unknownRank());
    }

    private static List<TensorType> identityN(NodeContext c) {
        List<TensorType> outputs = new ArrayList<>(c.inputCount());
        List<DataType> types = c.attrs().types("T");
        for (int i = 0; i < c.inputCount(); i++) {
            outputs.add(new TensorType(i < types.size() ? types.get(i) : c.dtype(i), c.shape(i)));
        }
        return outputs;
    }
}
