package dev.tfir.convert.translate.op;

import com.google.protobuf.ByteString;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Sources;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.OpTranslator;
import dev.tfir.convert.translate.TfTensor;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;

/**
 * A TensorFlow node made in memory for a translator alone: inputs of given element types and shapes (Parameters)
 * or values (constants), attributes as TensorFlow stores them; no graph, no TF-made file.
 */
final class InMemoryNode {
    private final NodeDef.Builder node;
    private final List<TfTensor> inputs = new ArrayList<>();

    private InMemoryNode(String op) {
        node = NodeDef.newBuilder().setName("node").setOp(op);
    }

    static InMemoryNode of(String op) {
        return new InMemoryNode(op);
    }

    /** An input of this type and shape whose values are known at run time only (a Parameter). */
    InMemoryNode input(ElementType type, long... dims) {
        inputs.add(TfTensor.of(Sources.parameter(type, PartialShape.of(dims)).output(0)));
        return this;
    }

    /** An input as another translator left it (e.g. held channels first). */
    InMemoryNode input(TfTensor tensor) {
        inputs.add(tensor);
        return this;
    }

    /** A constant input. */
    InMemoryNode constant(ConstTensor value) {
        inputs.add(TfTensor.of(Constants.of(value)));
        return this;
    }

    InMemoryNode attr(String name, long... values) {
        AttrValue.ListValue.Builder list = AttrValue.ListValue.newBuilder();
        for (long value : values) {
            list.addI(value);
        }
        return attr(name, AttrValue.newBuilder().setList(list).build());
    }

    InMemoryNode attr(String name, String value) {
        return attr(name, AttrValue.newBuilder().setS(ByteString.copyFromUtf8(value)).build());
    }

    InMemoryNode attr(String name, boolean value) {
        return attr(name, AttrValue.newBuilder().setB(value).build());
    }

    InMemoryNode attr(String name, DataType type) {
        return attr(name, AttrValue.newBuilder().setType(type).build());
    }

    InMemoryNode attr(String name, AttrValue value) {
        node.putAttr(name, value);
        return this;
    }

    NodeContext context() {
        return NodeContext.of(node.build(), inputs);
    }

    /** The translator's outputs on this node. */
    List<TfTensor> translate(OpTranslator translator) {
        return translator.translate(context());
    }

    /** The one output of the translator on this node, in TensorFlow's layout. */
    TfTensor translateOne(OpTranslator translator) {
        List<TfTensor> outputs = translate(translator);
        if (outputs.size() != 1) {
            throw new AssertionError(node.getOp() + " gave " + outputs.size() + " outputs");
        }
        return outputs.get(0);
    }
}
