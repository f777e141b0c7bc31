package dev.tfir.common.model;

import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.graph.TfGraph;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.GraphDef;

/**
 * A model read into memory.
 *
 * @param graph         the graph as Model Optimizer's loader sees it: frozen to what the outputs need when variables
 *                      come with the model, the serving signature for a SavedModel
 * @param stored        the graph as the file stores it (with its function library), for statistics
 * @param form          a short description of what was read, e.g. "GraphDef", "MetaGraph", "SavedModel (TF2)"
 * @param signatureKeys for a SavedModel, the key its serving signature gives each of its input and output tensors
 *                      in {@code graph} (the names mo gives them); empty for other models
 * @param signature     for a SavedModel, the name of the signature {@code graph} is, else null
 * @param signatures    for a SavedModel, all its signatures in name order; empty for other models
 * @param boundInputs   for a TF2 SavedModel, by concrete function name, the object-graph node ids of the values a
 *                      call of the function in {@code stored} captures (its last inputs): how TensorFlow's loader
 *                      binds the variable handles a call is given to the checkpoint; empty for other models
 */
public record LoadedModel(TfGraph graph, GraphDef stored, String form, Map<TensorRef, String> signatureKeys,
                          String signature, List<SignatureInfo> signatures, Map<String, List<Integer>> boundInputs) {
    /** A model without a signature. */
    public LoadedModel(TfGraph graph, GraphDef stored, String form) {
        this(graph, stored, form, Map.of(), null, List.of(), Map.of());
    }
}
