package dev.tfir.convert.translate.op;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Indexing;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;

/**
 * TensorFlow's TensorList ops on a list held as one dense tensor {@code [n, ...element]}, as OpenVINO's TF frontend
 * holds it ({@code tensor_list_operations.cpp}): FromTensor and Stack pass it through, GetItem gathers and SetItem
 * scatters one element on axis 0. Inside a While, a list read or written one element per iteration becomes a
 * Loop's sliced input or concatenated output ({@code ops.LoopLists}).
 */
public final class TensorListTranslators {
    private TensorListTranslators() {}

    /** TensorListFromTensor, TensorListStack: the dense tensor is the list. */
    public static List<TfTensor> asList(NodeContext node) {
        return List.of(TfTensor.of(node.input(0)));
    }

    /**
     * TensorListReserve(element_shape, num_elements): n zero elements. Element dims TensorFlow does not know are
     * held as 0: such a list has no value before its elements are set, which only a loop filling it at its
     * counter does (its elements then come out of the Loop).
     */
    public static List<TfTensor> reserve(NodeContext node) {
        long[] element = node.constantInput(0, "element shape");
        node.require(node.inputShape(0).rank() == 1, "needs an element shape of known rank");
        ElementType type = node.type("element_dtype");
        node.require(type != null, "needs attribute 'element_dtype'");
        long[] known = element.clone();
        for (int d = 0; d < known.length; d++) {
            known[d] = Math.max(known[d], 0);
        }
        Output count = Movement.unsqueeze(Elementwise.convert(node.input(1), ElementType.I64), 0);
        Output shape = Movement.concat(List.of(count, Constants.i64(known)), 0);
        long[] dims = new long[known.length + 1];
        dims[0] = node.input(1).isConstant() ? node.input(1).constant().longs()[0] : PartialShape.UNKNOWN_DIM;
        System.arraycopy(known, 0, dims, 1, known.length);
        Output zeros = Node.builder("Broadcast", "opset3").attribute("mode", "numpy")
                .inputs(Constants.scalar(type, 0), shape).output(type, PartialShape.of(dims)).buildOutput();
        return List.of(TfTensor.of(zeros));
    }

    /** TensorListGetItem(list, index, element_shape): element {@code index}. */
    public static List<TfTensor> getItem(NodeContext node) {
        node.require(node.inputShape(1).rank() == 0, "needs a scalar index");
        return List.of(TfTensor.of(Movement.gather(node.input(0), node.input(1), 0)));
    }

    /** TensorListSetItem(list, index, item): the list with element {@code index} replaced. */
    public static List<TfTensor> setItem(NodeContext node) {
        node.require(node.inputShape(1).rank() == 0, "needs a scalar index");
        Output list = node.input(0);
        Output item = node.input(2);
        node.require(list.rank() == item.rank() + 1, "sets an element of shape " + item.shape()
                + " in a list of shape " + list.shape());
        return List.of(TfTensor.of(Indexing.scatterUpdate(list, Movement.unsqueeze(node.input(1), 0),
                Movement.unsqueeze(item, 0))));
    }

    /** TensorListLength: the number of elements, int32. */
    public static List<TfTensor> length(NodeContext node) {
        Output shape = Movement.shapeOf(node.input(0), ElementType.I32);
        return List.of(TfTensor.of(Movement.gather(shape, Constants.scalar(ElementType.I32, 0), 0)));
    }

    /** TensorListElementShape: the shape of an element, of type {@code shape_type}. */
    public static List<TfTensor> elementShape(NodeContext node) {
        ElementType type = node.type("shape_type");
        Output list = node.input(0);
        long[] rest = new long[list.rank() - 1];
        for (int d = 0; d < rest.length; d++) {
            rest[d] = d + 1;
        }
        Output shape = Movement.shapeOf(list, type == null ? ElementType.I32 : type);
        return List.of(TfTensor.of(Movement.gather(shape, Constants.i64(rest), 0)));
    }
}
