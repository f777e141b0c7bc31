package dev.tfir.convert;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/** Small TensorFlow graphs for translator tests, written node by node as TensorFlow would. */
public final class GraphBuilder {
    private final GraphDef.Builder graph = GraphDef.newBuilder();

    public GraphBuilder placeholder(String name, long... dims) {
        graph.addNode(NodeDef.newBuilder().setName(name).setOp("Placeholder")
                .putAttr("dtype", type(DataType.DT_FLOAT)).putAttr("shape", shape(dims)));
        return this;
    }

    /** A float32 Const whose elements are 0.5, 1, 1.5... (or all {@code fill} when given). */
    public GraphBuilder floats(String name, long[] dims, Float fill) {
        int count = 1;
        for (long d : dims) {
            count *= (int) d;
        }
        ByteBuffer data = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            data.putFloat(fill != null ? fill : 0.5f * (i + 1));
        }
        return constant(name, DataType.DT_FLOAT, dims, ByteString.copyFrom(data.array()));
    }

    /** An int32 Const. */
    public GraphBuilder ints(String name, long[] dims, int... values) {
        ByteBuffer data = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            data.putInt(v);
        }
        return constant(name, DataType.DT_INT32, dims, ByteString.copyFrom(data.array()));
    }

    /** A node of {@code op} with the inputs and attributes given (float32 T unless given). */
    public GraphBuilder op(String name, String op, Map<String, AttrValue> attributes, String... inputs) {
        NodeDef.Builder node = NodeDef.newBuilder().setName(name).setOp(op).putAttr("T", type(DataType.DT_FLOAT));
        node.putAllAttr(attributes);
        for (String input : inputs) {
            node.addInput(input);
        }
        graph.addNode(node);
        return this;
    }

    public GraphDef graphDef() {
        return graph.build();
    }

    /** Writes the graph as a binary GraphDef file. */
    public Path write(Path file) throws IOException {
        Files.write(file, graph.build().toByteArray());
        return file;
    }

    public static AttrValue string(String value) {
        return AttrValue.newBuilder().setS(ByteString.copyFromUtf8(value)).build();
    }

    public static AttrValue ints(long... values) {
        AttrValue.ListValue.Builder list = AttrValue.ListValue.newBuilder();
        for (long v : values) {
            list.addI(v);
        }
        return AttrValue.newBuilder().setList(list).build();
    }

    public static AttrValue integer(long value) {
        return AttrValue.newBuilder().setI(value).build();
    }

    public static AttrValue real(float value) {
        return AttrValue.newBuilder().setF(value).build();
    }

    public static AttrValue bool(boolean value) {
        return AttrValue.newBuilder().setB(value).build();
    }

    public static AttrValue type(DataType type) {
        return AttrValue.newBuilder().setType(type).build();
    }

    private static AttrValue shape(long... dims) {
        return AttrValue.newBuilder().setShape(shapeProto(dims)).build();
    }

    private static TensorShapeProto shapeProto(long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
        }
        return shape.build();
    }

    private GraphBuilder constant(String name, DataType dtype, long[] dims, ByteString content) {
        TensorProto tensor = TensorProto.newBuilder().setDtype(dtype).setTensorShape(shapeProto(dims))
                .setTensorContent(content).build();
        graph.addNode(NodeDef.newBuilder().setName(name).setOp("Const").putAttr("dtype", type(dtype))
                .putAttr("value", AttrValue.newBuilder().setTensor(tensor).build()));
        return this;
    }
}
