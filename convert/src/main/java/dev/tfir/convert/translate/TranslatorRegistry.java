package dev.tfir.convert.translate;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Op translators by TensorFlow op type, each with the number of data inputs the op must have at least (checked
 * once, before the translator runs) and whether it takes complex tensors (held as their parts, see
 * {@link TfTensor#isComplex}; the others are refused one), and the op types convert handles without a translator:
 * before translation (function calls inlined and variables frozen when the model is read) or by leaving them out
 * (ops only on control edges). A plain lookup: which translators there are is the business of the table that gives
 * an op type's entry ({@code translate.op.OpTable}). An entry is asked of the table when first needed, so that a
 * conversion links the translators of its own op types only (linking the 276 method references of the whole table
 * cost a conversion 30 ms of start-up).
 */
public final class TranslatorRegistry {
    /**
     * What convert does with an op type: its translator, the minimum number of data inputs, whether it takes complex
     * tensors; or, for an op type handled without a translator, why a node of it left for translation cannot be
     * translated ({@code translator} null).
     */
    public record Entry(OpTranslator translator, int minInputs, boolean takesComplex, String untranslatedBecause) {
        /** An op type translated by {@code translator}. */
        public static Entry of(int minInputs, OpTranslator translator) {
            return new Entry(Objects.requireNonNull(translator), minInputs, false, null);
        }

        /** An op type whose translator also takes complex tensors (FFT ops, Real, Imag, pass-through ops...). */
        public static Entry takingComplex(int minInputs, OpTranslator translator) {
            return new Entry(Objects.requireNonNull(translator), minInputs, true, null);
        }

        /** An op type handled without a translator; {@code unless} says why a node of it cannot be translated. */
        public static Entry structural(String unless) {
            return new Entry(null, 0, false, Objects.requireNonNull(unless));
        }
    }

    private final Set<String> opTypes;
    private final Function<String, Entry> table;
    private final Map<String, Entry> asked = new ConcurrentHashMap<>();

    /**
     * The registry of the op types {@code opTypes}, whose entries {@code table} gives (never null for one of them).
     */
    public TranslatorRegistry(Collection<String> opTypes, Function<String, Entry> table) {
        this.opTypes = Set.copyOf(opTypes);
        this.table = table;
    }

    private Entry entry(String opType) {
        Entry entry = asked.get(opType);
        if (entry == null && opTypes.contains(opType)) {
            entry = asked.computeIfAbsent(opType, table);
        }
        return entry;
    }

    /** The op types whose translators take complex tensors, sorted (for the message refusing one elsewhere). */
    public SortedSet<String> complexOpTypes() {
        SortedSet<String> types = new TreeSet<>();
        for (String type : opTypes()) {
            if (entry(type).takesComplex()) {
                types.add(type);
            }
        }
        return types;
    }

    /** The entry for an op type, or null when no translator translates it. */
    public Entry get(String opType) {
        Entry entry = entry(opType);
        return entry == null || entry.translator() == null ? null : entry;
    }

    /** True when a translator translates the op type (a structural one is none). */
    public boolean supports(String opType) {
        return get(opType) != null;
    }

    /** Why a node of a structurally handled op type left for translation cannot be translated; null for others. */
    public String untranslatedBecause(String opType) {
        Entry entry = entry(opType);
        return entry == null ? null : entry.untranslatedBecause();
    }

    /** The op types convert handles, translated or structurally, sorted. */
    public SortedSet<String> opTypes() {
        return new TreeSet<>(opTypes);
    }
}
