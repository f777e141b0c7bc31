package dev.tfir.convert.translate;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Op translators by TensorFlow op type, each with the number of data inputs the op must have at least (checked
 * once, before the translator runs). A plain map: which translators there are is the business of the list that
 * fills it ({@code translate.op.OpTable}).
 */
public final class TranslatorRegistry {
    /** A translator and the minimum number of data inputs of the op. */
    public record Entry(OpTranslator translator, int minInputs) {}

    private final Map<String, Entry> entries = new TreeMap<>();

    /** Registers {@code translator} for {@code opType}; one op type has one translator. */
    public TranslatorRegistry add(int minInputs, OpTranslator translator, String opType) {
        if (entries.putIfAbsent(opType, new Entry(translator, minInputs)) != null) {
            throw new IllegalStateException("two translators for " + opType);
        }
        return this;
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
