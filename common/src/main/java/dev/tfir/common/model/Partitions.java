package dev.tfir.common.model;

import dev.tfir.common.checkpoint.Checkpoint;
import dev.tfir.common.checkpoint.VariableInfo;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The block of a partitioned variable that a partition {@code var/part_N} holds, when the graph has no save
 * subgraph to say so: TensorFlow's partitioners split one axis into consecutive parts, {@code part_0} first, so
 * part N starts where parts 0..N-1 end along the axis on which the parts' shapes differ from the full shape.
 */
final class Partitions {
    private static final Pattern PART = Pattern.compile("^(.*)/part_(\\d+)$");

    private Partitions() {}

    static Optional<CheckpointBinding.Target> block(String name, Map<String, long[]> declaredShapes,
                                                    Checkpoint checkpoint) {
        Matcher m = PART.matcher(name);
        long[] shape = declaredShapes.get(name);
        if (!m.matches() || shape == null) {
            return Optional.empty();
        }
        Optional<VariableInfo> whole = checkpoint.variable(m.group(1));
        if (whole.isEmpty() || whole.get().shape().length != shape.length) {
            return Optional.empty();
        }
        long[] full = whole.get().shape();
        int axis = 0;
        while (axis < full.length && full[axis] == shape[axis]) {
            axis++;
        }
        if (axis == full.length) {
            return Optional.of(new CheckpointBinding.Target(m.group(1), new long[full.length], shape));
        }
        long[] start = new long[full.length];
        int part = Integer.parseInt(m.group(2));
        for (int i = 0; i < part; i++) {
            long[] previous = declaredShapes.get(m.group(1) + "/part_" + i);
            if (previous == null || previous.length != full.length) {
                return Optional.empty();
            }
            start[axis] += previous[axis];
        }
        long[] rest = full.clone();
        rest[axis] = shape[axis];
        return Arrays.equals(rest, shape) ? Optional.of(new CheckpointBinding.Target(m.group(1), start, shape))
                : Optional.empty();
    }
}
