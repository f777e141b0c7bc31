package dev.tfir.convert.translate;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A function of the graph's library, as a control-flow translator uses it: called on IR values (one per
 * argument), it translates the function's body over them and gives one value per result.
 */
public final class TfFunction {
    private final String name;
    private final int arity;
    private final UnaryOperator<List<TfTensor>> body;

    TfFunction(String name, int arity, UnaryOperator<List<TfTensor>> body) {
        this.name = name;
        this.arity = arity;
        this.body = body;
    }

    public String name() {
        return name;
    }

    /** How many arguments it takes. */
    public int arity() {
        return arity;
    }

    /** The results of the function over {@code arguments}, one per argument (new IR nodes, translated each call). */
    public List<TfTensor> call(List<TfTensor> arguments) {
        return body.apply(arguments);
    }
}
