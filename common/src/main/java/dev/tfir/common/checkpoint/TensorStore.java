package dev.tfir.common.checkpoint;

import java.util.List;

/** The tensors of one checkpoint format, behind {@link Checkpoint}. */
interface TensorStore extends AutoCloseable {
    /** Every tensor, listed without reading data (slice records of partitioned tensors are not listed). */
    List<VariableInfo> variables();

    /** Reads the tensor with checkpoint key {@code name}, which {@link #variables()} lists. */
    Tensor read(String name);

    @Override
    void close();
}
