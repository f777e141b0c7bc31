package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.GruBlock;
import dev.tfir.convert.ops.LstmBlock;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;

/**
 * TensorFlow's fused RNN ops ({@code tf.raw_ops}; tf.contrib.rnn's LSTMBlockCell, LSTMBlockFusedCell and
 * GRUBlockCell, as TF1 speech models such as DeepSpeech hold them): LSTMBlockCell one step, BlockLSTM and
 * BlockLSTMV2 a Loop over the time steps ({@link LstmBlock}), each giving the seven values i, cs, f, o, ci, co, h;
 * GRUBlockCell one step of a GRU ({@link GruBlock}), giving r, u, c, h.
 */
public final class RnnBlockTranslators {
    private RnnBlockTranslators() {}

    /** LSTMBlockCell(x, cs_prev, h_prev, w, wci, wcf, wco, b). */
    public static List<TfTensor> cell(NodeContext node) {
        requireShapes(node, 0, 2);
        return tensors(LstmBlock.step(node.input(0), node.input(1), node.input(2), weights(node, 3, false)));
    }

    /** BlockLSTM(seq_len_max, x, cs_prev, h_prev, w, wci, wcf, wco, b): gates ICFO, forget_bias. */
    public static List<TfTensor> blockLstm(NodeContext node) {
        requireShapes(node, 1, 3);
        return tensors(LstmBlock.sequence(node.input(0), node.input(1), node.input(2), node.input(3),
                weights(node, 4, false)));
    }

    /** BlockLSTMV2: as BlockLSTM, gates IFCO and no forget_bias (Keras' layout). */
    public static List<TfTensor> blockLstmV2(NodeContext node) {
        requireShapes(node, 1, 3);
        return tensors(LstmBlock.sequence(node.input(0), node.input(1), node.input(2), node.input(3),
                weights(node, 4, true)));
    }

    /** GRUBlockCell(x, h_prev, w_ru, w_c, b_ru, b_c). */
    public static List<TfTensor> gruCell(NodeContext node) {
        node.require(node.inputShape(0).rank() == 2 && node.inputShape(1).rank() == 2, "needs x and h_prev of rank 2, "
                + "not " + node.inputShape(0) + " and " + node.inputShape(1));
        Output wRu = node.input(2);
        Output wC = node.input(3);
        node.require(wRu.rank() == 2 && wC.rank() == 2 && wRu.shape().dim(1) > 0 && wRu.shape().dim(1) % 2 == 0,
                "needs w_ru [input + units, 2 units] and w_c [input + units, units], not " + wRu.shape() + " and "
                + wC.shape());
        return tensors(GruBlock.step(node.input(0), node.input(1), wRu, wC, node.input(4), node.input(5)));
    }

    /** w, wci, wcf, wco, b from input {@code first} on, and the attributes. */
    private static LstmBlock.Weights weights(NodeContext node, int first, boolean ifco) {
        Output w = node.input(first);
        Output b = node.input(first + 4);
        node.require(w.rank() == 2 && b.rank() == 1 && b.shape().dim(0) > 0 && b.shape().dim(0) % 4 == 0
                && w.shape().dim(1) == b.shape().dim(0), "needs w [input + units, 4 units] and b [4 units] of known "
                + "size, not " + w.shape() + " and " + b.shape());
        boolean peephole = node.attrs().bool("use_peephole", false);
        double forgetBias = ifco ? 0 : node.attrs().real("forget_bias", 1f);
        double cellClip = node.attrs().real("cell_clip", ifco ? 0f : 3f);
        return new LstmBlock.Weights(w, b, node.input(first + 1), node.input(first + 2), node.input(first + 3),
                forgetBias, cellClip, peephole, ifco);
    }

    /** The input at {@code x} (of rank {@code rank}, its last dim the input size) and the states [batch, units]. */
    private static void requireShapes(NodeContext node, int x, int rank) {
        node.require(node.inputShape(x).rank() == rank, "needs an input of rank " + rank + ", not "
                + node.inputShape(x));
        node.require(node.inputShape(x + 1).rank() == 2 && node.inputShape(x + 2).rank() == 2,
                "needs cs_prev and h_prev of rank 2, not " + node.inputShape(x + 1) + " and " + node.inputShape(x + 2));
    }

    private static List<TfTensor> tensors(List<Output> values) {
        return values.stream().map(TfTensor::of).toList();
    }
}
