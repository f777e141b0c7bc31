package dev.tfir.convert.translate;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Op translators by TensorFlow op type, each with the number of data inputs the op must have at least (checked
 * once, before the translator runs) and whether it takes complex tensors (held as their parts, see
 * {@link TfTensor#isComplex}; the others are refused one). A plain map: which translators there are is the business
 * of the list that fills it ({@code translate.op.OpTable}).
 */
public final class TranslatorRegistry {
    /** A translator, the minimum number of data inputs of the op, and whether it takes complex tensors. */
    public record Entry(OpTranslator translator, int minInputs, boolean takesComplex) {}

    private final Map<String, Entry> entries = new TreeMap<>();

    /** Registers {@code translator} for {@code opType}; one op type has one translator. */
    public TranslatorRegistry add(int minInputs, OpTranslator translator, String opType) {
        return put(opType, new Entry(translator, minInputs, false));
    }

    /** Registers a translator that also takes complex tensors (FFT ops, Real, Imag, pass-through ops...). */
    public TranslatorRegistry addTakingComplex(int minInputs, OpTranslator translator, String opType) {
        return put(opType, new Entry(translator, minInputs, true));
    }

    private TranslatorRegistry put(String opType, Entry entry) {
        if (entries.putIfAbsent(opType, entry) != null) {
            throw new IllegalStateException("two translators for " + opType);
        }
        return this;
    }

    /** The op types whose translators take complex tensors, sorted (for the message refusing one elsewhere). */
    public SortedSet<String> complexOpTypes() {
        SortedSet<String> types = new TreeSet<>();
        entries.forEach((type, entry) -> {
            if (entry.takesComplex()) {
                types.add(type);
            }
        });
        return types;
    }

    /** The entry for an op type, or null when the op is not supported. */
    public Entry get(String opType) {
        return entries.get(opType);
    }

    public boolean supports(String opType) {
        return entries.containsKey(opType);
    }

    /** The supported op types, sorted. */
    public SortedSet<String> opTypes() {
        return new TreeSet<>(entries.keySet());
    }
}
