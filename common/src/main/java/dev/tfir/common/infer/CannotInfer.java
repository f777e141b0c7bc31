package dev.tfir.common.infer;

import dev.tfir.common.TfirException;

/**
 * Thrown by a shape rule when a node's attrs are malformed or its inputs contradict each other, where TensorFlow
 * rejects the node (its shape function or kernel fails); {@link ShapeInference} then reports the node's outputs as
 * unknown and the message as the node's rejection. The message is one line for users: what is wrong and what
 * TensorFlow requires, e.g. {@code num_split 0; TensorFlow requires num_split >= 1} (the node is named by whoever
 * reports it). The shape maths of {@link Shapes} that convert's IR builders share throw it too: there it is an
 * error about the node being translated.
 */
public final class CannotInfer extends TfirException {
    private static final long serialVersionUID = 1L;

    public CannotInfer(String message) {
        super(message, false);
    }
}
