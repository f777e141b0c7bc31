package dev.tfir.cli;

import dev.tfir.common.model.ModelSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options that name a TensorFlow model, as Model Optimizer and summarize_graph.py spell them; a picocli mixin
 * shared by convert and summarize-graph. Both ways between options and {@link ModelSource} are here: {@link #source}
 * reads them, {@link #of(ModelSource)} writes them.
 */
public final class ModelOptions {
    @Option(names = {"--input_model", "-m", "-w"}, paramLabel = "FILE",
            description = "TensorFlow graph: binary (.pb) or text (.pbtxt) GraphDef (told apart by content); "
                    + "a .meta file is read as MetaGraph.")
    private Path inputModel;

    @Option(names = "--input_model_is_text", paramLabel = "True|False", arity = "0..1", fallbackValue = "True",
            converter = TrueFalse.class, description = "Read --input_model as text protobuf.")
    private boolean inputModelIsText;

    @Option(names = "--input_meta", description = "--input_model is a MetaGraph (.meta), as summarize_graph.py says.")
    private boolean inputMeta;

    @Option(names = "--input_meta_graph", paramLabel = "FILE",
            description = "MetaGraph file (.meta), or a checkpoint file next to it.")
    private Path inputMetaGraph;

    @Option(names = "--input_checkpoint", paramLabel = "PATH",
            description = "Variables of an inference graph: V1 checkpoint file, V2 prefix, or a directory with a "
                    + "'checkpoint' file.")
    private Path inputCheckpoint;

    @Option(names = "--saved_model_dir", paramLabel = "DIR", description = "SavedModel directory.")
    private Path savedModelDir;

    @Option(names = "--saved_model_tags", paramLabel = "TAGS", split = ",",
            description = "Tag set of the SavedModel's MetaGraph, comma-separated (default: serve).")
    private List<String> savedModelTags = List.of();

    @Option(names = "--signature", paramLabel = "NAME",
            description = "The SavedModel signature to use (default: serving_default, or the only one there is).")
    private String signature;

    /** The checkpoint named by --input_checkpoint, or null. */
    public Path checkpoint() {
        return inputCheckpoint;
    }

    /** The model named on the command line; a usage error when none is. */
    public ModelSource source(CommandSpec spec) {
        if (inputModel == null && inputMetaGraph == null && savedModelDir == null) {
            throw new ParameterException(spec.commandLine(),
                    "no model given: pass --input_model FILE, --input_meta_graph FILE or --saved_model_dir DIR");
        }
        if (signature != null && savedModelDir == null) {
            throw new ParameterException(spec.commandLine(), "--signature goes with --saved_model_dir DIR");
        }
        return new ModelSource(inputModel, inputModelIsText, inputMeta, inputMetaGraph, savedModelDir, savedModelTags,
                inputCheckpoint, signature);
    }

    /**
     * The options that name the model as {@code source} says it, as convert takes them, each with its value: a
     * {@code Path}, the text of the tags, or {@code Boolean.TRUE} for a flag. A MetaGraph is named by
     * {@code --input_meta_graph} (mo's option; {@code --input_meta} is summarize_graph.py's).
     */
    public static Map<String, Object> of(ModelSource source) {
        Map<String, Object> options = new LinkedHashMap<>();
        if (source.savedModelDir() != null) {
            options.put("--saved_model_dir", source.savedModelDir());
            if (!source.savedModelTags().isEmpty()) {
                options.put("--saved_model_tags", String.join(",", source.savedModelTags()));
            }
        } else if (source.inputMetaGraph() != null || source.inputIsMeta()) {
            options.put("--input_meta_graph", source.mainPath());
        } else {
            options.put("--input_model", source.inputModel());
            if (source.inputModelIsText()) {
                options.put("--input_model_is_text", Boolean.TRUE);
            }
        }
        if (source.inputCheckpoint() != null) {
            options.put("--input_checkpoint", source.inputCheckpoint());
        }
        return options;
    }

    /** {@link #of(ModelSource)} as command-line words: {@code --input_model m.pb --input_model_is_text}. */
    public static List<String> arguments(ModelSource source) {
        List<String> words = new ArrayList<>();
        of(source).forEach((name, value) -> {
            words.add(name);
            if (!(value instanceof Boolean)) {
                words.add(String.valueOf(value));
            }
        });
        return words;
    }
}
