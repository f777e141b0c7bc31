package dev.tfir.common.model;

import com.google.protobuf.CodedOutputStream;
import dev.tfir.common.TfirException;
import dev.tfir.common.checkpoint.Checkpoint;
import dev.tfir.common.checkpoint.Tensor;
import dev.tfir.common.types.DTypes;
import dev.tfir.common.types.PartialShape;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * A frozen structure ({@link Freezing#freezeStructure}) with its variables' values from their checkpoint: each
 * Const without a value becomes what TensorFlow's {@code convert_variables_to_constants} writes, a Const with
 * only {@code dtype} and {@code value}, the checkpoint tensor as {@code tf.make_tensor_proto} encodes it.
 */
public final class FrozenGraphs {
    private static final int NODE_FIELD = GraphDef.NODE_FIELD_NUMBER;

    private FrozenGraphs() {}

    /** The frozen graph in memory; {@code values} may be null when every Const already holds its value. */
    public static GraphDef withValues(GraphDef structure, CheckpointBinding values) {
        GraphDef.Builder frozen = structure.toBuilder().clearNode();
        for (NodeDef node : structure.getNodeList()) {
            frozen.addNode(isVariable(node) ? constant(node, values) : node);
        }
        return frozen.build();
    }

    /**
     * Writes the frozen graph as a binary GraphDef, reading one variable at a time: at most one value is held in
     * memory beside the structure (its mapping of the checkpoint released once it is written out).
     */
    public static void write(GraphDef structure, CheckpointBinding values, OutputStream out) throws IOException {
        CodedOutputStream coded = CodedOutputStream.newInstance(out, 1 << 16);
        for (NodeDef node : structure.getNodeList()) {
            if (isVariable(node)) {
                Checkpoint.releasingMappings(() -> {
                    coded.writeMessage(NODE_FIELD, constant(node, values));
                    coded.flush(); // the value's bytes are out of the buffer before its mapping goes
                });
            } else {
                coded.writeMessage(NODE_FIELD, node);
            }
        }
        structure.toBuilder().clearNode().build().writeTo(coded);
        coded.flush();
    }

    /** A Const that still needs its value: a variable op, or a frozen variable without {@code value}. */
    public static boolean isVariable(NodeDef node) {
        return CheckpointBinding.VARIABLE_OPS.contains(node.getOp())
                || node.getOp().equals("Const") && !node.containsAttr("value");
    }

    /** The Const holding variable {@code node}'s value (see {@link #constantValue}). */
    public static NodeDef constant(NodeDef node, CheckpointBinding values) {
        Tensor tensor = constantValue(node, values);
        return NodeDef.newBuilder().setName(node.getName()).setOp("Const")
                .putAttr("dtype", AttrValue.newBuilder().setType(tensor.dtype()).build())
                .putAttr("value", AttrValue.newBuilder().setTensor(MadeTensorProtos.of(tensor)).build()).build();
    }

    /**
     * The checkpoint value of variable {@code node}, checked against the dtype and shape the graph declares.
     *
     * @throws TfirException when there is no checkpoint or no tensor for it, or its dtype or shape differ
     */
    public static Tensor constantValue(NodeDef node, CheckpointBinding values) {
        if (values == null) {
            throw new TfirException("variable '" + node.getName() + "' has no value: give the graph's checkpoint"
                    + " with --input_checkpoint");
        }
        Tensor tensor = values.read(node);
        DataType declared = DTypes.baseType(node.getAttrOrDefault("dtype", AttrValue.getDefaultInstance()).getType());
        if (declared != DataType.DT_INVALID && declared != tensor.dtype()) {
            throw new TfirException(values.checkpoint().path() + ": variable '" + node.getName() + "' is "
                    + DTypes.pythonName(declared) + " in the graph but its tensor '" + tensor.name() + "' is "
                    + DTypes.pythonName(tensor.dtype()) + "; is it the checkpoint of this graph?");
        }
        long[] shape = values.declaredShape(node.getName());
        if (shape != null && PartialShape.of(shape).isFullyDefined() && !Arrays.equals(shape, tensor.shape())) {
            throw new TfirException(values.checkpoint().path() + ": variable '" + node.getName() + "' has shape "
                    + Arrays.toString(shape) + " in the graph but " + Arrays.toString(tensor.shape())
                    + " in the checkpoint; is it the checkpoint of this graph?");
        }
        return tensor;
    }
}
