package dev.tfir.convert.translate;

import java.util.List;

/**
 * Translates one TensorFlow node to OpenVINO ops: takes the node's inputs and attributes from the context and
 * returns one tensor per output of the node (null for outputs it does not produce, such as a batch norm's
 * statistics).
 */
@FunctionalInterface
public interface OpTranslator {
    List<TfTensor> translate(NodeContext node);
}
