package dev.tfir.convert.ops;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import java.util.ArrayList;
import java.util.List;

/**
 * TensorFlow's LSTM block ({@code lstm_ops.cc}: LSTMBlockCell, one step of BlockLSTM and BlockLSTMV2): the gates are
 * {@code [x, h_prev] w + b}, laid out i, ci, f, o (ICFO: BlockLSTM, LSTMBlockCell) or i, f, ci, o (IFCO:
 * BlockLSTMV2); with peepholes the cell state feeds the gates i and f (the previous one) and o (the new one). Every
 * step gives seven values [batch, units], in TensorFlow's order: i, cs, f, o, ci, co, h.
 */
public final class LstmBlock {
    /** The number of values a step gives. */
    public static final int OUTPUTS = 7;

    /**
     * The weights and attributes: {@code w} [input + units, 4 units], {@code b} [4 units], the peephole weights
     * [units] (read only with {@code peephole}), the forget gate's bias, the cell state's clip (none when not > 0).
     */
    public record Weights(Output w, Output b, Output wci, Output wcf, Output wco, double forgetBias, double cellClip,
                          boolean peephole, boolean ifco) {}

    private LstmBlock() {}

    /** One step: i, cs, f, o, ci, co, h of the input x [batch, input] and the previous cs and h [batch, units]. */
    public static List<Output> step(Output x, Output csPrev, Output hPrev, Weights weights) {
        Output gates = Elementwise.add(MatMuls.matMul(Movement.concat(List.of(x, hPrev), 1), weights.w(), false,
                false), weights.b());
        long units = weights.b().shape().dim(0) / 4;
        Output iIn = gate(gates, 0, units);
        Output ciIn = gate(gates, weights.ifco() ? 2 : 1, units);
        Output fIn = gate(gates, weights.ifco() ? 1 : 2, units);
        Output oIn = gate(gates, 3, units);
        if (weights.peephole()) {
            iIn = Elementwise.add(iIn, Elementwise.multiply(csPrev, weights.wci()));
            fIn = Elementwise.add(fIn, Elementwise.multiply(csPrev, weights.wcf()));
        }
        Output i = sigmoid(iIn);
        Output ci = Elementwise.unary("Tanh", "opset1", ciIn);
        Output f = sigmoid(weights.forgetBias() == 0 ? fIn
                : Elementwise.add(fIn, Constants.scalar(fIn.type(), weights.forgetBias())));
        Output cs = Elementwise.add(Elementwise.multiply(ci, i), Elementwise.multiply(csPrev, f));
        if (weights.cellClip() > 0) {
            cs = Elementwise.clamp(cs, -weights.cellClip(), weights.cellClip());
        }
        if (weights.peephole()) {
            oIn = Elementwise.add(oIn, Elementwise.multiply(cs, weights.wco()));
        }
        Output o = sigmoid(oIn);
        Output co = Elementwise.unary("Tanh", "opset1", cs);
        return List.of(i, cs, f, o, ci, co, Elementwise.multiply(co, o));
    }

    /**
     * BlockLSTM over x [time, batch, input] from cs and h [batch, units]: a Loop of {@link #step}s over the first
     * {@code min(seqLenMax, time)} steps; the seven sequences [time, batch, units], zeros after those steps (as
     * TensorFlow gives cs and h there).
     */
    public static List<Output> sequence(Output seqLenMax, Output x, Output cs, Output h, Weights weights) {
        Output time = Movement.gather(Movement.shapeOf(x, ElementType.I64), Constants.i64Scalar(0), 0);
        Output steps = Elementwise.binary("Minimum", Elementwise.convert(seqLenMax, ElementType.I64), time);
        List<Loops.Carried> carried = new ArrayList<>();
        Node counter = Sources.parameter(ElementType.I64, PartialShape.of());
        Output next = Elementwise.add(counter.output(0), Constants.i64Scalar(1));
        carried.add(new Loops.Carried(Constants.i64Scalar(0), counter, next));
        Node limit = invariant(carried, steps);
        Node inputs = invariant(carried, x);
        Node w = invariant(carried, weights.w());
        Node b = invariant(carried, weights.b());
        Node wci = invariant(carried, weights.wci());
        Node wcf = invariant(carried, weights.wcf());
        Node wco = invariant(carried, weights.wco());
        Node csPrev = Sources.parameter(cs.type(), cs.shape());
        Node hPrev = Sources.parameter(h.type(), h.shape());
        Output xt = Movement.gather(inputs.output(0), counter.output(0), 0);
        List<Output> values = step(xt, csPrev.output(0), hPrev.output(0), new Weights(w.output(0), b.output(0),
                wci.output(0), wcf.output(0), wco.output(0), weights.forgetBias(), weights.cellClip(),
                weights.peephole(), weights.ifco()));
        carried.add(new Loops.Carried(cs, csPrev, values.get(1)));
        carried.add(new Loops.Carried(h, hPrev, values.get(6)));
        int firstList = carried.size();
        Output empty = Movement.broadcast(Constants.scalar(h.type(), 0), Movement.concat(List.of(
                Movement.reshape(time, 1), Movement.shapeOf(h, ElementType.I64)), 0),
                PartialShape.of(x.shape().dim(0), h.shape().dim(0), h.shape().dim(1)));
        for (Output value : values) {
            Node list = Sources.parameter(empty.type(), empty.shape());
            carried.add(new Loops.Carried(empty, list, Indexing.scatterUpdate(list.output(0),
                    Movement.unsqueeze(counter.output(0), 0), Movement.unsqueeze(value, 0))));
        }
        Output first = Elementwise.binary("Less", Constants.i64Scalar(0), steps);
        Output again = Elementwise.binary("Less", next, limit.output(0));
        List<Output> after = Loops.whileLoop(carried, first, again);
        List<Output> sequences = new ArrayList<>();
        for (int k = 0; k < OUTPUTS; k++) {
            sequences.add(paddedTo(after.get(firstList + k), empty));
        }
        return sequences;
    }

    /** A value the loop's body reads but does not change. */
    private static Node invariant(List<Loops.Carried> carried, Output value) {
        Node parameter = Sources.parameter(value.type(), value.shape());
        carried.add(new Loops.Carried(value, parameter, parameter.output(0)));
        return parameter;
    }

    /** The steps a Loop gave, then zeros up to the length of {@code full} (its first axis). */
    private static Output paddedTo(Output steps, Output full) {
        Output missing = Elementwise.binary("Subtract", Movement.gather(Movement.shapeOf(full, ElementType.I64),
                Constants.i64(0), 0), Movement.gather(Movement.shapeOf(steps, ElementType.I64), Constants.i64(0), 0));
        return Movement.padAxis0End(steps, missing, full.shape());
    }

    /**
     * Gate k [batch, units] of the gates [batch, n units] (GruBlock's too): a Slice-8, not a Split. OpenVINO's CPU
     * plugin fuses a Split of these gates into an LSTMCell, and then cannot compile it when the gates are read too
     * and the weights are f16-compressed ("LSTMCell ... expects Constant for port 3", 2024.6 and 2026.4).
     */
    static Output gate(Output gates, int k, long units) {
        long[] dims = gates.shape().dims();
        dims[1] = units;
        return Node.builder("Slice", "opset8").inputs(gates, Constants.i64(k * units), Constants.i64((k + 1) * units),
                Constants.i64(1), Constants.i64(1)).output(gates.type(), PartialShape.of(dims)).buildOutput();
    }

    private static Output sigmoid(Output x) {
        return Elementwise.unary("Sigmoid", "opset1", x);
    }
}
