package dev.tfir.convert.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * A transposition reduced to its essentials: input axes of size 1 dropped (they move no element), and runs of
 * input axes that stay together and in order in the output merged into one axis.
 */
record AxisGroups(long[] shape, int[] perm) {
    static AxisGroups of(long[] shape, int[] perm) {
        List<Integer> kept = new ArrayList<>();
        for (int axis : perm) {
            if (shape[axis] != 1) {
                kept.add(axis);
            }
        }
        List<List<Integer>> groups = new ArrayList<>();
        for (int axis : kept) {
            List<Integer> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && follows(shape, last.get(last.size() - 1), axis)) {
                last.add(axis);
            } else {
                groups.add(new ArrayList<>(List.of(axis)));
            }
        }
        List<List<Integer>> inInputOrder = new ArrayList<>(groups);
        inInputOrder.sort((x, y) -> Integer.compare(x.get(0), y.get(0)));
        long[] merged = new long[groups.size()];
        int[] order = new int[groups.size()];
        for (int g = 0; g < inInputOrder.size(); g++) {
            merged[g] = inInputOrder.get(g).stream().mapToLong(axis -> shape[axis]).reduce(1, Math::multiplyExact);
        }
        for (int p = 0; p < groups.size(); p++) {
            order[p] = inInputOrder.indexOf(groups.get(p));
        }
        return new AxisGroups(merged, order);
    }

    /** Whether input axis {@code next} comes right after {@code axis} in the input, past axes of size 1. */
    private static boolean follows(long[] shape, int axis, int next) {
        if (next <= axis) {
            return false;
        }
        for (int d = axis + 1; d < next; d++) {
            if (shape[d] != 1) {
                return false;
            }
        }
        return true;
    }
}
