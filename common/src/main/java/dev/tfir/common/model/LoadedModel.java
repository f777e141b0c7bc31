package dev.tfir.common.model;

import dev.tfir.common.graph.TfGraph;

/**
 * A model read into memory.
 *
 * @param graph the graph as Model Optimizer's loader sees it (frozen when variables come with the model)
 * @param form  a short description of what was read, e.g. "binary GraphDef", "MetaGraph + checkpoint"
 */
public record LoadedModel(TfGraph graph, String form) {}
