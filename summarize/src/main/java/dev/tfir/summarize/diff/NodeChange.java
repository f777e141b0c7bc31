package dev.tfir.summarize.diff;

import java.util.List;

/**
 * How a node both graphs have differs.
 *
 * @param name     the node's name
 * @param opA      its op type in A
 * @param opB      its op type in B (equal to opA when the op did not change)
 * @param inputsA  its inputs in A, or null when they are the same in B
 * @param inputsB  its inputs in B, or null when they are the same as in A
 * @param attrs    the attributes that differ, by name
 * @param constant how the two values differ when both nodes hold a tensor under {@code value}, else null
 */
public record NodeChange(String name, String opA, String opB, List<String> inputsA, List<String> inputsB,
                         List<AttrChange> attrs, ConstantChange constant) {

    /** An attribute only in A (b null), only in B (a null) or in both with other values; values as people read them. */
    public record AttrChange(String name, String a, String b) {}
}
