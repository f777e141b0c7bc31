package dev.tfir.common.model;

import java.util.Map;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/**
 * What tfir reads of a SavedModel signature: its inputs and outputs by key. Conversion reads it from the wire
 * ({@link ConvertibleMetaGraphs}), so that protobuf never builds the descriptors of {@code meta_graph.proto} and the
 * files it imports, which a SignatureDef's map fields need.
 */
record Signature(Map<String, TensorInfo> inputs, Map<String, TensorInfo> outputs) {
    Signature {
        inputs = Map.copyOf(inputs);
        outputs = Map.copyOf(outputs);
    }

    static Signature of(SignatureDef signature) {
        return new Signature(signature.getInputsMap(), signature.getOutputsMap());
    }
}
