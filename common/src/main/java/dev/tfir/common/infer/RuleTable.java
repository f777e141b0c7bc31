package dev.tfir.common.infer;

import java.util.HashMap;
import java.util.Map;

/** The shape rules by op type, gathered from the op-family classes. */
final class RuleTable {
    private static final Map<String, ShapeRule> RULES = build();

    private final Map<String, ShapeRule> rules = new HashMap<>();

    private RuleTable() {}

    /** The rule for this op type, or null when the op is not modelled. */
    static ShapeRule forOp(String op) {
        return RULES.get(op);
    }

    /** Registers the rule for each of the op types. */
    void add(ShapeRule rule, String... ops) {
        for (String op : ops) {
            if (rules.putIfAbsent(op, rule) != null) {
                throw new IllegalStateException("two shape rules for op " + op);
            }
        }
    }

    private static Map<String, ShapeRule> build() {
        RuleTable table = new RuleTable();
        SourceRules.addTo(table);
        VariableRules.addTo(table);
        ControlFlowRules.addTo(table);
        ElementwiseRules.addTo(table);
        ConvRules.addTo(table);
        Conv3dRules.addTo(table);
        DetectionRules.addTo(table);
        MatMulRules.addTo(table);
        BatchNormRules.addTo(table);
        ReduceRules.addTo(table);
        SegmentRules.addTo(table);
        ReshapeRules.addTo(table);
        JoinSplitRules.addTo(table);
        SliceRules.addTo(table);
        GeneratorRules.addTo(table);
        IndexRules.addTo(table);
        ScatterRules.addTo(table);
        ArrangeRules.addTo(table);
        MatrixRules.addTo(table);
        FourierRules.addTo(table);
        SummaryRules.addTo(table);
        return Map.copyOf(table.rules);
    }
}
