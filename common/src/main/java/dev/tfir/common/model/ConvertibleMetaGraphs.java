package dev.tfir.common.model;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.tfir.common.proto.Protos;
import dev.tfir.common.proto.WireFields;
import dev.tfir.common.proto.WireFields.Field;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.FunctionDefLibrary;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NameAttrList;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedObjectGraph;

/**
 * Reads the MetaGraphs of a binary SavedModel as conversion needs them, parsing only what it reads: the tags, the
 * signatures, whether there is an object graph, and the graph, whose function library keeps only the functions the
 * graph can run (called by a node of the graph, or of a function so called: by op name, or named by an attribute,
 * a While's body, a PartitionedCall's f, a Case's branches). The rest stays unparsed bytes: a Keras SavedModel's
 * library also holds every layer's call functions, traced for Python, which no signature runs, and its object
 * graph and op list describe the model for Python; together most of the file.
 *
 * <p>Wire data this reading does not expect (a graph or a library given in pieces, two functions of one name, a
 * function without one signature) is parsed whole.
 */
final class ConvertibleMetaGraphs {
    private static final int META_GRAPHS = SavedModel.META_GRAPHS_FIELD_NUMBER;
    private static final int META_INFO = MetaGraphDef.META_INFO_DEF_FIELD_NUMBER;
    private static final int STRIPPED_OP_LIST = MetaGraphDef.MetaInfoDef.STRIPPED_OP_LIST_FIELD_NUMBER;
    private static final int GRAPH_DEF = MetaGraphDef.GRAPH_DEF_FIELD_NUMBER;
    private static final int SIGNATURE_DEF = MetaGraphDef.SIGNATURE_DEF_FIELD_NUMBER;
    private static final int OBJECT_GRAPH = MetaGraphDef.OBJECT_GRAPH_DEF_FIELD_NUMBER;
    private static final int OBJECT_NODES = SavedObjectGraph.NODES_FIELD_NUMBER;
    private static final int LIBRARY = GraphDef.LIBRARY_FIELD_NUMBER;
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
        MetaGraphDef.Builder parsed = merge(MetaGraphDef.newBuilder(), meta, fields, n -> n == SIGNATURE_DEF);
        for (Field info : fields) {  // its tags: not its op list
            if (info.number() == META_INFO) {
                ByteBuffer value = value(info, meta);
                parsed.mergeMetaInfoDef(merge(MetaGraphDef.MetaInfoDef.newBuilder(), value, WireFields.of(value),
                        n -> n != STRIPPED_OP_LIST).build());
            }
        }
        Field graph = single(fields, GRAPH_DEF);
        boolean tf2 = false;
        for (Field objectGraph : fields) {
            tf2 |= objectGraph.number() == OBJECT_GRAPH && WireFields.of(value(objectGraph, meta)).stream()
                    .anyMatch(f -> f.number() == OBJECT_NODES);
        }
        return new MetaGraph(parsed.getMetaInfoDef().getTagsList(),
                graph == null ? GraphDef.getDefaultInstance() : graph(value(graph, meta)),
                parsed.getSignatureDefMap(), tf2);
    }

    private static GraphDef graph(ByteBuffer graph) throws InvalidProtocolBufferException, Unexpected {
        List<Field> fields = WireFields.of(graph);
        GraphDef.Builder builder = merge(GraphDef.newBuilder(), graph, fields, n -> n != LIBRARY);
        Field library = single(fields, LIBRARY);
        return library == null ? builder.build()
                : builder.setLibrary(library(value(library, graph), builder.getNodeList())).build();
    }

    private static FunctionDefLibrary library(ByteBuffer library, List<NodeDef> graphNodes)
            throws InvalidProtocolBufferException, Unexpected {
        List<Field> fields = WireFields.of(library);
        FunctionDefLibrary.Builder builder = merge(FunctionDefLibrary.newBuilder(), library, fields,
                n -> n != FUNCTION);
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
        byte[] utf8 = new byte[name.end() - name.valueStart()];
        value(name, opDef).get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
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

    /** Merges the fields whose numbers {@code kept} into {@code builder}, in runs of adjacent fields. */
    private static <B extends Message.Builder> B merge(B builder, ByteBuffer message, List<Field> fields,
                                                       IntPredicate kept) throws InvalidProtocolBufferException {
        int runStart = -1;
        int runEnd = -1;
        for (Field field : fields) {
            if (!kept.test(field.number())) {
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
