package dev.tfir.common.infer;

/**
 * Thrown by a shape rule when a node's attrs are malformed or its inputs contradict each other, where TensorFlow
 * rejects the node (its shape function or kernel fails); {@link ShapeInference} then reports the node's outputs as
 * unknown and the message as the node's rejection. The message is one line for users: what is wrong and what
 * TensorFlow requires, e.g. {@code num_split 0; TensorFlow requires num_split >= 1} (the node is named by whoever
 * reports it).
 */
final class CannotInfer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CannotInfer(String message) {
        super(message, null, false, false);
    }
}
