package dev.tfir.common.model;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.WireFormat;
import dev.tfir.common.proto.Protos;
import dev.tfir.common.proto.WireFields;
import dev.tfir.common.proto.WireFields.Field;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.FunctionDefLibrary;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NameAttrList;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedConcreteFunction;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedObjectGraph;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/**
 * Reads the MetaGraphs of a binary SavedModel as conversion needs them, parsing only what it reads: the tags, the
 * signatures (read from the wire: protobuf's SignatureDef would build the descriptors of {@code meta_graph.proto} and
 * its imports for its map fields, a tenth of a small conversion's reading), whether there is an object graph and
 * which of its nodes each concrete function captures (also from the wire), and the graph (of a TF2 SavedModel, only
 * the nodes its signatures need: {@link SignatureNodes}), whose function library keeps only the functions the graph
 * can run (called by a node of the graph, or of a function so called: by op name, or named by an attribute, a
 * While's body, a PartitionedCall's f, a Case's branches). The rest stays unparsed bytes: a Keras SavedModel's
 * library also holds every layer's call functions, traced for Python, which no signature runs, and its object
 * graph's nodes and op list describe the model for Python; together most of the file.
 *
 * <p>Wire data this reading does not expect (a graph or a library given in pieces, two functions of one name, a
 * function without one signature) is parsed whole.
 */
final class ConvertibleMetaGraphs {
    private static final int META_GRAPHS = SavedModel.META_GRAPHS_FIELD_NUMBER;
    private static final int META_INFO = MetaGraphDef.META_INFO_DEF_FIELD_NUMBER;
    private static final int TAGS = MetaGraphDef.MetaInfoDef.TAGS_FIELD_NUMBER;
    private static final int GRAPH_DEF = MetaGraphDef.GRAPH_DEF_FIELD_NUMBER;
    private static final int SIGNATURE_DEF = MetaGraphDef.SIGNATURE_DEF_FIELD_NUMBER;
    private static final int OBJECT_GRAPH = MetaGraphDef.OBJECT_GRAPH_DEF_FIELD_NUMBER;
    private static final int INPUTS = SignatureDef.INPUTS_FIELD_NUMBER;
    private static final int OUTPUTS = SignatureDef.OUTPUTS_FIELD_NUMBER;
    /** The fields of a map entry message. */
    private static final int MAP_KEY = 1;
    private static final int MAP_VALUE = 2;
    private static final int OBJECT_NODES = SavedObjectGraph.NODES_FIELD_NUMBER;
    private static final int CONCRETE_FUNCTIONS = SavedObjectGraph.CONCRETE_FUNCTIONS_FIELD_NUMBER;
    private static final int BOUND_INPUTS = SavedConcreteFunction.BOUND_INPUTS_FIELD_NUMBER;
    private static final int LIBRARY = GraphDef.LIBRARY_FIELD_NUMBER;
    private static final int NODE = GraphDef.NODE_FIELD_NUMBER;
    private static final int FUNCTION = FunctionDefLibrary.FUNCTION_FIELD_NUMBER;
    private static final int SIGNATURE = FunctionDef.SIGNATURE_FIELD_NUMBER;
    private static final int NAME = OpDef.NAME_FIELD_NUMBER;

    /** Wire data this reading leaves to a whole parse. */
    private static final class Unexpected extends Exception {
        Unexpected() {
            super(null, null, false, false);
        }
    }

    private ConvertibleMetaGraphs() {}

    /** The MetaGraphs of the SavedModel in {@code bytes} (position to limit), byte fields aliasing them. */
    static List<MetaGraph> parse(ByteBuffer bytes) throws InvalidProtocolBufferException {
        Protos.check(SavedModel.getDefaultInstance(), bytes);
        List<MetaGraph> metaGraphs = new ArrayList<>();
        try {
            for (Field field : WireFields.of(bytes)) {
                if (field.number() == META_GRAPHS) {
                    metaGraphs.add(metaGraph(value(field, bytes)));
                }
            }
            return metaGraphs;
        } catch (Unexpected e) {
            return Protos.parse(SavedModel.getDefaultInstance(), bytes, true).getMetaGraphsList().stream()
                    .map(MetaGraph::of).toList();
        }
    }

    private static MetaGraph metaGraph(ByteBuffer meta) throws InvalidProtocolBufferException, Unexpected {
        List<Field> fields = WireFields.of(meta);
        List<String> tags = new ArrayList<>();
        Map<String, Signature> signatures = new HashMap<>();
        boolean tf2 = false;
        Map<String, List<Integer>> boundInputs = new HashMap<>();
        for (Field field : fields) {
            switch (field.number()) {
                case META_INFO -> tags.addAll(tags(value(field, meta)));
                case SIGNATURE_DEF -> {
                    ByteBuffer entry = value(field, meta);
                    signatures.put(key(entry), signature(mapValue(entry)));
                }
                case OBJECT_GRAPH -> tf2 |= objectGraph(value(field, meta), boundInputs);
                default -> { }
            }
        }
        Field graph = single(fields, GRAPH_DEF);
        return new MetaGraph(List.copyOf(tags), graph == null ? GraphDef.getDefaultInstance()
                : graph(value(graph, meta), tf2 ? signatures.values() : null), signatures, tf2, boundInputs);
    }

    /**
     * Reads an object graph's concrete functions' bound inputs into {@code boundInputs} (not its nodes: they describe
     * the model for Python); true when it has nodes.
     */
    private static boolean objectGraph(ByteBuffer graph, Map<String, List<Integer>> boundInputs)
            throws InvalidProtocolBufferException, Unexpected {
        boolean nodes = false;
        for (Field field : WireFields.of(graph)) {
            nodes |= field.number() == OBJECT_NODES;
            if (field.number() == CONCRETE_FUNCTIONS) {
                ByteBuffer entry = value(field, graph);
                boundInputs.put(key(entry), boundInputs(mapValue(entry)));
            }
        }
        return nodes;
    }

    /** A SavedConcreteFunction's bound inputs, packed or not. */
    private static List<Integer> boundInputs(ByteBuffer function) throws InvalidProtocolBufferException {
        List<Integer> ids = new ArrayList<>();
        CodedInputStream in = CodedInputStream.newInstance(function);
        try {
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag == (BOUND_INPUTS << 3 | WireFormat.WIRETYPE_VARINT)) {
                    ids.add(in.readInt32());
                } else if (tag == (BOUND_INPUTS << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                    int limit = in.pushLimit(in.readRawVarint32());
                    while (in.getBytesUntilLimit() > 0) {
                        ids.add(in.readInt32());
                    }
                    in.popLimit(limit);
                } else {
                    in.skipField(tag);
                }
            }
        } catch (InvalidProtocolBufferException e) {
            throw e;
        } catch (IOException e) {
            throw new InvalidProtocolBufferException(e);
        }
        return List.copyOf(ids);
    }

    /** A MetaInfoDef's tags (not its op list). */
    private static List<String> tags(ByteBuffer info) throws Unexpected {
        List<String> tags = new ArrayList<>();
        for (Field tag : WireFields.of(info)) {
            if (tag.number() == TAGS) {
                tags.add(text(value(tag, info)));
            }
        }
        return tags;
    }

    /** A SignatureDef's inputs and outputs (a map's later entry of a key replaces the earlier, as in protobuf). */
    private static Signature signature(ByteBuffer signature) throws InvalidProtocolBufferException, Unexpected {
        Map<String, TensorInfo> inputs = new HashMap<>();
        Map<String, TensorInfo> outputs = new HashMap<>();
        for (Field field : WireFields.of(signature)) {
            if (field.number() == INPUTS || field.number() == OUTPUTS) {
                ByteBuffer entry = value(field, signature);
                ByteBuffer info = mapValue(entry);
                (field.number() == INPUTS ? inputs : outputs).put(key(entry),
                        info.hasRemaining() ? TensorInfo.parseFrom(info) : TensorInfo.getDefaultInstance());
            }
        }
        return new Signature(inputs, outputs);
    }

    /** A string-keyed map entry's key: "" when absent. */
    private static String key(ByteBuffer entry) throws Unexpected {
        Field key = single(WireFields.of(entry), MAP_KEY);
        return key == null ? "" : text(value(key, entry));
    }

    /** A map entry's value bytes: empty when absent (the value type's default). */
    private static ByteBuffer mapValue(ByteBuffer entry) throws Unexpected {
        Field value = single(WireFields.of(entry), MAP_VALUE);
        return value == null ? ByteBuffer.allocate(0) : value(value, entry);
    }

    /** A string field's text; bytes that are not UTF-8 are left to the whole parse, which reports them. */
    private static String text(ByteBuffer utf8) throws Unexpected {
        try {
            return WireFields.text(utf8);
        } catch (CharacterCodingException e) {
            throw new Unexpected();
        }
    }

    /**
     * The graph; of a TF2 SavedModel ({@code signatures} not null) only the nodes its signatures need ({@link
     * SignatureNodes}): a TF1 graph's save subgraph binds its variables.
     */
    private static GraphDef graph(ByteBuffer graph, Collection<Signature> signatures)
            throws InvalidProtocolBufferException, Unexpected {
        List<Field> fields = WireFields.of(graph);
        Set<Integer> needed = signatures == null ? null : SignatureNodes.needed(graph, fields, signatures);
        GraphDef.Builder builder = merge(GraphDef.newBuilder(), graph, fields, field -> field.number() != LIBRARY
                && (needed == null || field.number() != NODE || needed.contains(field.start())));
        Field library = single(fields, LIBRARY);
        return library == null ? builder.build()
                : builder.setLibrary(library(value(library, graph), builder.getNodeList())).build();
    }

    private static FunctionDefLibrary library(ByteBuffer library, List<NodeDef> graphNodes)
            throws InvalidProtocolBufferException, Unexpected {
        List<Field> fields = WireFields.of(library);
        FunctionDefLibrary.Builder builder = merge(FunctionDefLibrary.newBuilder(), library, fields,
                field -> field.number() != FUNCTION);
        Map<String, Field> byName = new HashMap<>();
        for (Field field : fields) {
            if (field.number() == FUNCTION && byName.put(name(value(field, library)), field) != null) {
                throw new Unexpected();
            }
        }
        Map<Integer, FunctionDef> runnable = new TreeMap<>();  // by position: in the library's order
        Deque<String> called = new ArrayDeque<>();
        graphNodes.forEach(node -> calls(node, called::add));
        while (!called.isEmpty()) {
            Field field = byName.get(called.pop());
            if (field != null && !runnable.containsKey(field.start())) {
                FunctionDef function = Protos.merge(FunctionDef.newBuilder(), library, field.valueStart(),
                        field.end(), true).build();
                runnable.put(field.start(), function);
                function.getNodeDefList().forEach(node -> calls(node, called::add));
            }
        }
        return builder.addAllFunction(runnable.values()).build();
    }

    /** The function's name: its signature's. */
    private static String name(ByteBuffer function) throws Unexpected {
        Field signature = single(WireFields.of(function), SIGNATURE);
        if (signature == null) {
            throw new Unexpected();
        }
        ByteBuffer opDef = value(signature, function);
        Field name = single(WireFields.of(opDef), NAME);
        if (name == null) {
            throw new Unexpected();
        }
        return text(value(name, opDef));
    }

    /** What a node may run: its op (a function's name, when it calls one) and every function its attributes name. */
    private static void calls(NodeDef node, Consumer<String> called) {
        called.accept(node.getOp());
        node.getAttrMap().values().forEach(value -> named(value, called));
    }

    private static void named(AttrValue value, Consumer<String> called) {
        if (value.hasFunc()) {
            named(value.getFunc(), called);
        }
        value.getList().getFuncList().forEach(function -> named(function, called));
    }

    private static void named(NameAttrList function, Consumer<String> called) {
        called.accept(function.getName());
        function.getAttrMap().values().forEach(value -> named(value, called));
    }

    /**
     * A field's bytes: a message's, a string's. A field of another wire type protobuf keeps as an unknown field:
     * unexpected.
     */
    private static ByteBuffer value(Field field, ByteBuffer message) throws Unexpected {
        if (!field.delimited()) {
            throw new Unexpected();
        }
        return field.value(message);
    }

    /** The one field of that number, null when there is none; two of them are merged by protobuf: unexpected. */
    private static Field single(List<Field> fields, int number) throws Unexpected {
        Field found = null;
        for (Field field : fields) {
            if (field.number() == number) {
                if (found != null) {
                    throw new Unexpected();
                }
                found = field;
            }
        }
        return found;
    }

    /** Merges the fields {@code kept} into {@code builder}, in runs of adjacent fields. */
    private static <B extends Message.Builder> B merge(B builder, ByteBuffer message, List<Field> fields,
                                                       Predicate<Field> kept) throws InvalidProtocolBufferException {
        int runStart = -1;
        int runEnd = -1;
        for (Field field : fields) {
            if (!kept.test(field)) {
                if (runStart >= 0) {
                    Protos.merge(builder, message, runStart, runEnd, true);
                }
                runStart = -1;
            } else {
                runStart = runStart < 0 ? field.start() : runStart;
                runEnd = field.end();
            }
        }
        if (runStart >= 0) {
            Protos.merge(builder, message, runStart, runEnd, true);
        }
        return builder;
    }
}
