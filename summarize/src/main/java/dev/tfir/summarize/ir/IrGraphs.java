package dev.tfir.summarize.ir;

import dev.tfir.common.detect.GraphSummary;
import dev.tfir.common.detect.InputInfo;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.model.LoadedModel;
import dev.tfir.common.types.PartialShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorShapeProto;

/**
 * An IR as a graph the REPL explores like a TensorFlow one: a node per layer (its name; a name two layers share
 * gets "#ID"), the layer type as op, the {@code <data>} attributes as string attrs, the output ports' shapes as
 * {@code _output_shapes} and their element types as {@code element_types}, inputs in input-port order.
 */
public final class IrGraphs {
    private static final Map<String, DataType> DTYPES = Map.ofEntries(Map.entry("f64", DataType.DT_DOUBLE),
            Map.entry("f32", DataType.DT_FLOAT), Map.entry("f16", DataType.DT_HALF),
            Map.entry("bf16", DataType.DT_BFLOAT16), Map.entry("i8", DataType.DT_INT8),
            Map.entry("i16", DataType.DT_INT16), Map.entry("i32", DataType.DT_INT32),
            Map.entry("i64", DataType.DT_INT64), Map.entry("u8", DataType.DT_UINT8),
            Map.entry("u16", DataType.DT_UINT16), Map.entry("u32", DataType.DT_UINT32),
            Map.entry("u64", DataType.DT_UINT64), Map.entry("boolean", DataType.DT_BOOL),
            Map.entry("string", DataType.DT_STRING));

    private IrGraphs() {}

    /** The IR as a loaded model: the graph is the one stored, its form "OpenVINO IR vN". */
    public static LoadedModel loaded(IrModel model) {
        GraphDef graph = graphDef(model);
        return new LoadedModel(new TfGraph(graph, model.xml().toString()), graph, model.form());
    }

    /** The IR's Parameters and Results as the detector's summary, for the REPL's summary, inputs and outputs. */
    public static GraphSummary summary(IrModel model, TfGraph graph) {
        Map<Integer, String> names = nodeNames(model);
        List<InputInfo> inputs = new ArrayList<>();
        List<NodeDef> outputs = new ArrayList<>();
        IrInterface io = IrInterface.of(model);
        int input = 0;
        for (IrLayer layer : model.layers()) {
            if (layer.type().equals("Parameter") && !layer.outputs().isEmpty()) {
                IrTensor tensor = io.inputs().get(input++);
                inputs.add(new InputInfo(names.get(layer.id()),
                        DTYPES.getOrDefault(tensor.elementType(), DataType.DT_INVALID), shape(tensor.shape())));
            } else if (layer.type().equals("Result") && !layer.inputs().isEmpty()) {
                outputs.add(graph.node(graph.indexOf(names.get(layer.id()))));
            }
        }
        return new GraphSummary(inputs, outputs);
    }

    private static GraphDef graphDef(IrModel model) {
        Map<Integer, String> names = nodeNames(model);
        Map<Integer, IrLayer> byId = model.byId();
        Map<Long, String> producerOfInput = new HashMap<>();
        for (IrEdge edge : model.edges()) {
            IrLayer from = byId.get(edge.fromLayer());
            producerOfInput.put(key(edge.toLayer(), edge.toPort()),
                    names.get(from.id()) + ":" + from.outputIndex(edge.fromPort()));
        }
        GraphDef.Builder graph = GraphDef.newBuilder();
        for (IrLayer layer : model.layers()) {
            NodeDef.Builder node = graph.addNodeBuilder().setName(names.get(layer.id())).setOp(layer.type());
            for (IrPort port : layer.inputs()) {
                String producer = producerOfInput.get(key(layer.id(), port.id()));
                if (producer != null) {
                    node.addInput(producer);
                }
            }
            layer.data().forEach((key, value) -> node.putAttr(key, string(value)));
            if (!layer.opset().isEmpty()) {
                node.putAttr("opset", string(layer.opset()));
            }
            if (!layer.outputs().isEmpty()) {
                AttrValue.ListValue.Builder shapes = AttrValue.ListValue.newBuilder();
                AttrValue.ListValue.Builder types = AttrValue.ListValue.newBuilder();
                for (IrPort port : layer.outputs()) {
                    shapes.addShape(shapeProto(shape(port.shapeText())));
                    types.addS(com.google.protobuf.ByteString.copyFromUtf8(port.elementType()));
                }
                node.putAttr("_output_shapes", AttrValue.newBuilder().setList(shapes).build());
                node.putAttr("element_types", AttrValue.newBuilder().setList(types).build());
            }
        }
        return graph.build();
    }

    /** Node names: the layer's name, "#ID" appended where it is empty or another layer has it already. */
    private static Map<Integer, String> nodeNames(IrModel model) {
        Map<Integer, String> names = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (IrLayer layer : model.layers()) {
            String name = layer.name().isEmpty() || !taken.add(layer.name()) ? layer.name() + "#" + layer.id()
                    : layer.name();
            taken.add(name);
            names.put(layer.id(), name);
        }
        return names;
    }

    private static long key(int layer, int port) {
        return ((long) layer << 32) | (port & 0xffffffffL);
    }

    private static AttrValue string(String value) {
        return AttrValue.newBuilder().setS(com.google.protobuf.ByteString.copyFromUtf8(value)).build();
    }

    private static TensorShapeProto shapeProto(PartialShape shape) {
        TensorShapeProto.Builder proto = TensorShapeProto.newBuilder().setUnknownRank(!shape.hasRank());
        if (shape.hasRank()) {
            for (long dim : shape.dims()) {
                proto.addDimBuilder().setSize(dim);
            }
        }
        return proto.build();
    }

    /** "[?,4]" as a partial shape (any dynamic dim unknown); "[...]" as an unknown rank. */
    private static PartialShape shape(String text) {
        long[] sizes = IrDims.sizes(text);
        return sizes == null ? PartialShape.unknownRank() : PartialShape.of(sizes);
    }
}
