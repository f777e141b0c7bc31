package dev.tfir.convert.weights;

import dev.tfir.convert.ir.ConstTensor;
import org.tensorflow.proto.NodeDef;

/**
 * Where the values of a graph's constants come from. In a frozen graph every Const holds its value; for an
 * inference graph with a checkpoint, a MetaGraph or a SavedModel, the loader has turned variables into Consts
 * without values, whose values are then read from the variables' checkpoint.
 */
public interface ConstantSource extends AutoCloseable {
    /** The value of the Const node {@code node}; a {@code TfirException} when it has none. */
    ConstTensor valueOf(NodeDef node);

    /** Releases the files read; nothing by default. */
    @Override
    default void close() {}
}
