package dev.tfir.common.model;

import dev.tfir.common.types.PartialShape;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorInfo;

/**
 * A SavedModel signature as {@code saved_model_cli show} lists it: its name and its inputs and outputs, by key.
 *
 * @param name    the signature's key in the MetaGraph, e.g. "serving_default"
 * @param inputs  the inputs in key order
 * @param outputs the outputs in key order
 */
public record SignatureInfo(String name, List<Tensor> inputs, List<Tensor> outputs) {
    /** One input or output: its key, the graph tensor it names (TF1), dtype and shape. */
    public record Tensor(String key, String tensorName, DataType dtype, PartialShape shape) {}

    static SignatureInfo of(String name, Signature signature) {
        return new SignatureInfo(name, tensors(signature.inputs()), tensors(signature.outputs()));
    }

    private static List<Tensor> tensors(Map<String, TensorInfo> byKey) {
        return new TreeMap<>(byKey).entrySet().stream().map(e -> new Tensor(e.getKey(), e.getValue().getName(),
                e.getValue().getDtype(), PartialShape.fromProto(e.getValue().getTensorShape()))).toList();
    }
}
