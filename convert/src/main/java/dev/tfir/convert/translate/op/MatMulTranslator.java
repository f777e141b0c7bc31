package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.MatMuls;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.ArrayList;
import java.util.List;

/** MatMul ({@code transpose_a/b}), BatchMatMul, V2, V3 ({@code adj_x/y}, real types only) and Einsum. */
public final class MatMulTranslator {
    private MatMulTranslator() {}

    public static List<TfTensor> matMul(NodeContext node) {
        return List.of(TfTensor.of(MatMuls.matMul(node.input(0), node.input(1), node.attrs().bool("transpose_a", false),
                node.attrs().bool("transpose_b", false))));
    }

    public static List<TfTensor> batchMatMul(NodeContext node) {
        return List.of(TfTensor.of(MatMuls.matMul(node.input(0), node.input(1), node.attrs().bool("adj_x", false),
                node.attrs().bool("adj_y", false))));
    }

    /** Einsum of its N operands with the {@code equation} attribute (Keras MultiHeadAttention, EinsumDense). */
    public static List<TfTensor> einsum(NodeContext node) {
        List<Output> operands = new ArrayList<>();
        for (int i = 0; i < node.inputCount(); i++) {
            operands.add(node.input(i));
        }
        return List.of(TfTensor.of(MatMuls.einsum(node.attrs().string("equation", ""), operands)));
    }
}
