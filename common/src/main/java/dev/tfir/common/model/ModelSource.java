package dev.tfir.common.model;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a TensorFlow model comes from, in Model Optimizer's terms. Exactly one of {@code inputModel},
 * {@code inputMetaGraph} and {@code savedModelDir} is set; the others are null.
 *
 * @param inputModel        a GraphDef file (binary or text), or a MetaGraph file when {@code inputIsMeta}
 * @param inputModelIsText  read {@code inputModel} as text protobuf even when it does not look like text
 * @param inputIsMeta       {@code inputModel} is a MetaGraphDef (summarize_graph.py's --input_meta)
 * @param inputMetaGraph    a MetaGraph file (.meta), or a checkpoint file next to it (mo's --input_meta_graph)
 * @param savedModelDir     a SavedModel directory
 * @param savedModelTags    the tag set of the MetaGraph to use in the SavedModel; empty means {@code serve}
 * @param inputCheckpoint   variables for an inference graph (a checkpoint file, prefix or directory), or null
 */
public record ModelSource(Path inputModel, boolean inputModelIsText, boolean inputIsMeta, Path inputMetaGraph,
                          Path savedModelDir, List<String> savedModelTags, Path inputCheckpoint) {

    public static ModelSource graphFile(Path inputModel) {
        return new ModelSource(inputModel, false, false, null, null, List.of(), null);
    }

    /** The path users named, for messages. */
    public Path mainPath() {
        return inputModel != null ? inputModel : inputMetaGraph != null ? inputMetaGraph : savedModelDir;
    }
}
