package dev.tfir.common.model;

import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.proto.WireFields;
import dev.tfir.common.proto.WireFields.Field;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorInfo;

/**
 * The nodes of a TF2 SavedModel's graph that its signatures run, found on the wire before any node is parsed: the
 * signatures' input and output nodes and their ancestors. The rest is what the SavedModel keeps for Python (each
 * variable's own handle, the handles and calls of its save and restore functions): a third to two thirds of the
 * graph, which conversion never reads.
 */
final class SignatureNodes {
    private static final int NODE = GraphDef.NODE_FIELD_NUMBER;
    private static final int NAME = NodeDef.NAME_FIELD_NUMBER;
    private static final int INPUT = NodeDef.INPUT_FIELD_NUMBER;

    private SignatureNodes() {}

    /**
     * The start positions of the node fields (of {@code fields}, the graph's, in {@code graph}) that the signatures
     * need; null when all are kept: a signature tensor without a name (a sparse or composite one), a name no node
     * has, two nodes of one name or a name that is not UTF-8 (left for the whole graph's checks to report).
     */
    static Set<Integer> needed(ByteBuffer graph, List<Field> fields, Collection<Signature> signatures) {
        Deque<String> wanted = new ArrayDeque<>();
        for (Signature signature : signatures) {
            for (Map<String, TensorInfo> tensors : List.of(signature.inputs(), signature.outputs())) {
                for (TensorInfo tensor : tensors.values()) {
                    if (tensor.getName().isEmpty()) {
                        return null;
                    }
                    wanted.add(TensorRef.parse(tensor.getName()).node());
                }
            }
        }
        Map<String, Node> byName = new HashMap<>();
        try {
            for (Field field : fields) {
                if (field.number() == NODE && field.delimited()) {
                    Node node = node(field, graph);
                    if (byName.put(node.name(), node) != null) {
                        return null;
                    }
                }
            }
        } catch (CharacterCodingException e) {
            return null;
        }
        Set<String> reached = new HashSet<>();
        Set<Integer> kept = new HashSet<>();
        while (!wanted.isEmpty()) {
            String name = wanted.pop();
            if (reached.add(name)) {
                Node node = byName.get(name);
                if (node == null) {
                    return null;
                }
                kept.add(node.field().start());
                wanted.addAll(node.inputs());
            }
        }
        return kept;
    }

    /** A node field, its name and the names of the nodes it reads (data and control inputs). */
    private record Node(Field field, String name, List<String> inputs) {}

    private static Node node(Field field, ByteBuffer graph) throws CharacterCodingException {
        ByteBuffer node = field.value(graph);
        String name = "";
        List<String> inputs = new ArrayList<>();
        for (Field part : WireFields.of(node)) {
            if (part.number() == NAME && part.delimited()) {
                name = WireFields.text(part.value(node));
            } else if (part.number() == INPUT && part.delimited()) {
                inputs.add(TensorRef.parse(WireFields.text(part.value(node))).node());
            }
        }
        return new Node(field, name, inputs);
    }
}
