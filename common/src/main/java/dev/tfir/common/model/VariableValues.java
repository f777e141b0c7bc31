package dev.tfir.common.model;

import dev.tfir.common.AtomicFiles;
import dev.tfir.common.checkpoint.Checkpoint;
import dev.tfir.common.checkpoint.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * The values of a loaded model's variables, from the checkpoint its source names ({@link
 * ModelSource#checkpointPath()}), opened on first need and read one tensor at a time. Nothing is opened for a
 * model whose graph needs no variable values.
 */
public final class VariableValues implements AutoCloseable {
    private final Path path;
    private final GraphDef stored;
    private final Map<String, List<Integer>> boundInputs;
    private CheckpointBinding binding;

    public VariableValues(ModelSource source, LoadedModel loaded) {
        this.path = source.checkpointPath();
        this.stored = loaded.stored();
        this.boundInputs = loaded.boundInputs();
    }

    /** True when the source names a checkpoint. */
    public boolean hasCheckpoint() {
        return path != null;
    }

    /** The binding of the graph's variables to the checkpoint, or null when there is no checkpoint. */
    public CheckpointBinding binding() {
        if (binding == null && path != null) {
            binding = CheckpointBinding.of(Checkpoint.open(path), stored, boundInputs);
        }
        return binding;
    }

    /** The value of variable {@code node}; a {@code TfirException} when there is none. */
    public Tensor read(NodeDef node) {
        return FrozenGraphs.constantValue(node, binding());
    }

    /**
     * Writes {@code structure} (a frozen structure) as a frozen binary GraphDef, atomically, variables with their
     * values; returns how many variables were given values.
     */
    public int writeFrozen(GraphDef structure, Path file) {
        int variables = (int) structure.getNodeList().stream().filter(FrozenGraphs::isVariable).count();
        CheckpointBinding values = variables > 0 ? binding() : null;
        AtomicFiles.write(Map.of(file, AtomicFiles.stream(out -> FrozenGraphs.write(structure, values, out))));
        return variables;
    }

    @Override
    public void close() {
        if (binding != null) {
            binding.checkpoint().close();
        }
    }
}
