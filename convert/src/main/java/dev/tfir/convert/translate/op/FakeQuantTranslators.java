package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Arithmetic;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;

/**
 * FakeQuantWithMinMaxArgs, FakeQuantWithMinMaxVars and FakeQuantWithMinMaxVarsPerChannel (along the last axis) as
 * FakeQuantize: TensorFlow first nudges [min, max] so that 0 falls on the grid of 2^num_bits levels (one fewer
 * with narrow_range); the nudged range, computed here in f32 as TensorFlow does, is FakeQuantize's. The ranges must
 * be constants.
 */
public final class FakeQuantTranslators {
    private FakeQuantTranslators() {}

    public static List<TfTensor> withMinMaxArgs(NodeContext node) {
        return fakeQuant(node, new double[] {node.real("min", -6)}, new double[] {node.real("max", 6)}, false);
    }

    public static List<TfTensor> withMinMaxVars(NodeContext node) {
        return fakeQuant(node, range(node, 1, "min"), range(node, 2, "max"), false);
    }

    public static List<TfTensor> withMinMaxVarsPerChannel(NodeContext node) {
        return fakeQuant(node, range(node, 1, "min"), range(node, 2, "max"), true);
    }

    private static List<TfTensor> fakeQuant(NodeContext node, double[] min, double[] max, boolean perChannel) {
        long bits = node.attrs().integer("num_bits", 8);
        node.require(bits >= 2 && bits <= 16, "has num_bits " + bits + "; TensorFlow allows 2 to 16");
        node.require(min.length == max.length && (perChannel || min.length == 1), "needs min and max of "
                + (perChannel ? "one length" : "one value each"));
        float quantMin = node.attrs().bool("narrow_range", false) ? 1 : 0;
        float quantMax = (1 << bits) - 1;
        double[] low = new double[min.length];
        double[] high = new double[min.length];
        for (int i = 0; i < min.length; i++) {
            node.require(min[i] <= max[i], "has min " + min[i] + " above max " + max[i]);
            float scale = ((float) max[i] - (float) min[i]) / (quantMax - quantMin);
            float zeroFromMin = quantMin - (float) min[i] / scale;
            float zero = zeroFromMin < quantMin ? quantMin : zeroFromMin > quantMax ? quantMax
                    : (float) Math.copySign(Math.floor(Math.abs(zeroFromMin) + 0.5), zeroFromMin);
            low[i] = (quantMin - zero) * scale;
            high[i] = (quantMax - zero) * scale;
        }
        long[] shape = perChannel ? new long[] {min.length} : new long[0];
        Output lowRange = Constants.of(ConstTensor.ofDoubles(ElementType.F32, shape, low));
        Output highRange = Constants.of(ConstTensor.ofDoubles(ElementType.F32, shape, high));
        long levels = (long) (quantMax - quantMin) + 1;
        if (perChannel) {
            return List.of(TfTensor.of(Arithmetic.fakeQuantize(node.input(0), lowRange, highRange, levels)));
        }
        return List.of(node.tensor(0).map(x -> Arithmetic.fakeQuantize(x, lowRange, highRange, levels)));
    }

    private static double[] range(NodeContext node, int i, String what) {
        Output value = node.tensor(i).stored();
        node.require(value.isConstant(), "needs its " + what + " (input " + i + ") to be a constant");
        return value.constant().doubles();
    }
}
