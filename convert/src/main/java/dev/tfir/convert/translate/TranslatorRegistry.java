package dev.tfir.convert.translate;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Op translators by TensorFlow op type, each with the number of data inputs the op must have at least (checked
 * once, before the translator runs) and whether it takes complex tensors (held as their parts, see
 * {@link TfTensor#isComplex}; the others are refused one), and the op types convert handles without a translator:
 * before translation (function calls inlined and variables frozen when the model is read) or by leaving them out
 * (ops only on control edges). A plain map: which translators there are is the business of the list that fills it
 * ({@code translate.op.OpTable}).
 */
public final class TranslatorRegistry {
    /** A translator, the minimum number of data inputs of the op, and whether it takes complex tensors. */
    public record Entry(OpTranslator translator, int minInputs, boolean takesComplex) {}

    private final Map<String, Entry> entries = new TreeMap<>();
    private final Map<String, String> structural = new TreeMap<>();

    /** Registers {@code translator} for {@code opType}; one op type has one translator. */
    public TranslatorRegistry add(int minInputs, OpTranslator translator, String opType) {
        return put(opType, new Entry(translator, minInputs, false));
    }

    /** Registers a translator that also takes complex tensors (FFT ops, Real, Imag, pass-through ops...). */
    public TranslatorRegistry addTakingComplex(int minInputs, OpTranslator translator, String opType) {
        return put(opType, new Entry(translator, minInputs, true));
    }

    private TranslatorRegistry put(String opType, Entry entry) {
        if (structural.containsKey(opType) || entries.putIfAbsent(opType, entry) != null) {
            throw new IllegalStateException("two translators for " + opType);
        }
        return this;
    }

    /**
     * Registers op types handled without a translator; a node of them that is still there to translate cannot be
     * translated, and {@code unless} says why (e.g. what option is missing).
     */
    public TranslatorRegistry structural(String unless, String... opTypes) {
        for (String opType : opTypes) {
            if (entries.containsKey(opType) || structural.putIfAbsent(opType, unless) != null) {
                throw new IllegalStateException("two translators for " + opType);
            }
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

    /** The entry for an op type, or null when no translator translates it. */
    public Entry get(String opType) {
        return entries.get(opType);
    }

    /** True when a translator translates the op type (a structural one is none). */
    public boolean supports(String opType) {
        return entries.containsKey(opType);
    }

    /** Why a node of a structurally handled op type left for translation cannot be translated; null for others. */
    public String untranslatedBecause(String opType) {
        return structural.get(opType);
    }

    /** The op types convert handles, translated or structurally, sorted. */
    public SortedSet<String> opTypes() {
        TreeSet<String> types = new TreeSet<>(entries.keySet());
        types.addAll(structural.keySet());
        return types;
    }
}
