package dev.tfir.common.model;

import dev.tfir.common.TfirException;
import dev.tfir.common.graph.TensorRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * TF1 TensorArrays ({@code TensorArrayV3} and its Read/Write/Scatter/Gather/Concat/Size/Close ops) rewritten as the
 * TensorList ops TF2's while_v2 writes: the TensorArray's flow tensor becomes the list (a variant), its resource
 * handle goes away (with the Enters, Switches and Identities that route it into loops and conditionals).
 * {@code TensorArrayV3} becomes {@code TensorListReserve} of its size, {@code WriteV3} {@code TensorListSetItem}
 * (growing the list where the TensorArray has {@code dynamic_size=True}: {@code resize_if_index_out_of_bounds}, as
 * TF2 writes it), {@code ReadV3} {@code TensorListGetItem}, {@code SizeV3} {@code TensorListLength},
 * {@code ConcatV3} {@code TensorListConcat}, {@code CloseV3} a {@code NoOp}; a {@code ScatterV3} to indices
 * {@code range(0, n)} of a fresh TensorArray (TensorArray.unstack) becomes {@code TensorListFromTensor}, a
 * {@code GatherV3} of {@code range(0, size)} (TensorArray.stack) {@code TensorListStack}. Any other use is refused,
 * naming the node.
 */
final class TensorArrayLists {
    private static final Set<String> PASSING_OPS = Set.of("Enter", "Merge", "Switch", "Exit", "NextIteration",
            "Identity");
    /** Ops that route a TensorArray handle (into a loop, into a tf.cond branch) unchanged. */
    private static final Set<String> HANDLE_ROUTES = Set.of("Enter", "Identity", "Switch");
    /** The data inputs of the TensorArray ops rewritten (the handle first, the flow last but for V3 itself). */
    private static final Map<String, Integer> ARITY = Map.of("TensorArrayV3", 1, "TensorArrayWriteV3", 4,
            "TensorArrayReadV3", 3, "TensorArraySizeV3", 2, "TensorArrayScatterV3", 4, "TensorArrayGatherV3", 3,
            "TensorArrayConcatV3", 2, "TensorArrayCloseV3", 1);
    private static final Set<String> LIST_OPS = Set.of("TensorListReserve", "TensorListSetItem",
            "TensorListFromTensor");

    private final Map<String, NodeDef> nodes = new HashMap<>();
    private final Set<String> handleRoutes = new HashSet<>();
    private final String where;

    private TensorArrayLists(List<NodeDef> graph, String where) {
        graph.forEach(node -> nodes.put(node.getName(), node));
        this.where = where;
    }

    /** {@code graph}'s nodes with every TensorArray rewritten as a TensorList; the nodes as they are without one. */
    static List<NodeDef> rewrite(List<NodeDef> graph, String where) {
        if (graph.stream().noneMatch(node -> node.getOp().startsWith("TensorArray"))) {
            return graph;
        }
        TensorArrayLists lists = new TensorArrayLists(graph, where);
        graph.stream().filter(node -> HANDLE_ROUTES.contains(node.getOp()) && node.getInputCount() > 0
                        && lists.isHandle(node.getInput(0)))
                .forEach(node -> lists.handleRoutes.add(node.getName()));
        List<NodeDef> rewritten = new ArrayList<>();
        for (NodeDef node : graph) {
            if (!lists.handleRoutes.contains(node.getName())) {
                rewritten.addAll(lists.rewritten(node));
            }
        }
        return withListTypes(rewritten);
    }

    private List<NodeDef> rewritten(NodeDef node) {
        String op = node.getOp();
        if (!op.startsWith("TensorArray")) {
            return List.of(withFlowsAsLists(node));
        }
        long data = node.getInputList().stream().filter(input -> !input.startsWith("^")).count();
        if (data != ARITY.getOrDefault(op, (int) data)) {
            throw refusal(node, "has " + data + " data inputs; TensorFlow's op takes " + ARITY.get(op));
        }
        if (op.equals("TensorArrayV3")) {
            return reserve(node);
        }
        NodeDef array = arrayOf(node);
        List<String> in = node.getInputList().stream().filter(input -> !input.startsWith("^")).toList();
        String flow = flowAsList(in.get(in.size() - 1));
        NodeDef.Builder list = NodeDef.newBuilder().setName(node.getName());
        DataType dtype = array.getAttrOrThrow("dtype").getType();
        String shape = array.getName() + "/element_shape";
        switch (op) {
            case "TensorArrayWriteV3" -> list.setOp("TensorListSetItem").addInput(flow).addInput(in.get(1))
                    .addInput(in.get(2)).putAttr("element_dtype", type(dtype))
                    .putAttr("resize_if_index_out_of_bounds", AttrValue.newBuilder().setB(grows(array)).build());
            case "TensorArrayReadV3" -> list.setOp("TensorListGetItem").addInput(flow).addInput(in.get(1))
                    .addInput(shape).putAttr("element_dtype", type(dtype));
            case "TensorArraySizeV3" -> list.setOp("TensorListLength").addInput(flow);
            case "TensorArrayScatterV3" -> {
                requireRangeFromZero(node, in.get(1), null);
                if (!TensorRef.parse(in.get(3)).equals(new TensorRef(array.getName(), 1, false))) {
                    throw refusal(node, "scatters into a TensorArray already written to");
                }
                list.setOp("TensorListFromTensor").addInput(in.get(2)).addInput(shape)
                        .putAttr("element_dtype", type(dtype)).putAttr("shape_type", type(DataType.DT_INT32));
            }
            case "TensorArrayGatherV3" -> {
                requireRangeFromZero(node, in.get(1), array);
                list.setOp("TensorListStack").addInput(flow).addInput(shape).putAttr("element_dtype", type(dtype))
                        .putAttr("num_elements", AttrValue.newBuilder().setI(-1).build());
            }
            case "TensorArrayConcatV3" -> list.setOp("TensorListConcat").addInput(flow)
                    .putAttr("element_dtype", type(dtype)).putAttr("element_shape", array.getAttrOrDefault(
                            "element_shape", AttrValue.getDefaultInstance()));
            case "TensorArrayCloseV3" -> list.setOp("NoOp");
            default -> throw refusal(node, "is a TensorArray op tfir does not rewrite (it rewrites Read, Write, "
                    + "Scatter of range(0, n), Gather of range(0, size), Concat, Size and Close)");
        }
        node.getInputList().stream().filter(input -> input.startsWith("^")
                && !handleRoutes.contains(input.substring(1))).forEach(list::addInput);
        return List.of(list.build());
    }

    /** Whether the TensorArray grows where it is written (dynamic_size=True), as TF2's list then does. */
    private static boolean grows(NodeDef array) {
        return array.getAttrOrDefault("dynamic_size", AttrValue.getDefaultInstance()).getB();
    }

    private List<NodeDef> reserve(NodeDef array) {
        NodeDef shape = shapeConst(array.getName() + "/element_shape",
                array.getAttrOrDefault("element_shape", AttrValue.getDefaultInstance()).getShape());
        if (nodes.containsKey(shape.getName())) {
            throw refusal(array, "cannot be rewritten: the graph has a node named '" + shape.getName() + "'");
        }
        NodeDef.Builder reserve = NodeDef.newBuilder().setName(array.getName()).setOp("TensorListReserve")
                .addInput(shape.getName()).addAllInput(array.getInputList())
                .putAttr("element_dtype", type(array.getAttrOrThrow("dtype").getType()))
                .putAttr("shape_type", type(DataType.DT_INT32));
        return List.of(shape, reserve.build());
    }

    /** The TensorArrayV3 whose handle {@code node} (a TensorArray op) takes, through its routes. */
    private NodeDef arrayOf(NodeDef node) {
        NodeDef producer = nodes.get(routedFrom(node.getInput(0)).node());
        if (producer == null || !producer.getOp().equals("TensorArrayV3")) {
            throw refusal(node, "takes a TensorArray handle tfir cannot trace to its TensorArrayV3");
        }
        return producer;
    }

    private boolean isHandle(String input) {
        TensorRef origin = routedFrom(input);
        NodeDef producer = nodes.get(origin.node());
        return producer != null && producer.getOp().equals("TensorArrayV3") && origin.port() == 0;
    }

    /** Where {@code input} comes from before the Enters, Identities and Switches that route it (a cycle ends it). */
    private TensorRef routedFrom(String input) {
        TensorRef ref = TensorRef.parse(input);
        for (int steps = 0; steps < nodes.size(); steps++) {
            NodeDef producer = nodes.get(ref.node());
            if (producer == null || !HANDLE_ROUTES.contains(producer.getOp()) || producer.getInputCount() == 0) {
                break;
            }
            ref = TensorRef.parse(producer.getInput(0));
        }
        return ref;
    }

    /**
     * Indices {@code range(0, n, 1)}; with {@code array}, n must be its size (the same tensor, a TensorArraySizeV3,
     * or a Const of the same value, as TensorFlow folds a known size).
     */
    private void requireRangeFromZero(NodeDef node, String indices, NodeDef array) {
        NodeDef range = nodes.get(TensorRef.parse(indices).node());
        boolean fromZero = range != null && range.getOp().equals("Range") && range.getInputCount() >= 3
                && isScalar(range.getInput(0), 0)
                && isScalar(range.getInput(2), 1);
        if (!fromZero) {
            throw refusal(node, "takes indices other than range(0, n); tfir rewrites only TensorArray.unstack "
                    + "and TensorArray.stack");
        }
        if (array != null) {
            NodeDef limit = nodes.get(TensorRef.parse(range.getInput(1)).node());
            Long size = scalar(array.getInput(0));
            boolean wholeArray = range.getInput(1).equals(array.getInput(0))
                    || limit != null && limit.getOp().equals("TensorArraySizeV3")
                    || size != null && size.equals(scalar(range.getInput(1)));
            if (!wholeArray) {
                throw refusal(node, "gathers a part of the TensorArray; tfir rewrites only TensorArray.stack");
            }
        }
    }

    private boolean isScalar(String input, long value) {
        Long held = scalar(input);
        return held != null && held == value;
    }

    /** The value of a one-element integer Const; null for anything else. */
    private Long scalar(String input) {
        NodeDef node = nodes.get(TensorRef.parse(input).node());
        if (node == null || !node.getOp().equals("Const")) {
            return null;
        }
        TensorProto tensor = node.getAttrOrThrow("value").getTensor();
        return tensor.getIntValCount() == 1 ? Long.valueOf(tensor.getIntVal(0))
                : tensor.getInt64ValCount() == 1 ? Long.valueOf(tensor.getInt64Val(0)) : null;
    }

    /** {@code node} reading each TensorArray's flow as the list (the TensorListReserve's output 0). */
    private NodeDef withFlowsAsLists(NodeDef node) {
        NodeDef.Builder rewritten = node.toBuilder().clearInput();
        for (String input : node.getInputList()) {
            if (isHandle(input) || input.startsWith("^") && handleRoutes.contains(input.substring(1))) {
                if (!input.startsWith("^")) {
                    throw refusal(node, "takes a TensorArray's handle; tfir rewrites TensorArrays used only by "
                            + "their own ops");
                }
                continue;
            }
            rewritten.addInput(flowAsList(input));
        }
        return rewritten.build();
    }

    private String flowAsList(String input) {
        TensorRef ref = TensorRef.parse(input);
        NodeDef producer = nodes.get(ref.node());
        boolean flow = producer != null && producer.getOp().equals("TensorArrayV3") && ref.port() == 1;
        return flow ? ref.node() : input;
    }

    /** Enter/Merge/Switch/Exit/NextIteration/Identity that pass a list on carry a variant. */
    private static List<NodeDef> withListTypes(List<NodeDef> graph) {
        Map<String, NodeDef> byName = new HashMap<>();
        graph.forEach(node -> byName.put(node.getName(), node));
        Set<String> lists = new HashSet<>();
        for (boolean grew = true; grew; ) {
            grew = false;
            for (NodeDef node : graph) {
                boolean list = LIST_OPS.contains(node.getOp()) || PASSING_OPS.contains(node.getOp())
                        && node.getInputCount() > 0 && lists.contains(TensorRef.parse(node.getInput(0)).node());
                grew |= list && lists.add(node.getName());
            }
        }
        List<NodeDef> typed = new ArrayList<>();
        for (NodeDef node : graph) {
            boolean passing = lists.contains(node.getName()) && PASSING_OPS.contains(node.getOp());
            typed.add(passing ? node.toBuilder().putAttr("T", type(DataType.DT_VARIANT)).build() : node);
        }
        return typed;
    }

    /** A Const of a TensorList element shape: -1 for an unknown rank, else the dimensions (-1 for unknown). */
    private static NodeDef shapeConst(String name, TensorShapeProto shape) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setDtype(DataType.DT_INT32);
        if (shape.getUnknownRank()) {
            tensor.addIntVal(-1);
        } else {
            tensor.setTensorShape(TensorShapeProto.newBuilder()
                    .addDim(TensorShapeProto.Dim.newBuilder().setSize(shape.getDimCount())));
            shape.getDimList().forEach(dim -> tensor.addIntVal((int) dim.getSize()));
        }
        return NodeDef.newBuilder().setName(name).setOp("Const").putAttr("dtype", type(DataType.DT_INT32))
                .putAttr("value", AttrValue.newBuilder().setTensor(tensor).build()).build();
    }

    private static AttrValue type(DataType dtype) {
        return AttrValue.newBuilder().setType(dtype).build();
    }

    private TfirException refusal(NodeDef node, String what) {
        return new TfirException(where + ": node '" + node.getName() + "' (" + node.getOp() + ") " + what);
    }
}
