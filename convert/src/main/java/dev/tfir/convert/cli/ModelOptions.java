package dev.tfir.convert.cli;

import dev.tfir.common.model.ModelSource;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options that name a TensorFlow model, as Model Optimizer and summarize_graph.py spell them; a picocli mixin
 * shared by convert and summarize-graph.
 */
public final class ModelOptions {
    @Option(names = {"--input_model", "-m", "-w"}, paramLabel = "FILE",
            description = "TensorFlow graph: binary (.pb) or text (.pbtxt) GraphDef (told apart by content); "
                    + "a .meta file is read as MetaGraph.")
    private Path inputModel;

    @Option(names = "--input_model_is_text", paramLabel = "True|False", arity = "0..1", fallbackValue = "True",
            converter = OptionConverters.Bool.class, description = "Read --input_model as text protobuf.")
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
}
