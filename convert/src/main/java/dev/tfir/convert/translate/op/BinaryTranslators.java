package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.translate.Layouts;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.OpTranslator;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;

/**
 * Elementwise ops of two inputs with numpy broadcasting, and BiasAdd. When an input is held channels first, the
 * op is done channels first too: lower-rank operands (a per-channel vector) are broadcast the NCHW way.
 */
public final class BinaryTranslators {
    private BinaryTranslators() {}

    /** The OpenVINO binary op {@code irType} (opset1 or, bitwise, later; numpy broadcasting) of inputs 0 and 1. */
    public static OpTranslator binary(String irType) {
        return node -> List.of(apply(node, irType));
    }

    /** AddN: the sum of all inputs. */
    public static List<TfTensor> addN(NodeContext node) {
        return List.of(combine(node, "Add", node.inputCount()));
    }

    /**
     * FloorDiv: floats Floor(x / y); integers (x - FloorMod(x, y)) / y, whose division is exact (OpenVINO's CPU
     * truncates an integer Divide whatever its m_pythondiv says).
     */
    public static List<TfTensor> floorDiv(NodeContext node) {
        if (node.inputType(0).isFloating()) {
            return List.of(apply(node, "Divide").map(q -> Elementwise.unary("Floor", "opset1", q)));
        }
        Output x = node.input(0);
        Output y = node.input(1);
        Output multiple = Elementwise.binary("Subtract", x, Elementwise.binary("FloorMod", x, y));
        return List.of(TfTensor.of(Elementwise.binary("Divide", multiple, y)));
    }

    /** The binary op of inputs 0 and 1, in the layout of its inputs. */
    static TfTensor apply(NodeContext node, String irType) {
        return combine(node, irType, 2);
    }

    /** The op applied left to right over the first {@code count} inputs, channels first if any input is. */
    private static TfTensor combine(NodeContext node, String irType, int count) {
        boolean anyChannelsFirst = false;
        boolean fits = true;
        for (int i = 0; i < count; i++) {
            anyChannelsFirst |= node.isChannelsFirst(i);
            fits &= node.inputShape(i).rank() <= 4;
        }
        boolean channelsFirst = anyChannelsFirst && fits;
        Output result = channelsFirst ? channelsFirstOperand(node, 0) : node.input(0);
        for (int i = 1; i < count; i++) {
            result = Elementwise.binary(irType, result, channelsFirst ? channelsFirstOperand(node, i) : node.input(i));
        }
        return channelsFirst ? TfTensor.channelsFirst(result) : TfTensor.of(result);
    }

    /** An operand of rank <= 4 as it broadcasts against NCHW: rank 4 transposed, lower ranks padded to 4 first. */
    private static Output channelsFirstOperand(NodeContext node, int i) {
        int rank = node.inputShape(i).rank();
        if (rank == 4) {
            return node.channelsFirstInput(i);
        }
        Output x = node.input(i);
        if (rank == 0) {
            return x;
        }
        long[] leading = new long[4 - rank];
        for (int axis = 0; axis < leading.length; axis++) {
            leading[axis] = axis;
        }
        return Movement.transpose(Movement.unsqueeze(x, leading), Layouts.TO_CHANNELS_FIRST);
    }

    /** BiasAdd: NHWC adds along the last axis (a broadcasting Add); NCHW along axis 1. */
    public static List<TfTensor> biasAdd(NodeContext node) {
        if (!node.attrs().string("data_format", "NHWC").equals("NCHW")) {
            return List.of(apply(node, "Add"));
        }
        Output x = node.input(0);
        node.require(x.rank() >= 2, "needs an input of rank 2 or more with data_format NCHW");
        long[] trailing = new long[x.rank() - 2];
        for (int i = 0; i < trailing.length; i++) {
            trailing[i] = i + 1;
        }
        return List.of(TfTensor.of(Elementwise.add(x, Movement.unsqueeze(node.input(1), trailing))));
    }
}
