package dev.tfir.common.model;

import dev.tfir.common.TfirException;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.proto.Protos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.SavedModel;

/** Reads SavedModel directories: {@code saved_model.pb} (or {@code .pbtxt}) and the MetaGraph for a tag set. */
final class SavedModels {
    private static final String SERVE = "serve";
    private static final String SERVING_SIGNATURE = "serving_default";
    /** Not a signature users call: the SavedModel's initializer, listed among the signatures by TF2. */
    private static final String INIT_OP_SIGNATURE = "__saved_model_init_op";

    private SavedModels() {}

    /**
     * A signature of the SavedModel ({@code name}; null: {@code serving_default}, or the only one it has): for a TF2
     * SavedModel its interface only (what detection needs), or with {@code withBodies} its function bodies inlined
     * (what conversion needs, also of a TF1 signature's calls).
     */
    static LoadedModel load(Path dir, List<String> tags, String name, boolean withBodies) {
        MetaGraph meta = metaGraph(dir, tags, withBodies);
        GraphCheck.check(meta.graph(), dir, "SavedModel's graph");
        Map<String, Signature> signatures = new TreeMap<>(meta.signatures());
        signatures.remove(INIT_OP_SIGNATURE);
        String chosen = chosenSignature(dir, signatures.keySet(), name);
        Signature signature = signatures.get(chosen);
        boolean tf2 = meta.tf2();
        GraphDef graph = tf2 && withBodies ? SignatureGraphs.tf2Inlined(meta.graph(), signature, dir)
                : tf2 ? SignatureGraphs.tf2(signature) : SignatureGraphs.tf1(meta.graph(), signature, dir);
        if (!tf2 && withBodies) {
            graph = ModelLoader.convertible(graph, dir.toString());
        }
        return new LoadedModel(new TfGraph(graph, dir.toString()), meta.graph(),
                tf2 ? "SavedModel (TF2)" : "SavedModel (TF1)", tf2 ? SignatureGraphs.tf2Keys(signature)
                : SignatureGraphs.tf1Keys(signature), chosen,
                signatures.entrySet().stream().map(e -> SignatureInfo.of(e.getKey(), e.getValue())).toList(),
                tf2 ? meta.boundInputs() : Map.of());
    }

    /** The signature asked for; else serving_default; else the only one; else an error naming the choices. */
    private static String chosenSignature(Path dir, Set<String> names, String asked) {
        String choices = names.stream().collect(Collectors.joining("', '", "'", "'"));
        if (asked != null) {
            if (!names.contains(asked)) {
                throw new TfirException(dir + ": the SavedModel has no signature '" + asked + "'; it has "
                        + (names.isEmpty() ? "none" : choices) + "; choose one with --signature");
            }
            return asked;
        }
        if (names.contains(SERVING_SIGNATURE)) {
            return SERVING_SIGNATURE;
        }
        if (names.size() == 1) {
            return names.iterator().next();
        }
        throw new TfirException(names.isEmpty()
                ? dir + ": the SavedModel has no signatures; export it with one (tf.saved_model.save(..., signatures=...))"
                : dir + ": the SavedModel has no '" + SERVING_SIGNATURE + "' signature but " + names.size() + ": "
                        + choices + "; choose one with --signature NAME");
    }

    /**
     * The MetaGraph of the tag set; {@code forConversion}: only what conversion reads of it, its library only the
     * functions its graph can run ({@link ConvertibleMetaGraphs}).
     */
    static MetaGraph metaGraph(Path dir, List<String> tags, boolean forConversion) {
        if (!Files.isDirectory(dir)) {
            throw new TfirException(dir + ": " + (Files.exists(dir) ? "is not a directory" : "no such directory")
                    + "; --saved_model_dir expects a SavedModel directory (with saved_model.pb)");
        }
        Path binary = dir.resolve("saved_model.pb");
        Path text = dir.resolve("saved_model.pbtxt");
        if (!Files.exists(binary) && !Files.exists(text)) {
            throw new TfirException(dir + ": no saved_model.pb or saved_model.pbtxt in the directory; "
                    + "--saved_model_dir expects a SavedModel directory");
        }
        boolean isText = !Files.exists(binary);
        Function<SavedModel, List<MetaGraph>> whole = model -> model.getMetaGraphsList().stream()
                .map(MetaGraph::of).toList();
        List<MetaGraph> metaGraphs = ProtoFiles.read(isText ? text : binary, "SavedModel", isText,
                SavedModel.getDefaultInstance(), whole, forConversion ? ConvertibleMetaGraphs::parse
                        : bytes -> whole.apply(Protos.parse(SavedModel.getDefaultInstance(), bytes, true)));
        Set<String> wanted = tags.stream().filter(t -> !t.isBlank()).map(String::strip).collect(Collectors.toSet());
        if (wanted.isEmpty()) {
            wanted = Set.of(SERVE);
        }
        for (MetaGraph meta : metaGraphs) {
            if (Set.copyOf(meta.tags()).equals(wanted)) {
                return meta;
            }
        }
        String available = metaGraphs.stream()
                .map(m -> String.join(",", m.tags()))
                .collect(Collectors.joining("', '", "'", "'"));
        throw new TfirException(dir + ": the SavedModel has no MetaGraph with tags '" + String.join(",", wanted)
                + "'; it has " + available + "; choose one with --saved_model_tags");
    }
}
