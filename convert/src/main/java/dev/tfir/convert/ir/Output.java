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

    // equals and hashCode by hand, as TensorRef's: a record's generated ones are linked at their first call

    @Override
    public boolean equals(Object other) {
        return other instanceof Output output && port == output.port && node.equals(output.node);
    }

    @Override
    public int hashCode() {
        return node.hashCode() * 31 + port;
    }

    @Override
    public String toString() {
        return node + ":" + port;
    }
}
