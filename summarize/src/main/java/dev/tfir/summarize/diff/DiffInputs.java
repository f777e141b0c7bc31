package dev.tfir.summarize.diff;

import dev.tfir.common.model.LoadedModel;
import dev.tfir.common.model.ModelLoader;
import dev.tfir.common.model.ModelSource;
import dev.tfir.summarize.ir.IrGraphs;
import dev.tfir.summarize.ir.IrReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The other model of a diff, from one path in any form the reader takes: a SavedModel directory, an OpenVINO IR
 * ({@code .xml}), a MetaGraph ({@code .meta}), or a binary or text GraphDef.
 */
public final class DiffInputs {
    private DiffInputs() {}

    /** The model the command line names: an OpenVINO IR, or what the model reader takes. */
    public static LoadedModel load(ModelSource source) {
        if (source.inputModel() != null && IrReader.looksLikeIr(source.inputModel())) {
            return IrGraphs.loaded(IrReader.read(source.inputModel()));
        }
        return ModelLoader.load(source);
    }

    /** The model at one path. */
    public static LoadedModel load(Path path) {
        if (Files.isDirectory(path)) {
            return ModelLoader.load(new ModelSource(null, false, false, null, path, List.of(), null));
        }
        return load(ModelSource.graphFile(path));
    }
}
