package dev.tfir.common.infer;

import dev.tfir.common.types.PartialShape;
import java.util.List;
import org.tensorflow.proto.DataType;

/** Infers the dtypes and shapes of all outputs of a node of one op type, as TensorFlow's shape function does. */
@FunctionalInterface
interface ShapeRule {
    /**
     * @return one entry per output of the node
     * @throws CannotInfer (or any runtime exception) when the node is malformed; its outputs are then unknown
     */
    List<TensorType> infer(NodeContext node);

    /** The outputs of a single-output op. */
    static List<TensorType> one(DataType dtype, PartialShape shape) {
        return List.of(new TensorType(dtype, shape));
    }
}
