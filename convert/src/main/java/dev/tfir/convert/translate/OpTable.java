package dev.tfir.convert.translate;

import dev.tfir.convert.translate.op.ArrayTranslators;
import dev.tfir.convert.translate.op.BatchNormTranslator;
import dev.tfir.convert.translate.op.BinaryTranslators;
import dev.tfir.convert.translate.op.ConvTranslators;
import dev.tfir.convert.translate.op.IdentityTranslators;
import dev.tfir.convert.translate.op.MatMulTranslator;
import dev.tfir.convert.translate.op.PoolTranslators;
import dev.tfir.convert.translate.op.ReduceTranslators;
import dev.tfir.convert.translate.op.ShapeTranslators;
import dev.tfir.convert.translate.op.SourceTranslators;
import dev.tfir.convert.translate.op.SpaceBatchTranslators;
import dev.tfir.convert.translate.op.SplitTranslators;
import dev.tfir.convert.translate.op.UnaryTranslators;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The op translators by TensorFlow op type (OpenVINO's TF frontend {@code op_table.cpp} is the model): one
 * translator per op or op family, aliases pointing at the same translator, each with the number of data inputs
 * the op must have at least (checked once, before the translator runs).
 */
public final class OpTable {
    /** A translator and the minimum number of data inputs of the ops it translates. */
    public record Entry(OpTranslator translator, int minInputs) {}

    private final Map<String, Entry> entries = new TreeMap<>();

    private OpTable() {}

    /** Every translator tfir has. */
    public static OpTable standard() {
        OpTable table = new OpTable();
        SourceTranslators.register(table);
        IdentityTranslators.register(table);
        UnaryTranslators.register(table);
        BinaryTranslators.register(table);
        ConvTranslators.register(table);
        PoolTranslators.register(table);
        BatchNormTranslator.register(table);
        ReduceTranslators.register(table);
        MatMulTranslator.register(table);
        ShapeTranslators.register(table);
        ArrayTranslators.register(table);
        SplitTranslators.register(table);
        SpaceBatchTranslators.register(table);
        return table;
    }

    /** Registers {@code translator} for each of the op types. */
    public void add(int minInputs, OpTranslator translator, String... opTypes) {
        for (String opType : opTypes) {
            if (entries.putIfAbsent(opType, new Entry(translator, minInputs)) != null) {
                throw new IllegalStateException("two translators for " + opType);
            }
        }
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
