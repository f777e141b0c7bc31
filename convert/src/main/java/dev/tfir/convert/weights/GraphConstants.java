package dev.tfir.convert.weights;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.NodeDef;

/** The values Const nodes hold in their {@code value} attribute (a frozen graph). */
public final class GraphConstants implements ConstantSource {
    @Override
    public ConstTensor valueOf(NodeDef node) {
        AttrValue value = node.getAttrMap().get("value");
        if (value == null || !value.hasTensor()) {
            throw new ConversionException("Const '" + node.getName() + "' holds no value: it is a variable of a "
                    + "graph that is not frozen; give its checkpoint with --input_checkpoint");
        }
        return TensorProtos.decode(value.getTensor());
    }
}
