package dev.tfir.common.infer;

/**
 * Thrown by a shape rule when a node's attrs are malformed or its inputs contradict each other (where TensorFlow's
 * shape function would fail); {@link ShapeInference} then reports the node's outputs as unknown.
 */
final class CannotInfer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CannotInfer(String message) {
        super(message, null, false, false);
    }
}
