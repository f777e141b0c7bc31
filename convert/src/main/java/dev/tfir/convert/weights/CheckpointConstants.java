package dev.tfir.convert.weights;

import dev.tfir.common.TfirException;
import dev.tfir.common.checkpoint.Checkpoint;
import dev.tfir.common.checkpoint.Tensor;
import dev.tfir.common.checkpoint.VariableInfo;
import dev.tfir.common.types.DTypes;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.translate.TfTypes;
import java.nio.file.Path;
import java.util.List;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.NodeDef;

/**
 * The values of variables (Consts without a value after the loader froze the graph's structure) from their
 * checkpoint, opened on first need; Consts holding a value keep it. A variable is found by its node name (a TF1
 * Saver's key), else by its {@code shared_name}, else as the one variable saved under that name in a TF2
 * object-graph checkpoint.
 */
public final class CheckpointConstants implements ConstantSource {
    private final Path path;
    private final GraphConstants graph = new GraphConstants();
    private Checkpoint checkpoint;

    public CheckpointConstants(Path path) {
        this.path = path;
    }

    @Override
    public ConstTensor valueOf(NodeDef node) {
        if (node.containsAttr("value")) {
            return graph.valueOf(node);
        }
        if (checkpoint == null) {
            checkpoint = Checkpoint.open(path);
        }
        Tensor tensor = checkpoint.read(key(node));
        ElementType type = TfTypes.elementType(tensor.dtype());
        if (type == null) {
            throw new TfirException(path + ": variable '" + node.getName() + "' is a "
                    + DTypes.pythonName(tensor.dtype()) + " tensor; OpenVINO IR has no such element type");
        }
        return ConstTensor.of(type, tensor.shape(), tensor.data());
    }

    private String key(NodeDef node) {
        AttrValue shared = node.getAttrMap().get("shared_name");
        String sharedName = shared == null ? "" : shared.getS().toStringUtf8();
        for (String name : List.of(node.getName(), sharedName)) {
            if (!name.isEmpty() && checkpoint.variable(name).isPresent()) {
                return name;
            }
        }
        List<VariableInfo> saved = checkpoint.variables().stream()
                .filter(v -> v.variableName().equals(node.getName()) || v.variableName().equals(sharedName)).toList();
        if (saved.size() != 1) {
            throw new TfirException(path + ": the checkpoint has " + (saved.isEmpty() ? "no variable '"
                    + node.getName() + "'" : saved.size() + " variables named '" + node.getName() + "'")
                    + "; is it the checkpoint of this graph?");
        }
        return saved.get(0).name();
    }

    @Override
    public void close() {
        if (checkpoint != null) {
            checkpoint.close();
        }
    }
}
