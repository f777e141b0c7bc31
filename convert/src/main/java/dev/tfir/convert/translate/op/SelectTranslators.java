package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;

/** Select and SelectV2: a condition picks between two values elementwise. */
public final class SelectTranslators {
    private SelectTranslators() {}

    /**
     * Select (v1): the condition has the values' shape, or is a vector that picks whole rows (along axis 0), which
     * numpy broadcasting reads along the last axis: it gets trailing axes first.
     */
    public static List<TfTensor> select(NodeContext node) {
        Output condition = node.input(0);
        int rank = node.inputShape(1).rank();
        if (condition.rank() == 1 && rank > 1) {
            long[] trailing = new long[rank - 1];
            for (int i = 0; i < trailing.length; i++) {
                trailing[i] = i + 1;
            }
            condition = Movement.unsqueeze(condition, trailing);
        }
        return List.of(TfTensor.of(Elementwise.select(condition, node.input(1), node.input(2))));
    }

    /** SelectV2: numpy broadcasting of all three inputs. */
    public static List<TfTensor> selectV2(NodeContext node) {
        return List.of(TfTensor.of(Elementwise.select(node.input(0), node.input(1), node.input(2))));
    }
}
