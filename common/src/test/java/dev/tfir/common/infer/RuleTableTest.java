package dev.tfir.common.infer;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The rules by op type, looked up in the families' switches. */
class RuleTableTest {
    @Test
    void everyFamilyAnswersForItsOpTypesOnce() {
        String[] oneOfEachFamily = {"Placeholder", "ReadVariableOp", "Merge", "AddV2", "Conv2D", "Conv3D",
            "NonMaxSuppressionV5", "MatMul", "FusedBatchNormV3", "Mean", "UnsortedSegmentSum", "Reshape", "ConcatV2",
            "StridedSlice", "Fill", "TopKV2", "Where", "BroadcastTo", "MatrixDiagPart", "RFFT2D", "ScalarSummary"};
        for (String op : oneOfEachFamily) {
            ShapeRule rule = RuleTable.forOp(op);
            assertNotNull(rule, op);
            assertSame(rule, RuleTable.forOp(op), op);
        }
    }

    @Test
    void anOpTypeNoFamilyModelsHasNoRule() {
        assertNull(RuleTable.forOp("SomeCustomOp"));
        assertNull(RuleTable.forOp("SomeCustomOp"));
        assertNull(RuleTable.forOp(""));
    }
}
