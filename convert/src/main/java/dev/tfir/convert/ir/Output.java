package dev.tfir.convert.ir;

import dev.tfir.common.types.PartialShape;

/** One output of an IR node: what an edge starts from, and what translators pass around. */
public record Output(Node node, int port) {

    public ElementType type() {
        return node.outputType(port);
    }

    public PartialShape shape() {
        return node.outputShape(port);
    }

    /** The rank; every IR value here has a static rank. */
    public int rank() {
        return shape().rank();
    }

    /** The value when this is a Const's output, else null. */
    public ConstTensor constant() {
        return node.value();
    }

    public boolean isConstant() {
        return node.value() != null;
    }

    @Override
    public String toString() {
        return node + ":" + port;
    }
}
