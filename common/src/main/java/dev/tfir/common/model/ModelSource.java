package dev.tfir.common.model;

import dev.tfir.common.TfirException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * @param signature         the SavedModel signature to use; null: {@code serving_default}, or the only one there is
 */
public record ModelSource(Path inputModel, boolean inputModelIsText, boolean inputIsMeta, Path inputMetaGraph,
                          Path savedModelDir, List<String> savedModelTags, Path inputCheckpoint, String signature) {
    /** A source without a chosen signature. */
    public ModelSource(Path inputModel, boolean inputModelIsText, boolean inputIsMeta, Path inputMetaGraph,
                       Path savedModelDir, List<String> savedModelTags, Path inputCheckpoint) {
        this(inputModel, inputModelIsText, inputIsMeta, inputMetaGraph, savedModelDir, savedModelTags,
                inputCheckpoint, null);
    }

    /** A file of a checkpoint saved with its MetaGraph: {@code PREFIX.meta}, {@code .index} or a data file. */
    private static final Pattern CHECKPOINT_FILE = Pattern.compile("^(.*)\\.(data-\\d*-of-\\d*|index|meta)$");

    public ModelSource {
        savedModelTags = List.copyOf(savedModelTags);
    }

    /** A GraphDef file, binary or text ({@code --input_model}); a {@code .meta} file is read as MetaGraph. */
    public static ModelSource graphFile(Path inputModel) {
        return new ModelSource(inputModel, false, false, null, null, List.of(), null);
    }

    /** A MetaGraph file, or a checkpoint's file next to it ({@code --input_meta_graph}). */
    public static ModelSource metaGraph(Path inputMetaGraph) {
        return new ModelSource(null, false, false, inputMetaGraph, null, List.of(), null);
    }

    /** A SavedModel directory ({@code --saved_model_dir}), its {@code serve} MetaGraph. */
    public static ModelSource savedModel(Path savedModelDir) {
        return new ModelSource(null, false, false, null, savedModelDir, List.of(), null);
    }

    /** This source with the variables' checkpoint ({@code --input_checkpoint}). */
    public ModelSource withCheckpoint(Path checkpoint) {
        return new ModelSource(inputModel, inputModelIsText, inputIsMeta, inputMetaGraph, savedModelDir,
                savedModelTags, checkpoint);
    }

    /** This SavedModel with the MetaGraph of another tag set ({@code --saved_model_tags}). */
    public ModelSource withTags(List<String> tags) {
        return new ModelSource(inputModel, inputModelIsText, inputIsMeta, inputMetaGraph, savedModelDir, tags,
                inputCheckpoint);
    }

    /** This graph file read as text protobuf whatever it looks like ({@code --input_model_is_text}). */
    public ModelSource readAsText() {
        return new ModelSource(inputModel, true, inputIsMeta, inputMetaGraph, savedModelDir, savedModelTags,
                inputCheckpoint);
    }

    /** This graph file read as MetaGraph whatever its name (summarize_graph.py's {@code --input_meta}). */
    public ModelSource readAsMetaGraph() {
        return new ModelSource(inputModel, inputModelIsText, true, inputMetaGraph, savedModelDir, savedModelTags,
                inputCheckpoint);
    }

    /** The path users named, for messages. */
    public Path mainPath() {
        return inputModel != null ? inputModel : inputMetaGraph != null ? inputMetaGraph : savedModelDir;
    }

    /**
     * The MetaGraph file to read, or null when the model is not a MetaGraph: {@code --input_model} read as one
     * (by {@code --input_meta} or its {@code .meta} name), or the {@code .meta} that {@code --input_meta_graph}
     * names or sits beside (mo accepts a checkpoint's {@code .index}/{@code .data} file there).
     *
     * @throws TfirException when {@code --input_meta_graph} names no MetaGraph
     */
    public Path metaGraphFile() {
        if (inputModel != null) {
            return inputIsMeta || inputModel.getFileName().toString().endsWith(".meta") ? inputModel : null;
        }
        if (inputMetaGraph == null) {
            return null;
        }
        Matcher m = CHECKPOINT_FILE.matcher(inputMetaGraph.toString());
        if (!m.matches()) {
            throw new TfirException(inputMetaGraph + ": --input_meta_graph expects a MetaGraph file ending in .meta "
                    + "(or a checkpoint's .index/.data file next to it)");
        }
        Path meta = Path.of(m.group(1) + ".meta");
        if (!Files.isRegularFile(meta)) {
            throw new TfirException(inputMetaGraph + ": the MetaGraph " + meta + " that goes with it does not exist");
        }
        return meta;
    }

    /**
     * Where the model's variables are, for {@code Checkpoint.open}: {@code --input_checkpoint} when given; else a
     * SavedModel's directory (its {@code variables/variables}); else the checkpoint prefix beside a MetaGraph
     * ({@code model.ckpt} for {@code model.ckpt.meta}); null for a GraphDef without a checkpoint.
     */
    public Path checkpointPath() {
        if (inputCheckpoint != null) {
            return inputCheckpoint;
        }
        if (savedModelDir != null) {
            return savedModelDir;
        }
        Path meta = metaGraphFile();
        if (meta == null) {
            return null;
        }
        Matcher m = CHECKPOINT_FILE.matcher(meta.toString());
        return m.matches() ? Path.of(m.group(1)) : meta;
    }
}
