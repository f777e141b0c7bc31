package dev.tfir.convert.weights;

import dev.tfir.common.TfirException;
import dev.tfir.common.checkpoint.Tensor;
import dev.tfir.common.model.VariableValues;
import dev.tfir.common.types.DTypes;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.TfTypes;
import org.tensorflow.proto.NodeDef;

/**
 * The values of variables (Consts without a value after the loader froze the graph's structure) from their
 * checkpoint, read one tensor at a time (common's {@link VariableValues} finds each variable's tensor); Consts
 * holding a value keep it.
 */
public final class CheckpointConstants implements ConstantSource {
    private final VariableValues variables;
    private final GraphConstants graph = new GraphConstants();

    public CheckpointConstants(VariableValues variables) {
        this.variables = variables;
    }

    @Override
    public ConstTensor valueOf(NodeDef node) {
        if (node.containsAttr("value")) {
            return graph.valueOf(node);
        }
        Tensor tensor = variables.read(node);
        ElementType type = TfTypes.elementType(tensor.dtype());
        if (type == null) {
            throw new TfirException("variable '" + node.getName() + "' is a " + DTypes.pythonName(tensor.dtype())
                    + " tensor; OpenVINO IR has no such element type");
        }
        return ConstTensor.of(type, tensor.shape(), tensor.parts());
    }

    @Override
    public void close() {
        variables.close();
    }
}
