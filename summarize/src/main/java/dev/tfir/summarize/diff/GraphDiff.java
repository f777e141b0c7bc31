package dev.tfir.summarize.diff;

import dev.tfir.summarize.report.AttrFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * The difference of two graphs node by node, matched by name: the nodes only in A, only in B, and those whose op,
 * inputs (in order, control inputs too), attributes or constant value differ.
 *
 * @param onlyA   nodes of A that B has not, in A's order
 * @param onlyB   nodes of B that A has not, in B's order
 * @param changed nodes both have that differ, in A's order
 * @param same    how many nodes both have unchanged
 */
public record GraphDiff(List<NodeDef> onlyA, List<NodeDef> onlyB, List<NodeChange> changed, int same) {
    private static final String VALUE = "value";

    public static GraphDiff of(GraphDef a, GraphDef b) {
        Map<String, NodeDef> inB = byName(b);
        Map<String, NodeDef> inA = byName(a);
        List<NodeDef> onlyA = new ArrayList<>();
        List<NodeChange> changed = new ArrayList<>();
        int same = 0;
        for (NodeDef node : inA.values()) {
            NodeDef other = inB.get(node.getName());
            if (other == null) {
                onlyA.add(node);
                continue;
            }
            NodeChange change = change(node, other);
            if (change == null) {
                same++;
            } else {
                changed.add(change);
            }
        }
        List<NodeDef> onlyB = inB.values().stream().filter(node -> !inA.containsKey(node.getName())).toList();
        return new GraphDiff(onlyA, onlyB, changed, same);
    }

    public boolean identical() {
        return onlyA.isEmpty() && onlyB.isEmpty() && changed.isEmpty();
    }

    private static Map<String, NodeDef> byName(GraphDef graph) {
        Map<String, NodeDef> byName = new LinkedHashMap<>();
        graph.getNodeList().forEach(node -> byName.putIfAbsent(node.getName(), node));
        return byName;
    }

    private static NodeChange change(NodeDef a, NodeDef b) {
        boolean inputsDiffer = !a.getInputList().equals(b.getInputList());
        List<NodeChange.AttrChange> attrs = new ArrayList<>();
        ConstantChange constant = null;
        TreeSet<String> keys = new TreeSet<>(a.getAttrMap().keySet());
        keys.addAll(b.getAttrMap().keySet());
        for (String key : keys) {
            AttrValue va = a.getAttrMap().get(key);
            AttrValue vb = b.getAttrMap().get(key);
            if (va != null && va.equals(vb)) {
                continue;
            }
            if (key.equals(VALUE) && va != null && vb != null && va.hasTensor() && vb.hasTensor()) {
                // null: the same elements, encoded otherwise (tensor_content or value lists)
                constant = ConstantChange.of(va.getTensor(), vb.getTensor());
                continue;
            }
            attrs.add(new NodeChange.AttrChange(key, va == null ? null : AttrFormat.format(va),
                    vb == null ? null : AttrFormat.format(vb)));
        }
        if (a.getOp().equals(b.getOp()) && !inputsDiffer && attrs.isEmpty() && constant == null) {
            return null;
        }
        return new NodeChange(a.getName(), a.getOp(), b.getOp(), inputsDiffer ? a.getInputList() : null,
                inputsDiffer ? b.getInputList() : null, attrs, constant);
    }
}
