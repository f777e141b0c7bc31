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
import org.tensorflow.proto.TrackableObjectGraphOuterClass.TrackableObjectGraph.TrackableObject;
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
     * The saved names ({@code full_name}) by checkpoint key, from the object graph. Read on first need, not when
     * the checkpoint is opened: conversion binds most SavedModels' variables by their save graph without them, and
     * a Keras model's object graph took a tenth of the time its conversion spent reading the checkpoint.
     */
    static Map<String, String> fullNames(TensorStore store, Path where) {
        byte[] serialized = store.read(OBJECT_GRAPH_KEY).strings().get(0);
        TrackableObjectGraph graph;
        try {
            graph = Protos.parse(TrackableObjectGraph.getDefaultInstance(), serialized);
        } catch (InvalidProtocolBufferException e) {
            throw new TfirException(where + ": the tensor " + OBJECT_GRAPH_KEY + " is not a TrackableObjectGraph ("
                    + e.getMessage() + "): the checkpoint is damaged");
        }
        Map<String, String> fullNames = new HashMap<>();
        for (TrackableObject node : graph.getNodesList()) {
            for (SerializedTensor attribute : node.getAttributesList()) {
                if (!attribute.getFullName().isEmpty()) {
                    fullNames.put(attribute.getCheckpointKey(), attribute.getFullName());
                }
            }
        }
        return fullNames;
    }
}
