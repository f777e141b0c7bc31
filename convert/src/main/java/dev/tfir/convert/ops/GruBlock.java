package dev.tfir.convert.ops;

import dev.tfir.convert.ir.Output;
import java.util.List;

/**
 * TensorFlow's GRU block cell ({@code gru_ops.cc}: GRUBlockCell): the reset and update gates
 * {@code r, u = sigmoid([x, h_prev] w_ru + b_ru)}, the candidate {@code c = tanh([x, r h_prev] w_c + b_c)} and
 * {@code h = u h_prev + (1 - u) c}; a step gives r, u, c and h, each [batch, units].
 */
public final class GruBlock {
    private GruBlock() {}

    /** One step of x [batch, input] from h_prev [batch, units]: r, u, c, h. */
    public static List<Output> step(Output x, Output hPrev, Output wRu, Output wC, Output bRu, Output bC) {
        Output ru = Elementwise.unary("Sigmoid", "opset1", Elementwise.add(MatMuls.matMul(
                Movement.concat(List.of(x, hPrev), 1), wRu, false, false), bRu));
        long units = wRu.shape().dim(1) / 2;
        Output r = LstmBlock.gate(ru, 0, units);
        Output u = LstmBlock.gate(ru, 1, units);
        Output c = Elementwise.unary("Tanh", "opset1", Elementwise.add(MatMuls.matMul(
                Movement.concat(List.of(x, Elementwise.multiply(r, hPrev)), 1), wC, false, false), bC));
        Output one = Constants.scalar(u.type(), 1);
        Output h = Elementwise.add(Elementwise.multiply(u, hPrev),
                Elementwise.multiply(Elementwise.binary("Subtract", one, u), c));
        return List.of(r, u, c, h);
    }
}
