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
import java.util.Arrays;
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
     * TensorListReserve(element_shape, num_elements): n zero elements of the element shape when TensorFlow knows it
     * fully; else a list whose elements have no shape yet, held as n zeros [n]: the first SetItem gives them the
     * item's shape (in a loop that fills the list at its counter, the elements then come out of the Loop).
     */
    public static List<TfTensor> reserve(NodeContext node) {
        ElementType type = node.type("element_dtype");
        node.require(type != null, "needs attribute 'element_dtype'");
        Output count = Movement.unsqueeze(Elementwise.convert(node.input(1), ElementType.I64), 0);
        long[] element = Constants.valuesOf(node.input(0));
        boolean known = element != null && node.inputShape(0).rank() == 1
                && Arrays.stream(element).allMatch(d -> d >= 0);
        long[] elementDims = known ? element : new long[0];
        long[] dims = new long[elementDims.length + 1];
        dims[0] = node.input(1).isConstant() ? node.input(1).constant().longs()[0] : PartialShape.UNKNOWN_DIM;
        System.arraycopy(elementDims, 0, dims, 1, elementDims.length);
        Output shape = Movement.concat(List.of(count, Constants.i64(elementDims)), 0);
        return List.of(TfTensor.of(zeros(type, shape, PartialShape.of(dims))));
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
        if (list.rank() == 1 && item.rank() > 0) {
            // elements without a shape yet (a TensorListReserve of an element shape TensorFlow did not know)
            Output count = Movement.gather(Movement.shapeOf(list, ElementType.I64), Constants.i64(0), 0);
            long[] dims = new long[item.rank() + 1];
            dims[0] = list.shape().dim(0);
            System.arraycopy(item.shape().dims(), 0, dims, 1, item.rank());
            list = zeros(list.type(), Movement.concat(List.of(count, Movement.shapeOf(item, ElementType.I64)), 0),
                    PartialShape.of(dims));
        }
        node.require(list.rank() == item.rank() + 1, "sets an element of shape " + item.shape()
                + " in a list of shape " + list.shape());
        if (node.attrs().bool("resize_if_index_out_of_bounds", false)) {
            list = grown(list, node.input(1));
        }
        return List.of(TfTensor.of(Indexing.scatterUpdate(list, Movement.unsqueeze(node.input(1), 0),
                Movement.unsqueeze(item, 0))));
    }

    /**
     * The list with zero elements added at its end up to {@code index + 1} elements (a TensorArray of
     * {@code dynamic_size=True} grows where it is written): a Pad of axis 0 ({@code ops.LoopLists} looks through it
     * in a loop that fills the list at its counter).
     */
    private static Output grown(Output list, Output index) {
        Output length = Movement.gather(Movement.shapeOf(list, ElementType.I64), Constants.i64(0), 0);
        Output wanted = Elementwise.add(Movement.unsqueeze(Elementwise.convert(index, ElementType.I64), 0),
                Constants.i64(1));
        Output missing = Elementwise.binary("Maximum", Elementwise.binary("Subtract", wanted, length),
                Constants.i64(0));
        long[] dims = list.shape().dims();
        dims[0] = PartialShape.UNKNOWN_DIM;
        return Movement.padAxis0End(list, missing, PartialShape.of(dims));
    }

    /** Broadcast-3 of a zero to the shape (computed at run time where it must be). */
    private static Output zeros(ElementType type, Output shape, PartialShape dims) {
        return Node.builder("Broadcast", "opset3").attribute("mode", "numpy").inputs(Constants.scalar(type, 0), shape)
                .output(type, dims).buildOutput();
    }

    /**
     * TensorListConcat, TensorListConcatV2 (TensorArray.concat): the elements [n, d0, ...] joined along their first
     * axis, [n * d0, ...], and each one's length d0 (int64 [n]). A list held densely has elements of one shape.
     */
    public static List<TfTensor> concat(NodeContext node) {
        Output list = node.input(0);
        node.require(list.rank() >= 2, "needs a list of elements of rank 1 or more, not one of shape "
                + list.shape());
        Output shape = Movement.shapeOf(list, ElementType.I64);
        long[] rest = new long[list.rank() - 2];
        for (int d = 0; d < rest.length; d++) {
            rest[d] = d + 2;
        }
        Output target = rest.length == 0 ? Constants.i64(-1)
                : Movement.concat(List.of(Constants.i64(-1), Movement.gather(shape, Constants.i64(rest), 0)), 0);
        Output tensor = Movement.reshape(list, target, false);
        Output lengths = Movement.broadcast(Movement.gather(shape, Constants.i64Scalar(1), 0),
                Movement.gather(shape, Constants.i64(0), 0), PartialShape.of(list.shape().dim(0)));
        return List.of(TfTensor.of(tensor), TfTensor.of(lengths));
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
