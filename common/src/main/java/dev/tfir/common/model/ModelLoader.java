package dev.tfir.common.model;

import dev.tfir.common.TfirException;
import dev.tfir.common.detect.IoDetector;
import dev.tfir.common.graph.TfGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;

/**
 * Reads a TensorFlow model the way Model Optimizer's TF loader does ({@code load_tf_graph_def}): a frozen graph
 * as it is; an inference graph with a checkpoint, a MetaGraph, or a SavedModel frozen to what its detected
 * outputs need.
 */
public final class ModelLoader {
    private ModelLoader() {}

    public static LoadedModel load(ModelSource source) {
        return load(source, false);
    }

    /**
     * As {@link #load(ModelSource)}, but with the bodies of the functions the graph calls inlined (the same inputs
     * and outputs), in every form (a TF2 SavedModel's signature, a frozen graph's PartitionedCall of a Keras layer's
     * XLA function...), and TF1 while loops rewritten as functional Whiles ({@link Tf1Loops}), as conversion needs
     * it.
     */
    public static LoadedModel loadForConversion(ModelSource source) {
        return load(source, true);
    }

    private static LoadedModel load(ModelSource source, boolean withBodies) {
        int given = (source.inputModel() != null ? 1 : 0) + (source.inputMetaGraph() != null ? 1 : 0)
                + (source.savedModelDir() != null ? 1 : 0);
        if (given != 1) {
            throw new TfirException(given == 0
                    ? "no model given: pass --input_model FILE, --input_meta_graph FILE or --saved_model_dir DIR"
                    : "more than one model given: pass only one of --input_model, --input_meta_graph "
                            + "and --saved_model_dir");
        }
        if (source.savedModelDir() != null) {
            return SavedModels.load(source.savedModelDir(), source.savedModelTags(), source.signature(), withBodies);
        }
        Path meta = source.metaGraphFile();
        if (meta != null) {
            return loadMetaGraph(meta, source.inputModelIsText(), withBodies);
        }
        Path model = source.inputModel();
        GraphDef graphDef = readGraphDef(model, source.inputModelIsText());
        TfGraph graph = new TfGraph(withBodies ? convertible(graphDef, model.toString()) : graphDef,
                model.toString());
        if (source.inputCheckpoint() == null) {
            return new LoadedModel(graph, graphDef, "GraphDef");
        }
        requireCheckpoint(source.inputCheckpoint());
        return new LoadedModel(frozen(graph, model), graphDef, "GraphDef + checkpoint");
    }

    /** A stored TF1 graph as conversion reads it: TF1 while loops as functional Whiles, function calls inlined. */
    static GraphDef convertible(GraphDef graph, String where) {
        return FunctionInlining.inlineCalls(Tf1Loops.rewrite(graph, where), where);
    }

    /** A binary or text GraphDef file. */
    public static GraphDef readGraphDef(Path path, boolean text) {
        GraphDef graph = ProtoFiles.read(path, "GraphDef", text, GraphDef.getDefaultInstance());
        return GraphCheck.check(graph, path, "GraphDef");
    }

    /** A binary or text MetaGraphDef file. */
    public static MetaGraphDef readMetaGraph(Path path, boolean text) {
        MetaGraphDef meta = ProtoFiles.read(path, "MetaGraphDef", text, MetaGraphDef.getDefaultInstance());
        if (!meta.hasGraphDef()) {
            throw new TfirException(path + ": the MetaGraphDef holds no graph_def; expected a .meta file written "
                    + "by tf.train.Saver or export_meta_graph");
        }
        GraphCheck.check(meta.getGraphDef(), path, "MetaGraphDef's graph");
        return meta;
    }

    private static LoadedModel loadMetaGraph(Path path, boolean text, boolean withBodies) {
        MetaGraphDef meta = readMetaGraph(path, text);
        GraphDef graph = withBodies ? convertible(meta.getGraphDef(), path.toString()) : meta.getGraphDef();
        return new LoadedModel(frozen(new TfGraph(graph, path.toString()), path), meta.getGraphDef(), "MetaGraph");
    }

    /** Freezes a graph to what its detected outputs need, as the loader does before conversion. */
    static TfGraph frozen(TfGraph graph, Path origin) {
        GraphDef frozen = Freezing.freezeStructure(graph, IoDetector.summarize(graph).outputNames());
        return new TfGraph(frozen, origin.toString());
    }

    /** The checkpoint must exist as mo accepts it: a file, a V2 prefix, or a directory. */
    private static void requireCheckpoint(Path checkpoint) {
        boolean exists = Files.exists(checkpoint) || Files.exists(Path.of(checkpoint + ".index"));
        if (!exists) {
            throw new TfirException(checkpoint + ": no such checkpoint; --input_checkpoint expects a V1 checkpoint "
                    + "file, a V2 prefix (with PREFIX.index next to it) or a directory with a 'checkpoint' file");
        }
    }
}
