package dev.tfir.common.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;

/**
 * What tfir reads of a SavedModel's MetaGraph.
 *
 * @param tags       its tag set ({@code serve}, ...)
 * @param graph      its graph, with its function library
 * @param signatures its signatures by name
 * @param tf2        whether it has an object graph (a TF2 SavedModel), whose signatures are functions
 * @param boundInputs of a TF2 SavedModel, by concrete function name, the object-graph node ids of the values its
 *                    calls capture (its {@code bound_inputs}: the last inputs of a call, in order)
 */
record MetaGraph(List<String> tags, GraphDef graph, Map<String, Signature> signatures, boolean tf2,
                 Map<String, List<Integer>> boundInputs) {
    static MetaGraph of(MetaGraphDef meta) {
        Map<String, Signature> signatures = new HashMap<>();
        meta.getSignatureDefMap().forEach((name, signature) -> signatures.put(name, Signature.of(signature)));
        Map<String, List<Integer>> boundInputs = new HashMap<>();
        meta.getObjectGraphDef().getConcreteFunctionsMap().forEach((name, function) ->
                boundInputs.put(name, function.getBoundInputsList()));
        return new MetaGraph(meta.getMetaInfoDef().getTagsList(), meta.getGraphDef(), signatures,
                meta.hasObjectGraphDef() && meta.getObjectGraphDef().getNodesCount() > 0, boundInputs);
    }
}
