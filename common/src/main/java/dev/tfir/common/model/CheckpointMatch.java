package dev.tfir.common.model;

import dev.tfir.common.checkpoint.Checkpoint;
import dev.tfir.common.checkpoint.VariableInfo;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.types.DTypes;
import dev.tfir.common.types.PartialShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;

/**
 * How a graph's variables and a checkpoint fit together, from the checkpoint's index alone (no values read): the
 * variables the graph uses and their size, each variable the checkpoint lacks or holds with another dtype or
 * shape, and how many checkpoint tensors the graph does not use.
 *
 * @param variables  the graph's variables (variable ops, or Consts without a value after freezing)
 * @param parameters elements of the variables found in the checkpoint
 * @param bytes      bytes of those values (string tensors count the bytes the checkpoint stores)
 * @param unused     checkpoint tensors no variable of the graph reads
 * @param mismatches one sentence per problem, in graph order
 */
public record CheckpointMatch(int variables, long parameters, long bytes, int unused, List<String> mismatches) {

    public static CheckpointMatch of(TfGraph graph, CheckpointBinding binding) {
        Checkpoint checkpoint = binding.checkpoint();
        int variables = 0;
        long parameters = 0;
        long bytes = 0;
        Set<String> used = new HashSet<>();
        List<String> mismatches = new ArrayList<>();
        for (NodeDef node : graph.nodes()) {
            if (!FrozenGraphs.isVariable(node)) {
                continue;
            }
            variables++;
            CheckpointBinding.Target target = binding.find(node).orElse(null);
            if (target == null) {
                mismatches.add("variable '" + node.getName() + "' is not in the checkpoint");
                continue;
            }
            used.add(target.key());
            VariableInfo info = checkpoint.variable(target.key()).orElseThrow();
            long[] shape = target.isSlice() ? target.shape() : info.shape();
            long elements = Arrays.stream(shape).reduce(1, Math::multiplyExact);
            parameters += elements;
            bytes += target.isSlice() || info.byteSize() < 0 ? elements * DTypes.byteSize(info.dtype())
                    : info.byteSize();
            String where = target.key().equals(node.getName()) ? "" : " (checkpoint tensor '" + target.key() + "')";
            DataType declared = DTypes.baseType(node.getAttrOrDefault("dtype", AttrValue.getDefaultInstance())
                    .getType());
            if (declared != DataType.DT_INVALID && declared != info.dtype()) {
                mismatches.add("variable '" + node.getName() + "' is " + DTypes.pythonName(declared)
                        + " in the graph but " + DTypes.pythonName(info.dtype()) + " in the checkpoint" + where);
            }
            long[] declaredShape = binding.declaredShape(node.getName());
            if (declaredShape != null && !compatible(declaredShape, shape)) {
                mismatches.add("variable '" + node.getName() + "' has shape " + PartialShape.of(declaredShape)
                        + " in the graph but " + PartialShape.of(shape) + " in the checkpoint" + where);
            }
        }
        int unused = (int) checkpoint.variables().stream().filter(v -> !used.contains(v.name())).count();
        return new CheckpointMatch(variables, parameters, bytes, unused, List.copyOf(mismatches));
    }

    /** Equal rank, and equal dims where the graph knows them (-1 is unknown). */
    private static boolean compatible(long[] declared, long[] stored) {
        if (declared.length != stored.length) {
            return false;
        }
        for (int d = 0; d < declared.length; d++) {
            if (declared[d] >= 0 && declared[d] != stored[d]) {
                return false;
            }
        }
        return true;
    }
}
