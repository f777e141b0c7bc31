package dev.tfir.common.checkpoint;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.tfir.common.TfirException;
import dev.tfir.common.proto.Protos;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TrackableObjectGraphOuterClass.TrackableObjectGraph.TrackableObject.SerializedTensor;
import org.tensorflow.proto.TrackableObjectGraphOuterClass.TrackableObjectGraph;

/**
 * Maps the keys of a TF2 object-graph checkpoint ({@code tf.train.Checkpoint}, Keras, a SavedModel's
 * {@code variables/}) back to variables. Such a checkpoint stores each value under {@code <object
 * path>/.ATTRIBUTES/<attribute>} (for a variable, {@code VARIABLE_VALUE}) and a serialized TrackableObjectGraph
 * under {@code _CHECKPOINTABLE_OBJECT_GRAPH}, whose nodes list each attribute's {@code checkpoint_key} and
 * {@code full_name}: the variable's name when it was saved.
 */
final class ObjectGraphNames {
    static final String OBJECT_GRAPH_KEY = "_CHECKPOINTABLE_OBJECT_GRAPH";
    static final String ATTRIBUTES = "/.ATTRIBUTES/";
    /** The attribute a variable object saves its value as. */
    private static final String VARIABLE_VALUE = "VARIABLE_VALUE";

    private ObjectGraphNames() {}

    /** True when the store holds an object graph: a string scalar under {@link #OBJECT_GRAPH_KEY}. */
    static boolean present(List<VariableInfo> variables) {
        return variables.stream().anyMatch(v -> v.name().equals(OBJECT_GRAPH_KEY) && v.dtype() == DataType.DT_STRING
                && v.shape().length == 0);
    }

    /** The variables with their object paths: a key's part before {@link #ATTRIBUTES}. */
    static List<VariableInfo> withObjectPaths(List<VariableInfo> variables) {
        return variables.stream().map(v -> {
            int at = v.name().lastIndexOf(ATTRIBUTES);
            return at < 0 ? v : v.withObjectPath(v.name().substring(0, at));
        }).toList();
    }

    /**
     * What conversion reads of the object graph.
     *
     * @param fullNames the saved names ({@code full_name}) by checkpoint key
     * @param valueKeys by object-graph node id, the checkpoint key of the node's variable value (its {@code
     *                  VARIABLE_VALUE} attribute): the ids a TF2 SavedModel's object graph shares, which its functions'
     *                  captured variables name
     */
    record Index(Map<String, String> fullNames, Map<Integer, String> valueKeys) {
        static final Index NONE = new Index(Map.of(), Map.of());
    }

    /**
     * The object graph's index. Read on first need, not when the checkpoint is opened: a checkpoint whose variables
     * are bound by a save graph or by their keys (a TF1 graph's) needs none of it, and a Keras model's object graph
     * took a tenth of the time its conversion spent reading the checkpoint.
     */
    static Index read(TensorStore store, Path where) {
        byte[] serialized = store.read(OBJECT_GRAPH_KEY).strings().get(0);
        TrackableObjectGraph graph;
        try {
            graph = Protos.parse(TrackableObjectGraph.getDefaultInstance(), serialized);
        } catch (InvalidProtocolBufferException e) {
            throw new TfirException(where + ": the tensor " + OBJECT_GRAPH_KEY + " is not a TrackableObjectGraph ("
                    + e.getMessage() + "): the checkpoint is damaged");
        }
        Map<String, String> fullNames = new HashMap<>();
        Map<Integer, String> valueKeys = new HashMap<>();
        for (int id = 0; id < graph.getNodesCount(); id++) {
            for (SerializedTensor attribute : graph.getNodes(id).getAttributesList()) {
                if (!attribute.getFullName().isEmpty()) {
                    fullNames.put(attribute.getCheckpointKey(), attribute.getFullName());
                }
                if (attribute.getName().equals(VARIABLE_VALUE)) {
                    valueKeys.put(id, attribute.getCheckpointKey());
                }
            }
        }
        return new Index(fullNames, valueKeys);
    }
}
