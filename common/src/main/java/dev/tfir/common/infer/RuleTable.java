package dev.tfir.common.infer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The shape rules by op type, from the op-family classes. Each family names its op types in a switch, so that a
 * rule's lambda is linked only when a graph has its op type: linking all of them up front took a fifth of a small
 * conversion's time after start-up. An op type is looked up once, in every family; two families with a rule for
 * it are a programming error.
 */
final class RuleTable {
    private static final List<Function<String, ShapeRule>> FAMILIES = List.of(SourceRules::forOp,
            VariableRules::forOp, ControlFlowRules::forOp, ElementwiseRules::forOp, ConvRules::forOp,
            Conv3dRules::forOp, DetectionRules::forOp, MatMulRules::forOp, BatchNormRules::forOp, ReduceRules::forOp,
            SegmentRules::forOp, ReshapeRules::forOp, JoinSplitRules::forOp, SliceRules::forOp,
            GeneratorRules::forOp, IndexRules::forOp, ScatterRules::forOp, ArrangeRules::forOp, MatrixRules::forOp,
            FourierRules::forOp, SparseRules::forOp, SummaryRules::forOp);
    /** Stands for "no rule" among the looked-up op types. */
    private static final ShapeRule NONE = c -> List.of();
    private static final Map<String, ShapeRule> FOUND = new HashMap<>();

    private RuleTable() {}

    /** The rule for this op type, or null when the op is not modelled. */
    static synchronized ShapeRule forOp(String op) {
        ShapeRule rule = FOUND.get(op);
        if (rule == null) {
            rule = find(op);
            FOUND.put(op, rule);
        }
        return rule == NONE ? null : rule;
    }

    private static ShapeRule find(String op) {
        ShapeRule found = NONE;
        for (Function<String, ShapeRule> family : FAMILIES) {
            ShapeRule rule = family.apply(op);
            if (rule != null && found != NONE) {
                throw new IllegalStateException("two shape rules for op " + op);
            }
            found = rule == null ? found : rule;
        }
        return found;
    }
}
